/**
 * The text encoding of a CSV. Read are UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode
 * text") and GBK/GB18030 (what Chinese Excel and WPS save). Anything else (Shift-JIS, Latin-1,
 * Big5…) is refused with the encoding named, never decoded into garbled customer names: much of
 * such a file is valid GBK byte for byte, so validity alone cannot tell, and a statistical detector
 * (chardet) judges what the bytes look like.
 */
import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { fileRefused } from './imports.limits';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gbk' | 'gb18030';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bom: number;
}

const HEAD_BYTES = 4096;
const SAMPLE_BYTES = 256 * 1024;
/** Encodings whose bytes look like GB2312's (both bytes ≥ 0xA1), so only the detector tells them apart. */
const EUC_LOOKALIKES = new Set(['EUC-KR', 'EUC-JP']);

/** Walks GB18030's structure across chunks: one byte ≤ 0x7F, two bytes (lead 0x81–0xFE), or four (lead, digit, lead, digit). */
class Gb18030Check {
  valid = true;
  fourByte = false;
  pairs = 0;
  /** Pairs in GB2312's range, where everyday Chinese text lies; Latin-1 or Shift-JIS read as GBK mostly fall outside it. */
  gb2312Pairs = 0;
  private pending: number[] = [];

  write(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length && this.valid; i++) {
      const b = bytes[i]!;
      const p = this.pending;
      if (p.length === 0) {
        if (b <= 0x7f) continue;
        if (b === 0x80 || b === 0xff) this.valid = false;
        else p.push(b);
      } else if (p.length === 1) {
        if (b >= 0x30 && b <= 0x39) p.push(b);
        else if (b >= 0x40 && b <= 0xfe && b !== 0x7f) {
          this.pairs++;
          if (p[0]! >= 0xa1 && p[0]! <= 0xf7 && b >= 0xa1) this.gb2312Pairs++;
          p.length = 0;
        } else this.valid = false;
      } else if (p.length === 2) {
        if (b >= 0x81 && b <= 0xfe) p.push(b);
        else this.valid = false;
      } else {
        if (b >= 0x30 && b <= 0x39) this.fourByte = true;
        else this.valid = false;
        p.length = 0;
      }
    }
  }

  end(): void {
    if (this.pending.length > 0) this.valid = false;
  }
}

/** UTF-16 saved without a BOM: ASCII characters (separators, digits, line ends) leave a NUL in every other byte. */
function utf16WithoutBom(head: Uint8Array): TextEncoding | null {
  if (head.length < 16) return null;
  const nuls = [0, 0];
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) nuls[0]!++;
    if (head[i + 1] === 0) nuls[1]!++;
  }
  const half = Math.floor(head.length / 2);
  if (nuls[1]! >= half * 0.1 && nuls[0]! <= half * 0.01) return 'utf-16le';
  if (nuls[0]! >= half * 0.1 && nuls[1]! <= half * 0.01) return 'utf-16be';
  return null;
}

function bomOf(head: Uint8Array): DetectedEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8-bom', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return null;
}

function unsupported(name: string) {
  return fileRefused(
    'unsupported_encoding',
    `The file's text is in ${name}, which Desk ERP does not read (it reads UTF-8, UTF-16 and GBK/GB18030); in Excel choose Save As → "CSV UTF-8"`,
    { encoding: name },
  );
}

/** Reads the bytes once and decides; throws a VALIDATION error naming the encoding it refuses. */
export async function detectEncoding(chunks: AsyncIterable<Buffer>): Promise<DetectedEncoding> {
  const head: Buffer[] = [];
  const sample: Buffer[] = [];
  let headBytes = 0;
  let sampleBytes = 0;
  let utf8: TextDecoder | null = new TextDecoder('utf-8', { fatal: true });
  const gb = new Gb18030Check();
  for await (const chunk of chunks) {
    if (headBytes < HEAD_BYTES) {
      head.push(chunk.subarray(0, HEAD_BYTES - headBytes));
      headBytes += Math.min(chunk.length, HEAD_BYTES - headBytes);
    }
    if (sampleBytes < SAMPLE_BYTES) {
      sample.push(chunk.subarray(0, SAMPLE_BYTES - sampleBytes));
      sampleBytes += Math.min(chunk.length, SAMPLE_BYTES - sampleBytes);
    }
    if (utf8) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        utf8 = null;
      }
    }
    gb.write(chunk);
  }
  const start = Buffer.concat(head);
  const marked = bomOf(start);
  if (marked) return marked;
  const utf16 = utf16WithoutBom(start);
  if (utf16) return { encoding: utf16, bom: 0 };
  if (utf8) {
    try {
      utf8.decode();
      return { encoding: 'utf-8', bom: 0 };
    } catch {
      // the file ends inside a character: not UTF-8
    }
  }
  gb.end();
  const guesses = analyse(Buffer.concat(sample));
  const gbConfidence = guesses.find((g) => g.name === 'GB18030')?.confidence ?? 0;
  const rival = guesses.find((g) => g.name !== 'GB18030' && g.name !== 'ASCII');
  if (!gb.valid) throw unsupported(rival?.name ?? 'an unknown encoding');
  const chinese = gb.pairs > 0 && gb.gb2312Pairs / gb.pairs >= 0.8;
  if (rival && rival.confidence > gbConfidence) {
    // Short Chinese files get odd single-byte guesses (ISO-8859-8 for 姓名,手机,类型); only a look-alike double-byte encoding overrules GB2312-shaped text.
    if (!chinese || (EUC_LOOKALIKES.has(rival.name) && rival.confidence >= gbConfidence + 10)) throw unsupported(rival.name);
  }
  return { encoding: gb.fourByte ? 'gb18030' : 'gbk', bom: 0 };
}

/** The text of the chunks in a detected encoding; NUL bytes (left by some exporters) are dropped. */
export async function* decodeText(chunks: AsyncIterable<Buffer>, detected: DetectedEncoding): AsyncGenerator<string> {
  const decoder =
    detected.encoding === 'utf-8' || detected.encoding === 'utf-8-bom'
      ? new TextDecoder('utf-8', { ignoreBOM: true })
      : null;
  const iconvDecoder = decoder ? null : iconv.getDecoder(detected.encoding === 'gbk' ? 'gb18030' : detected.encoding);
  let skip = detected.bom;
  const clean = (text: string) => (text.includes('\0') ? text.replaceAll('\0', '') : text);
  for await (let chunk of chunks) {
    if (skip > 0) {
      const dropped = Math.min(skip, chunk.length);
      chunk = chunk.subarray(dropped);
      skip -= dropped;
    }
    const text = decoder ? decoder.decode(chunk, { stream: true }) : iconvDecoder!.write(chunk);
    if (text) yield clean(text);
  }
  const rest = decoder ? decoder.decode() : (iconvDecoder!.end() ?? '');
  if (rest) yield clean(rest);
}
