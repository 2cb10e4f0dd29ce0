import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The log file beside the database, rotated at this size into `.1` and `.2` (three files at most). */
export const LOG_FILE_NAME = 'desk-erp.log';
export const LOG_ROTATE_BYTES = 5 * 1024 * 1024;
export const LOG_KEEP_FILES = 3;

/** Who a logged error happened to: the user's id, never their name, input or data. */
export interface LogContext {
  userId?: string | null;
}

/**
 * Unexpected errors go to the log file with the method name, a reference the UI can show, the user
 * id and the stack; the UI only learns "INTERNAL" and the reference. The input is never logged.
 */
export type ErrorLogger = (method: string, error: unknown, context?: LogContext) => string;

/** `DESK_ERP_LOG` when set (the desktop app sets it), else `desk-erp.log` beside the database; null for an in-memory one. */
export function logFileFor(dbFile: string): string | null {
  if (process.env.DESK_ERP_LOG) return process.env.DESK_ERP_LOG;
  return dbFile === ':memory:' ? null : path.join(path.dirname(path.resolve(dbFile)), LOG_FILE_NAME);
}

/** Every file of the log, newest first, that exists. */
export function logFiles(file: string): string[] {
  return Array.from({ length: LOG_KEEP_FILES }, (_, i) => (i === 0 ? file : `${file}.${i}`)).filter((f) => fs.existsSync(f));
}

export function errorLogger(file: string | null, limits = { rotateBytes: LOG_ROTATE_BYTES }): ErrorLogger {
  return (method, error, context = {}) => {
    const reference = randomBytes(4).toString('hex');
    const stack = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
    const who = context.userId ? ` user=${context.userId}` : '';
    const line = `${new Date().toISOString()} ERROR ${method} ref=${reference}${who}\n${redact(stack)}\n`;
    if (file) appendRotating(file, line, limits.rotateBytes);
    else if (process.env.VITEST !== 'true') process.stderr.write(line);
    return reference;
  };
}

/** Writes a log line, starting a new file first when this one would pass `rotateBytes`. */
export function appendRotating(file: string, line: string, rotateBytes = LOG_ROTATE_BYTES): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
    if (size > 0 && size + Buffer.byteLength(line) > rotateBytes) {
      for (let i = LOG_KEEP_FILES - 1; i >= 1; i--) {
        const from = i === 1 ? file : `${file}.${i - 1}`;
        if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i}`);
      }
    }
    fs.appendFileSync(file, line);
  } catch {
    // A log that cannot be written (disk full, folder gone) must not turn the error it reports into another.
    process.stderr.write(line);
  }
}

const SECRETS: [RegExp, string][] = [
  // Password hashes as stored, and session tokens (32 random bytes in base64url).
  [/scrypt\$[^\s'"]+/g, 'scrypt$…'],
  [/\b[A-Za-z0-9_-]{40,}\b/g, '…'],
  [/\b(password|passwd|pwd|token|secret|cookie)(\s*[:=]\s*)[^\s,;'"]+/gi, '$1$2…'],
  // Customer data an error message may quote: mobile numbers, e-mail addresses, ID card numbers.
  [/(?<!\d)1[3-9]\d{9}(?!\d)/g, '1**********'],
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '…@…'],
  [/(?<!\d)\d{17}[\dXx](?!\d)/g, '******************'],
];

/** Takes out of a message what must never reach a log file (passwords, tokens, customer contact data). */
export function redact(text: string): string {
  return SECRETS.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);
}
