import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { streamedPart } from './zip-parts';

describe('a part deflated in pieces as it is written', () => {
  it('lends the memory of a piece once it is deflated, and what is written into it again leaves the deflated pieces whole', async () => {
    const part = streamedPart('sheet.xml', 4096);
    const written: Buffer[] = [];
    const handed: ArrayBufferLike[] = [];
    let reused = 0;
    let chunk = part.recycled(4096);
    for (let i = 0; i < 12; i++) {
      chunk.fill(65 + i); // A…L: each piece its own letter
      written.push(Buffer.from(chunk));
      handed.push(chunk.buffer);
      part.writeBytes(chunk);
      await part.caughtUp();
      await new Promise((resolve) => setImmediate(resolve)); // the pool's answers arrive with the event loop
      chunk = part.recycled(4096);
      if (handed.includes(chunk.buffer)) reused += 1; // memory already written and handed over once
    }
    const packed = await part.end();
    // The first pieces' memory came back while later ones were being written…
    expect(reused).toBeGreaterThan(6);
    // …and the deflate stream still holds each piece as it was written.
    expect(inflateRawSync(Buffer.concat(packed.packed)).equals(Buffer.concat(written))).toBe(true);
    expect(packed.size).toBe(12 * 4096);
  });

  it('never lends memory it was not handed whole: a slice of a larger buffer stays the caller’s', async () => {
    const part = streamedPart('sheet.xml', 1024);
    const shared = Buffer.alloc(8192, 1);
    part.writeBytes(shared.subarray(1024, 3072));
    await part.caughtUp();
    await new Promise((resolve) => setImmediate(resolve));
    await part.end();
    expect(part.recycled(1024).buffer).not.toBe(shared.buffer);
  });
});
