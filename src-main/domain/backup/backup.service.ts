import fs from 'node:fs';
import path from 'node:path';
import type { Sqlite } from '../../db/connection';

/** Copies a live database only through SQLite's backup API (DESIGN §3), never by copying the file. */
export async function backupDatabase(sqlite: Sqlite, out: string, onProgress?: (done: number, total: number) => void): Promise<{ file: string; bytes: number }> {
  const file = path.resolve(out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await sqlite.backup(file, {
    progress({ totalPages, remainingPages }) {
      onProgress?.(totalPages - remainingPages, totalPages);
      return 200;
    },
  });
  return { file, bytes: fs.statSync(file).size };
}

export function defaultBackupPath(dbFile: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return path.join(path.dirname(path.resolve(dbFile)), 'backups', `desk-erp-${stamp}.sqlite`);
}
