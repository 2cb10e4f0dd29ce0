/**
 * A large result coming back from a reader thread (`ctx.offThread`): JSON in chunks of a few thousand
 * items, each as UTF-8 bytes that the reader moves (transfers) rather than copies. Structured clone
 * of 50,000 rows, or even of their JSON as strings, is rebuilt on the receiving thread in one go:
 * 0.9 s for 44 million characters, all of it holding the thread that serves calls. The receiver
 * decodes and parses one chunk at a time and lets the event loop through between two.
 */
export const CHUNK_ITEMS = 1000;

export function toChunks<T>(items: readonly T[], size = CHUNK_ITEMS): Uint8Array[] {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < items.length; at += size) chunks.push(encoder.encode(JSON.stringify(items.slice(at, at + size))));
  return chunks;
}

export async function fromChunks<T>(chunks: readonly Uint8Array[]): Promise<T[]> {
  const decoder = new TextDecoder();
  const items: T[] = [];
  for (const chunk of chunks) {
    await new Promise((resolve) => setImmediate(resolve));
    for (const item of JSON.parse(decoder.decode(chunk)) as T[]) items.push(item);
  }
  return items;
}

/** The buffers under a task's result (its chunks), to be moved to the receiving thread rather than copied. */
export function buffersIn(value: unknown, found = new Set<ArrayBuffer>(), depth = 0): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (value && typeof value === 'object' && depth < 4) {
    for (const inner of Array.isArray(value) ? value : Object.values(value)) buffersIn(inner, found, depth + 1);
  }
  return [...found];
}

/** Bytes that can be moved to another thread: a Buffer sharing its memory with others is copied into one of its own first. */
export function movable(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** A value with some of its lists as chunks: what a reader thread sends back for it. */
export type Chunked<T, K extends keyof T> = Omit<T, K> & { [P in K]: Uint8Array[] } & { readonly __unchunked?: T };

/** The lists `keys` of `value` as chunks, the rest as it is: a task's result, ready to cross back from a reader. */
export function chunked<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Chunked<T, K> {
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of keys) out[key as string] = toChunks(value[key] as unknown as readonly unknown[]);
  return out as Chunked<T, K>;
}

/** The value `chunked` was made from, parsed a chunk at a time on the receiving thread. */
export async function unchunked<T extends object, K extends keyof T>(value: Chunked<T, K>, keys: readonly K[]): Promise<T> {
  const out: Record<string, unknown> = { ...value };
  for (const key of keys) out[key as string] = await fromChunks((value as Record<K, Uint8Array[]>)[key]);
  return out as T;
}
