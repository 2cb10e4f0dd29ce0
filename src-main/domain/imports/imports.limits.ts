/**
 * What one uploaded spreadsheet may hold. Past any limit the file is refused while it is being
 * read, before it can exhaust memory: a 34 MB XLSX of 7 million rows once stopped the server for
 * two minutes and then killed it.
 */
import { AppError } from '../../api/errors';
import { fieldIssue, type IssueCode, type IssueParams } from '../../api/issues';

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

/** Why a file is refused: the issue codes (api/issues.ts) that the screens word in the UI language. */
export type FileProblemCode = Extract<
  IssueCode,
  'required' | 'invalid_format' | 'password_protected' | 'unsupported_encoding' | 'malformed_csv' | 'duplicate_header' | 'too_many_rows' | 'too_many_columns' | 'cell_too_long' | 'file_too_large'
>;

/**
 * A VALIDATION error about the file's content: the issue carries the stable code and the figures
 * it names; the error's message says the same in English, more fully, for the CLI and the log.
 */
export function fileRefused(code: FileProblemCode, message: string, params: IssueParams = {}, path = FILE_FIELD): AppError {
  return new AppError('VALIDATION', message, [fieldIssue(path, code, params)]);
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
