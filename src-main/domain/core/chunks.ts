/**
 * A large result coming back from a reader thread (`ctx.offThread`) as JSON text in chunks of a few
 * thousand items. Text crosses threads as one copy; an object graph of 50,000 rows would be rebuilt
 * on the receiving thread in one go, holding the thread that serves calls for hundreds of ms. The
 * receiver parses one chunk at a time and lets the event loop through between two.
 */
export const CHUNK_ITEMS = 2000;

export function toChunks<T>(items: readonly T[], size = CHUNK_ITEMS): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < items.length; at += size) chunks.push(JSON.stringify(items.slice(at, at + size)));
  return chunks;
}

export async function fromChunks<T>(chunks: readonly string[]): Promise<T[]> {
  const items: T[] = [];
  for (const chunk of chunks) {
    await new Promise((resolve) => setImmediate(resolve));
    for (const item of JSON.parse(chunk) as T[]) items.push(item);
  }
  return items;
}
