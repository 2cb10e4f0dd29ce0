/**
 * The zip an XLSX file is: parts deflated with Node's own zlib, a large part deflated in pieces on
 * libuv's thread pool while it is still being written (xlsx-sheet.ts writes the sheet into it).
 */
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';

const deflateRawPiece = promisify(deflateRaw);
/** Ends a stream of sync-flushed pieces: a final, empty block. */
const FINAL_EMPTY_BLOCK = deflateRawSync(Buffer.alloc(0), { level: 1 });

/** A part of the zip, deflated: its CRC and size are of the uncompressed bytes. */
export interface PackedPart {
  name: string;
  packed: Buffer[];
  crc: number;
  size: number;
}

export function packedPart(name: string, text: string): PackedPart {
  const data = Buffer.from(text, 'utf8');
  return { name, packed: [deflateRawSync(data, { level: 1 })], crc: crc32(data), size: data.length };
}

/** Bytes of a part deflated by one call on libuv's thread pool. */
export const XLSX_PIECE_BYTES = 1 << 20;
/** Pieces deflating at once before the writer waits: the pool's threads are few, and shared. */
const PIECES_IN_FLIGHT = 3;

/**
 * A part deflated as it is written, the way pigz does it: the text goes to UTF-8 a chunk at a time,
 * every 1 MB of it is deflated on its own on the thread pool and ends in a sync flush (byte-aligned,
 * not final), and the pieces in order with one empty final block are a single deflate stream.
 * One zlib stream fed chunk by chunk kept the thread pool waiting for the main thread between
 * chunks (each needs a callback there), so building rows and deflating them took turns: a month's
 * voucher sheet, 200 MB of XML, idled its builder 1.3 s a run. A piece needs the main thread
 * only when it is done.
 */
export function streamedPart(name: string, pieceBytes: number) {
  const pieces: Promise<Buffer>[] = [];
  /** Memory of pieces already deflated, for the writer's next bytes (see `recycled`). */
  const deflatedMemory: ArrayBuffer[] = [];
  let chunks: Buffer[] = [];
  let chunkBytes = 0;
  let crc = 0;
  let size = 0;
  const deflatePiece = (): void => {
    if (chunkBytes === 0) return;
    const data = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, chunkBytes);
    chunks = [];
    chunkBytes = 0;
    // One output buffer larger than any piece's deflate; zlib hands back a copy of just its bytes.
    const piece = deflateRawPiece(data, { level: 1, finishFlush: constants.Z_SYNC_FLUSH, chunkSize: Math.max(64 * 1024, pieceBytes) });
    // A piece's own memory (not a slice of Node's shared small-buffer pool) is free again once deflated.
    if (data.byteOffset === 0 && data.buffer.byteLength >= pieceBytes) piece.then(() => deflatedMemory.push(data.buffer as ArrayBuffer), () => undefined);
    piece.catch(() => undefined); // awaited in order by `end`: a failure surfaces there, not as an unhandled rejection
    pieces.push(piece);
  };
  return {
    write(text: string): void {
      this.writeBytes(Buffer.from(text, 'utf8'));
    },
    /** Bytes the part keeps: the caller hands them over and does not write into them again. */
    writeBytes(data: Buffer): void {
      crc = crc32(data, crc);
      size += data.length;
      chunks.push(data);
      chunkBytes += data.length;
      if (chunkBytes >= pieceBytes) deflatePiece();
    },
    /**
     * A buffer of at least `bytes` whose contents are deflated already, to write the next bytes into,
     * or a new one. Fresh memory costs a page fault per 4 KB at its first touch: a month's voucher
     * sheet, 215 MB, took 55,000 of them, about a third of a second of the thread writing it.
     */
    recycled(bytes: number): Buffer<ArrayBuffer> {
      const memory = deflatedMemory.pop();
      return memory && memory.byteLength >= bytes ? Buffer.from(memory, 0, bytes) : Buffer.allocUnsafe(bytes);
    },
    /** Lets the event loop run, and waits while more pieces are deflating than the pool should hold. */
    async caughtUp(): Promise<void> {
      const oldest = pieces.length - PIECES_IN_FLIGHT;
      if (oldest >= 0) await pieces[oldest];
      else await new Promise<void>((resolve) => setImmediate(resolve));
    },
    async end(): Promise<PackedPart> {
      deflatePiece();
      const packed = await Promise.all(pieces);
      packed.push(FINAL_EMPTY_BLOCK);
      return { name, packed, crc, size };
    },
  };
}

/** A zip of stored names and deflated contents (no zip64: an export stays far below 4 GB). */
export function zip(files: PackedPart[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const packedLength = file.packed.reduce((sum, chunk) => sum + chunk.length, 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(file.crc, 14);
    local.writeUInt32LE(packedLength, 18);
    local.writeUInt32LE(file.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    local.copy(entry, 8, 6, 26);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, name, ...file.packed);
    central.push(entry, name);
    offset += local.length + name.length + packedLength;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
