/** The limits every row of a CSV or XLSX passes, checked as it is read. */
import { columnLetter, fileRefused, type SpreadsheetLimits } from './imports.limits';

export interface FileRecord {
  /** The physical line (CSV) or sheet row (XLSX) where the record starts; the first is 1. */
  line: number;
  cells: string[];
}

/**
 * Adds a row to the records unless it is blank (blank lines and lines of bare separators are
 * dropped); refuses the file at the first row past a limit.
 */
export function acceptRecord(records: FileRecord[], line: number, cells: string[], limits: SpreadsheetLimits): void {
  let width = 0;
  for (let i = cells.length - 1; i >= 0; i--) {
    if (cells[i]!.trim() !== '') {
      width = i + 1;
      break;
    }
  }
  if (width === 0) return;
  if (width > limits.maxColumns) {
    throw fileRefused('too_many_columns', `Line ${line} has ${width} columns; at most ${limits.maxColumns} can be imported`, { max: limits.maxColumns, line, columns: width });
  }
  for (let i = 0; i < width; i++) {
    if (cells[i]!.length > limits.maxCellChars) {
      const column = columnLetter(i + 1);
      throw fileRefused('cell_too_long', `Cell ${column}${line} holds ${cells[i]!.length} characters; a cell may hold at most ${limits.maxCellChars}`, {
        max: limits.maxCellChars,
        line,
        column,
      });
    }
  }
  if (records.length >= limits.maxRows) {
    throw fileRefused('too_many_rows', `The file has more than ${limits.maxRows.toLocaleString('en')} rows; split it into smaller files`, { max: limits.maxRows });
  }
  records.push({ line, cells: cells.length > limits.maxColumns ? cells.slice(0, limits.maxColumns) : cells });
}
