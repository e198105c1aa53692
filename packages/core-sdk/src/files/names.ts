import { codePointLength } from '../schemas/common.js';

// Controls, and the bidi marks and overrides that can make "txt.exe" read as "exe.txt".
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const MAX_NAME_BYTES = 255;
const utf8Length = (s: string) => new TextEncoder().encode(s).byteLength;

/**
 * Cleans a file name; never refuses one for its form: keeps the last path segment, removes
 * control and bidi characters, and cuts it to 255 UTF-8 bytes keeping the extension.
 */
export function cleanFileName(name: string): string {
  let n = (name.split(/[\\/]/).pop() ?? '').replace(UNSAFE, '').trim();
  if (n === '' || n === '.' || n === '..') n = 'file';
  if (utf8Length(n) <= MAX_NAME_BYTES) return n;
  const dot = n.lastIndexOf('.');
  const ext = dot > 0 && n.length - dot <= 16 ? n.slice(dot) : '';
  const chars = Array.from(ext ? n.slice(0, dot) : n);
  const budget = MAX_NAME_BYTES - utf8Length(ext);
  let base = '';
  let bytes = 0;
  for (const c of chars) {
    const b = utf8Length(c);
    if (bytes + b > budget) break;
    base += c;
    bytes += b;
  }
  return base + ext;
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
