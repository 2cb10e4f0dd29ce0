/**
 * How an import gets its file. The desktop and the CLI send the bytes inside the call (base64); the
 * browser streams the file to `POST /api/uploads` first, which keeps it here as a temporary file
 * under an opaque id, for the user who sent it, and names it in the call. Either way the import
 * reads one Buffer, so parsing has a single entry.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import { MAX_IMPORT_BYTES } from './imports.contract';

/** Long enough to map columns and preview a few times; then the file is gone and is chosen again. */
const KEEP_MS = 60 * 60_000;
/** A user's older uploads are dropped beyond this, so repeated uploads cannot fill the disk. */
const KEPT_PER_USER = 3;

interface StoredUpload {
  file: string;
  userId: string;
  receivedAt: number;
}

export class UploadTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  }
}

export class UploadInterrupted extends Error {
  constructor() {
    super('The upload was interrupted before the whole file arrived');
  }
}

export class UploadStore {
  private uploads = new Map<string, StoredUpload>();
  private folder: string | null = null;

  /** Created on first use, private to this process (mode 0700). */
  get dir(): string {
    return (this.folder ??= fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-uploads-')));
  }

  /**
   * Streams `body` into a new temporary file. Past `maxBytes` the file is removed and UploadTooLarge is
   * thrown; the rest of the body is left flowing unread, so an HTTP server can still answer on the same
   * connection instead of resetting it.
   */
  async receive(body: Readable, userId: string, maxBytes = MAX_IMPORT_BYTES): Promise<{ uploadId: string; size: number }> {
    this.sweep(userId);
    const uploadId = randomBytes(32).toString('base64url');
    const file = path.join(this.dir, uploadId);
    const size = await writeCapped(body, file, maxBytes).catch((error: unknown) => {
      fs.rmSync(file, { force: true });
      throw error;
    });
    this.uploads.set(uploadId, { file, userId, receivedAt: Date.now() });
    return { uploadId, size };
  }

  /** The file of an upload, only for the user who sent it; null when unknown, expired or someone else's. */
  async read(uploadId: string, userId: string | null): Promise<Buffer | null> {
    const upload = this.uploads.get(uploadId);
    if (!upload || upload.userId !== userId) return null;
    if (Date.now() - upload.receivedAt > KEEP_MS) {
      this.remove(uploadId);
      return null;
    }
    return fs.promises.readFile(upload.file);
  }

  removeAll(): void {
    for (const uploadId of [...this.uploads.keys()]) this.remove(uploadId);
  }

  private remove(uploadId: string): void {
    const upload = this.uploads.get(uploadId);
    if (!upload) return;
    this.uploads.delete(uploadId);
    fs.rmSync(upload.file, { force: true });
  }

  /** Drops expired uploads, and the user's oldest beyond the ones they may keep (the new one included). */
  private sweep(userId: string): void {
    const now = Date.now();
    const mine: string[] = [];
    for (const [uploadId, upload] of this.uploads) {
      if (now - upload.receivedAt > KEEP_MS) this.remove(uploadId);
      else if (upload.userId === userId) mine.push(uploadId);
    }
    for (const uploadId of mine.slice(0, Math.max(0, mine.length - (KEPT_PER_USER - 1)))) this.remove(uploadId);
  }
}

function writeCapped(body: Readable, file: string, maxBytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
    let size = 0;
    let done = false;
    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onInterrupted);
      body.off('close', onInterrupted);
      if (error) {
        out.destroy();
        body.resume();
      } else {
        out.end();
      }
      finished(out).then(
        () => (error ? reject(error) : resolve(size)),
        (closed: unknown) => reject(error ?? closed),
      );
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return finish(new UploadTooLarge(maxBytes));
      if (!out.write(chunk)) {
        body.pause();
        out.once('drain', () => !done && body.resume());
      }
    };
    const onEnd = () => finish(null);
    const onInterrupted = () => finish(new UploadInterrupted());
    body.on('data', onData);
    body.on('end', onEnd);
    body.on('error', onInterrupted);
    body.on('close', onInterrupted);
    out.on('error', finish);
  });
}

/** The process's uploads: the headless server writes them, the import methods read them. */
export const importUploads = new UploadStore();

/** The bytes of the file an import names: sent inline (`contentBase64`) or uploaded before (`uploadId`). */
export async function importFileBytes(input: { contentBase64?: string | undefined; uploadId?: string | undefined }, userId: string | null): Promise<Buffer> {
  if ((input.contentBase64 === undefined) === (input.uploadId === undefined)) {
    throw validationError([fieldIssue('uploadId', 'required', { field: 'file' })]);
  }
  let bytes: Buffer;
  if (input.uploadId !== undefined) {
    const uploaded = await importUploads.read(input.uploadId, userId);
    if (!uploaded) throw validationError([fieldIssue('uploadId', 'not_found', { entity: 'upload' })]);
    bytes = uploaded;
  } else {
    bytes = Buffer.from(input.contentBase64!, 'base64');
  }
  if (bytes.length === 0) throw validationError([fieldIssue('contentBase64', 'required', { field: 'file' })]);
  if (bytes.length > MAX_IMPORT_BYTES) throw validationError([fieldIssue('contentBase64', 'file_too_large', { max: '45 MB' })]);
  return bytes;
}
