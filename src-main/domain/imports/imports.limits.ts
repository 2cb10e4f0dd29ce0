/**
 * What one uploaded spreadsheet may hold. Past any limit the file is refused while it is being
 * read, before it can exhaust memory: a 34 MB XLSX of 7 million rows once stopped the server for
 * two minutes and then killed it.
 */
import { AppError, type FieldIssue } from '../../api/errors';

export interface SpreadsheetLimits {
  /** Rows with content, the header included. */
  maxRows: number;
  maxColumns: number;
  /** Characters in one cell; Excel's own limit. */
  maxCellChars: number;
  /** The first sheet's XML once inflated. */
  maxSheetBytes: number;
  /** Every other part read from an XLSX (shared strings, styles, workbook), once inflated. */
  maxPartBytes: number;
}

export const SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxRows: 200_000,
  maxColumns: 200,
  maxCellChars: 32_767,
  // 200,000 rows of ~40 filled cells take about 250 MB of sheet XML.
  maxSheetBytes: 256 * 1024 * 1024,
  maxPartBytes: 64 * 1024 * 1024,
};

/** The input field that carries the file: every problem with the content is reported there. */
export const FILE_FIELD = 'contentBase64';

/** Why a file is refused; stable, so the screen can say it in the user's language. */
export type FileProblemCode =
  | 'empty_file'
  | 'not_xlsx'
  | 'old_xls'
  | 'encrypted_workbook'
  | 'unsupported_encoding'
  | 'malformed_csv'
  | 'duplicate_header'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'cell_too_large'
  | 'sheet_too_large';

export type FileProblemParams = Record<string, string | number | string[]>;

/** An issue about the file, carrying the stable code and the figures its message names. */
export interface FileIssue extends FieldIssue {
  code: FileProblemCode;
  params: FileProblemParams;
}

/** A VALIDATION error about the file's content. */
export function fileRefused(code: FileProblemCode, message: string, params: FileProblemParams = {}, path = FILE_FIELD): AppError {
  const issue: FileIssue = { path, message, code, params };
  return new AppError('VALIDATION', message, [issue]);
}

/** The column letters a person sees in Excel: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
