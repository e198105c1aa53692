import type { ByteSource } from '@docportal/core-sdk/internal';
import { sha256 } from './util.js';

/**
 * A body read piece by piece: hands each piece to `write` as it arrives and resolves at the end.
 * When `write` throws, reading stops, the rest is dropped and the promise rejects with that
 * error; a body that breaks off rejects too.
 */
export type BodySource = (write: (piece: Uint8Array) => void) => Promise<void>;

/** A Fetch body stream as a BodySource. */
export const streamSource =
  (stream: ReadableStream<Uint8Array> | null): BodySource =>
  async (write) => {
    const reader = stream?.getReader();
    if (!reader) return;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      try {
        write(r.value);
      } catch (e) {
        await reader.cancel().catch(() => undefined);
        throw e;
      }
    }
  };

/**
 * A SHA-256 fed piece by piece. `copy()` forks the state, so that a chunk whose body breaks off
 * can be dropped without touching what the upload had.
 */
export interface Sha256 {
  update(bytes: Uint8Array): void;
  copy(): Sha256;
  digest(): Promise<string>;
}

/** Platform-neutral: keeps the pieces and hashes them with Web Crypto at the end. */
export function collectingSha256(parts: Uint8Array[] = []): Sha256 {
  return {
    update: (b) => void parts.push(b),
    copy: () => collectingSha256(parts.slice()),
    digest: () => sha256(concat(parts)),
  };
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
}

/** Random access over bytes kept as a list of pieces (no copy of the whole). */
export function piecesSource(parts: readonly Uint8Array[]): ByteSource {
  const starts: number[] = [];
  let size = 0;
  for (const p of parts) {
    starts.push(size);
    size += p.byteLength;
  }
  return {
    size,
    read(offset, length) {
      const end = Math.min(size, offset + length);
      const out = new Uint8Array(Math.max(0, end - offset));
      // First piece holding `offset`, by binary search.
      let lo = 0;
      let hi = parts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      for (let i = lo, o = offset; o < end && i < parts.length; i++) {
        const p = parts[i]!;
        const from = o - starts[i]!;
        const take = Math.min(p.byteLength - from, end - o);
        out.set(p.subarray(from, from + take), o - offset);
        o += take;
      }
      return out;
    },
  };
}

/** The pieces as one stream, for a Response body. */
export const piecesStream = (parts: readonly Uint8Array[], done?: () => void): ReadableStream<Uint8Array> => {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (i < parts.length) c.enqueue(parts[i++]!);
      else {
        c.close();
        done?.();
      }
    },
  });
};
