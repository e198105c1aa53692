import { codePointLength } from '../schemas/common.js';

// Controls, and the bidi marks and overrides that can make "txt.exe" read as "exe.txt".
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const MAX_NAME_BYTES = 255;

/**
 * Cleans a file name; never refuses one for its form: keeps the last path segment, removes
 * control and bidi characters, and cuts it to 255 UTF-8 bytes keeping the extension.
 */
export function cleanFileName(name: string): string {
  let n = (name.split(/[\\/]/).pop() ?? '').replace(UNSAFE, '').trim();
  if (n === '' || n === '.' || n === '..') n = 'file';
  const utf8 = new TextEncoder();
  if (utf8.encode(n).byteLength <= MAX_NAME_BYTES) return n;
  const dot = n.lastIndexOf('.');
  const ext = dot > 0 && n.length - dot <= 16 ? n.slice(dot) : '';
  const base = ext ? n.slice(0, dot) : n;
  // encodeInto stops before a character that does not fit whole: the longest prefix within the bytes left.
  const { read } = utf8.encodeInto(base, new Uint8Array(MAX_NAME_BYTES - utf8.encode(ext).byteLength));
  return base.slice(0, read) + ext;
}

/**
 * The title a file gets by default: its name without the extension, cut to 200 code points;
 * the whole name when nothing else is left (`.pdf`).
 */
export function defaultTitle(fileName: string): string {
  const name = cleanFileName(fileName);
  const dot = name.lastIndexOf('.');
  const base = (dot > 0 ? name.slice(0, dot) : name).trim() || name;
  return codePointLength(base) <= 200 ? base : Array.from(base).slice(0, 200).join('');
}
