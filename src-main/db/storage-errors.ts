import { AppError } from '../api/errors';
import { fieldIssue, type IssueCode } from '../api/issues';

/**
 * A write the machine refused (disk full, a failing disk, a read-only file) as `STORAGE`, naming the
 * file and why; null for any other error. SQLite has rolled the transaction back by then, so nothing
 * of the change was kept.
 */
export function storageFailure(error: unknown, file: string): AppError | null {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return null;
  const why = reasonFor(code);
  if (!why) return null;
  return new AppError('STORAGE', `Could not write to the data file ${file}: ${why.text} (${code}); nothing of this change was saved.`, [
    fieldIssue('', why.issue, { file }),
  ]);
}

function reasonFor(code: string): { issue: IssueCode; text: string } | null {
  // ENOSPC reaches SQLite as SQLITE_FULL; other refused writes (EFBIG past a file size limit, EIO) as SQLITE_IOERR_*.
  if (code === 'SQLITE_FULL') return { issue: 'disk_full', text: 'the disk is full' };
  if (code.startsWith('SQLITE_IOERR')) return { issue: 'disk_error', text: 'the disk refused the write (full, failing, or the file reached a size limit)' };
  if (code.startsWith('SQLITE_READONLY')) return { issue: 'not_writable', text: 'the file or its folder is read-only' };
  return null;
}
