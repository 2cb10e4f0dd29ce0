import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';
import { preparedOnce } from './statements';

export type Sqlite = BetterSqlite3.Database;

export interface Connection {
  sqlite: Sqlite;
  db: Kysely<Database>;
  file: string;
  close(): void;
}

export interface OpenOptions {
  readonly?: boolean;
  /** Path of a better-sqlite3 `.node` built for Electron (DESIGN §6); Node uses the copy in node_modules. */
  nativeBinding?: string;
}

/** `PRAGMA application_id` of every Desk ERP database ('DERP'); a restore recognises our files by it. */
export const DESK_ERP_APPLICATION_ID = 0x44455250;

export class ForeignDatabaseError extends Error {
  constructor(applicationId: number) {
    super(`This file belongs to another program (SQLite application id 0x${applicationId.toString(16).padStart(8, '0')}), not Desk ERP; nothing was changed.`);
    this.name = 'ForeignDatabaseError';
  }
}

export function applicationIdOf(sqlite: Sqlite): number {
  return sqlite.pragma('application_id', { simple: true }) as number;
}

/** Opens a database with the pragmas of DESIGN §3. `:memory:` is allowed for tests. */
export function openDatabase(file: string, options: OpenOptions = {}): Connection {
  if (file !== ':memory:') {
    assertLocalDisk(file);
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    if (!options.readonly) assertWritable(file);
  }
  const nativeBinding = options.nativeBinding ?? process.env.DESK_ERP_NATIVE_BINDING;
  const sqlite = new BetterSqlite3(file, {
    readonly: options.readonly ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  // Before anything writes to it: another program's file is left exactly as it was.
  const applicationId = applicationIdOf(sqlite);
  if (applicationId !== 0 && applicationId !== DESK_ERP_APPLICATION_ID) {
    sqlite.close();
    throw new ForeignDatabaseError(applicationId);
  }
  if (!options.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache: years of customers and orders stay in memory for list and search screens.
  sqlite.pragma('cache_size = -65536');
  // Plain fsync does not reach the platter on macOS.
  if (process.platform === 'darwin') sqlite.pragma('fullfsync = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: preparedOnce(sqlite) }) });
  return {
    sqlite,
    db,
    file,
    close() {
      if (!sqlite.open) return;
      // Synchronous, so a process may exit right after. SQLite checkpoints on close only when this is
      // the file's last connection; a reader thread or the checkpointer may still hold it, so the
      // WAL is emptied here, waiting for a read or a checkpoint under way (a second was too short on a
      // loaded machine: the checkpointer thread, told to stop but not awaited, was still copying).
      try {
        if (!options.readonly && file !== ':memory:') {
          sqlite.pragma('busy_timeout = 5000');
          emptyWal(sqlite, 5000);
        }
      } finally {
        sqlite.close();
      }
    },
  };
}

/**
 * Copies the WAL into the database file and empties it, trying again while another connection's
 * checkpoint is under way: SQLite answers busy at once then, without waiting (the checkpoint lock
 * takes no busy handler), and the WAL was left full. Returns whether it was emptied in time.
 */
export function emptyWal(sqlite: Pick<Sqlite, 'prepare'>, timeoutMs: number): boolean {
  const checkpoint = sqlite.prepare('PRAGMA wal_checkpoint(TRUNCATE)').raw();
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const deadline = Date.now() + timeoutMs; ; ) {
    const [busy] = checkpoint.get() as [number, number, number];
    if (!busy) return true;
    if (Date.now() >= deadline) return false;
    Atomics.wait(pause, 0, 0, 5); // closing is synchronous (a process may exit right after): a short sleep, not a timer
  }
}

/**
 * A connection to a file that is not the live database (a backup, the restore's checks): no pragmas,
 * nothing created, the same SQLite build as `openDatabase` (the desktop worker sets DESK_ERP_NATIVE_BINDING).
 */
export function openFile(file: string, options: { readonly?: boolean } = {}): Sqlite {
  const nativeBinding = process.env.DESK_ERP_NATIVE_BINDING;
  return new BetterSqlite3(file, { readonly: options.readonly ?? false, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

/**
 * SQLite quietly opens a file it may not write as read-only, and the first write then fails with
 * "attempt to write a readonly database"; say which file and why before anything is done.
 */
export function assertWritable(file: string): void {
  const full = path.resolve(file);
  const folder = path.dirname(full);
  if (fs.existsSync(full) && !mayWrite(full)) {
    throw new Error(`The data file ${full} is read-only: Desk ERP must be able to write to it. Give your account write permission on the file, or copy it to a folder of your own; nothing was changed.`);
  }
  if (!mayWrite(folder)) {
    throw new Error(`The folder ${folder} that holds the data file is read-only: Desk ERP keeps its working files (-wal, -shm) beside the database. Give your account write permission on the folder, or move the file; nothing was changed.`);
  }
}

function mayWrite(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const SYNCED_FOLDER_MARKERS = [
  'Dropbox',
  'OneDrive',
  'Google Drive',
  'GoogleDrive',
  'iCloud Drive',
  'Mobile Documents',
  'CloudStorage',
  'Nutstore',
  '坚果云',
  'BaiduNetdisk',
  '百度网盘',
];

const NETWORK_FILESYSTEMS = new Set(['nfs', 'nfs4', 'cifs', 'smbfs', 'smb3', 'fuse.sshfs', '9p', 'afpfs', 'davfs', 'fuse.rclone']);

/** SQLite's locking is unsafe on network shares and cloud-synced folders; refuse them plainly. */
export function assertLocalDisk(file: string): void {
  const full = path.resolve(file);
  if (/^\\\\/.test(file) || /^\\\\/.test(full)) {
    throw new Error(`The data file ${full} is on a network share. Desk ERP keeps its database on a local disk only; choose a local folder.`);
  }
  const parts = full.split(/[\\/]/);
  const marker = SYNCED_FOLDER_MARKERS.find((m) => parts.includes(m));
  if (marker) {
    throw new Error(`The data file ${full} is inside a cloud-synced folder (${marker}). Sync tools corrupt live databases; choose a local folder outside it.`);
  }
  const fsType = linuxFilesystemOf(full);
  if (fsType && NETWORK_FILESYSTEMS.has(fsType)) {
    throw new Error(`The data file ${full} is on a network file system (${fsType}). Desk ERP keeps its database on a local disk only.`);
  }
}

function linuxFilesystemOf(full: string): string | null {
  if (process.platform !== 'linux') return null;
  let mounts: string;
  try {
    mounts = fs.readFileSync('/proc/mounts', 'utf8');
  } catch {
    return null;
  }
  let best: { mountPoint: string; type: string } | null = null;
  for (const line of mounts.split('\n')) {
    const [, mountPoint, type] = line.split(' ');
    if (!mountPoint || !type) continue;
    const inside = full === mountPoint || full.startsWith(mountPoint.endsWith('/') ? mountPoint : `${mountPoint}/`);
    if (inside && (!best || mountPoint.length > best.mountPoint.length)) best = { mountPoint, type };
  }
  return best?.type ?? null;
}
