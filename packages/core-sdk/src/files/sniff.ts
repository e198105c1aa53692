import type { FileKind } from './kinds.js';

/** Random access to a file's bytes: a Blob in the browser, a buffer on a server. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array> | Uint8Array;
}

/** A ByteSource over bytes already in memory. */
export const bytesSource = (bytes: Uint8Array): ByteSource => ({
  size: bytes.byteLength,
  read: (offset, length) => bytes.subarray(offset, Math.min(bytes.byteLength, offset + length)),
});

/** A ByteSource over a Blob; reads only the slices asked for. */
export const blobSource = (blob: Blob): ByteSource => ({
  size: blob.size,
  read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
});

const startsWith = (b: Uint8Array, sig: readonly number[]) =>
  b.length >= sig.length && sig.every((x, i) => b[i] === x);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];

/**
 * Tells a file's kind by its content (magic bytes and, for Word files, their inner structure),
 * or null when it is none of the accepted kinds. Reads only what it needs.
 */
export async function sniff(src: ByteSource): Promise<FileKind | null> {
  if (src.size === 0) return null;
  const head = await src.read(0, 512);
  if (startsWith(head, PDF)) return 'pdf';
  if (startsWith(head, PNG)) return 'png';
  if (startsWith(head, JPEG)) return 'jpeg';
  if (startsWith(head, OLE2)) return (await oleHasWordDocument(src, head)) ? 'doc' : null;
  if (startsWith(head, ZIP_LOCAL)) return (await zipIsDocx(src)) ? 'docx' : null;
  return null;
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) =>
  (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

const END_OF_CHAIN = 0xfffffffe;
const MAX_SECTORS_WALKED = 4096;

/** Walks an OLE2 compound file's directory looking for a `WordDocument` stream. */
async function oleHasWordDocument(src: ByteSource, head: Uint8Array): Promise<boolean> {
  if (head.length < 512) return false;
  const shift = u16(head, 0x1e);
  if (shift !== 9 && shift !== 12) return false;
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const sectorAt = (n: number) => src.read((n + 1) * sectorSize, sectorSize);

  // The FAT's own sectors: 109 listed in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(u32(head, 0x4c + i * 4));
  let difat = u32(head, 0x44);
  for (let walked = 0; difat < END_OF_CHAIN && walked < MAX_SECTORS_WALKED; walked++) {
    const sec = await sectorAt(difat);
    if (sec.length < sectorSize) break;
    for (let i = 0; i < perSector - 1; i++) fatSectors.push(u32(sec, i * 4));
    difat = u32(sec, sectorSize - 4);
  }
  const fatCache = new Map<number, Uint8Array>();
  const next = async (n: number): Promise<number> => {
    const fs = fatSectors[Math.floor(n / perSector)];
    if (fs === undefined || fs >= END_OF_CHAIN) return END_OF_CHAIN;
    let sec = fatCache.get(fs);
    if (!sec) fatCache.set(fs, (sec = await sectorAt(fs)));
    return sec.length >= sectorSize ? u32(sec, (n % perSector) * 4) : END_OF_CHAIN;
  };

  const seen = new Set<number>();
  for (
    let dir = u32(head, 0x30);
    dir < END_OF_CHAIN && !seen.has(dir) && seen.size < MAX_SECTORS_WALKED;
    dir = await next(dir)
  ) {
    seen.add(dir);
    const sec = await sectorAt(dir);
    for (let o = 0; o + 128 <= sec.length; o += 128) {
      const nameBytes = Math.min(u16(sec, o + 0x40), 64);
      const type = sec[o + 0x42];
      if (type !== 2 || nameBytes < 2) continue;
      let name = '';
      for (let i = 0; i < nameBytes - 2; i += 2) name += String.fromCharCode(u16(sec, o + i));
      if (name === 'WordDocument') return true;
    }
  }
  return false;
}

const MAX_CENTRAL_DIRECTORY = 8 * 1024 * 1024;

/** Reads a ZIP's central directory: a DOCX holds `[Content_Types].xml` and entries under `word/`. */
async function zipIsDocx(src: ByteSource): Promise<boolean> {
  const tailLength = Math.min(src.size, 22 + 0xffff);
  const tail = await src.read(src.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return false;
  const cdSize = u32(tail, eocd + 12);
  const cdOffset = u32(tail, eocd + 16);
  if (cdSize > MAX_CENTRAL_DIRECTORY || cdOffset + cdSize > src.size) return false;
  const cd = await src.read(cdOffset, cdSize);
  const decoder = new TextDecoder();
  let contentTypes = false;
  let word = false;
  for (let o = 0; o + 46 <= cd.length && u32(cd, o) === 0x02014b50;) {
    const nameLength = u16(cd, o + 28);
    const name = decoder.decode(cd.subarray(o + 46, o + 46 + nameLength));
    if (name === '[Content_Types].xml') contentTypes = true;
    else if (name.startsWith('word/')) word = true;
    if (contentTypes && word) return true;
    o += 46 + nameLength + u16(cd, o + 30) + u16(cd, o + 32);
  }
  return false;
}
