import fs from 'node:fs';
import path from 'node:path';

/** Unexpected errors go to the log file with the method name; the UI only learns "INTERNAL". */
export function logError(method: string, error: unknown): void {
  const line = `${new Date().toISOString()} ERROR ${method}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
  const file = process.env.DESK_ERP_LOG;
  if (file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, line);
  } else if (process.env.VITEST !== 'true') {
    process.stderr.write(line);
  }
}
