/**
 * What tests of other packages (and of a portal's own backend) need from the mock server besides
 * its handlers: files with real signatures, the fixture world, and hashing. Browser-safe; the
 * Node HTTP server is in `@docportal/mock-server/http`.
 */
import { makePdf } from './fixtures/files.js';
import { prng, sha256, toHex } from './store/util.js';

export {
  makePdf,
  makePng,
  makeJpeg,
  makeDoc,
  makeDocx,
  makeOle2,
  makeZip,
  badFiles,
} from './fixtures/files.js';
export { FIXTURE_IDS, buildFixtures } from './fixtures/fixtures.js';
export { createStore, type DatasetName, type MockStore } from './store/store.js';
export { sha256Sync } from './store/util.js';

/** What fills a padded PDF after its header: one byte value, or bytes from a seeded generator. */
export type Fill = number | { seed: number };

/**
 * A valid PDF of exactly `size` bytes: a real PDF header and body titled `title`, then `fill`
 * (spaces by default; `{ seed }` for incompressible bytes that are the same on every run).
 * Smaller than the PDF itself, the result is the PDF's first `size` bytes.
 */
export function makePaddedPdf(size: number, title: string, fill: Fill = 0x20): Uint8Array {
  const out = new Uint8Array(size);
  if (typeof fill === 'number') out.fill(fill);
  else fillSeeded(out, fill.seed);
  const head = makePdf(title);
  out.set(head.subarray(0, Math.min(head.length, size)));
  return out;
}

function fillSeeded(out: Uint8Array, seed: number): void {
  const next = prng(seed);
  const words = new Uint32Array(out.buffer, out.byteOffset, out.byteLength >>> 2);
  for (let i = 0; i < words.length; i++) words[i] = (next() * 4_294_967_296) >>> 0;
  for (let i = words.length * 4; i < out.length; i++) out[i] = (next() * 256) >>> 0;
}

/** SHA-256 (hex) of bytes or a Blob, by Web Crypto. */
export async function sha256Hex(data: Uint8Array | Blob): Promise<string> {
  if (data instanceof Uint8Array) return sha256(data);
  return toHex(await crypto.subtle.digest('SHA-256', await data.arrayBuffer()));
}
