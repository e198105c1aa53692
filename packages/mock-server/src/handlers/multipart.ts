import { DocumentMetadata } from '@docportal/core-sdk';
import { UPLOAD_LIMIT } from '@docportal/core-sdk/contract';
import * as z from 'zod/mini';
import type { BodySource } from '../store/bytes.js';
import { concat } from '../store/bytes.js';
import type { DirectFile } from '../store/direct.js';
import { ApiError, invalid } from '../store/errors.js';
import { validationError, type RouteRequest } from './route.js';

/** Room for the metadata part and the part headers beside the file. */
const OVERHEAD = 64 * 1024;

const tooLarge = (limit: number) =>
  new ApiError(
    'file_too_large',
    `One request takes files up to ${limit} bytes; send larger ones through POST /uploads.`,
  );
const malformed = (why: string) =>
  new ApiError('bad_request', `The body is not well-formed multipart/form-data: ${why}.`);

/**
 * Reads `POST /documents/upload`: a `multipart/form-data` body with a JSON `metadata` part and a
 * `file` part. Too large is refused from `Content-Length` before reading, and reading stops as
 * soon as the body passes the limit: nothing past it is kept.
 */
export async function readDirectUpload(
  request: RouteRequest,
  read: BodySource,
  limit = UPLOAD_LIMIT,
): Promise<{ meta: z.output<typeof DocumentMetadata>; file: DirectFile }> {
  const type = request.headers.get('content-type') ?? '';
  const boundary = /^multipart\/form-data\s*;.*?\bboundary=(?:"([^"]+)"|([^\s;]+))/i.exec(type);
  if (!boundary)
    throw new ApiError(
      'bad_request',
      'The body must be sent as Content-Type: multipart/form-data with a boundary.',
    );
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit + OVERHEAD) throw tooLarge(limit);
  const parts: Uint8Array[] = [];
  let n = 0;
  try {
    await read((piece) => {
      n += piece.byteLength;
      if (n > limit + OVERHEAD) throw tooLarge(limit);
      parts.push(piece);
    });
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('bad_request', 'The body broke off before its end.');
  }
  const form = parse(concat(parts), boundary[1] ?? boundary[2]!);
  const metaPart = form.get('metadata');
  const filePart = form.get('file');
  if (!metaPart) throw invalid('metadata', 'required');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(metaPart.body));
  } catch {
    throw new ApiError('bad_request', 'The metadata part is not well-formed JSON.');
  }
  const meta = z.safeParse(DocumentMetadata, json);
  if (!meta.success) throw validationError(meta.error, 'metadata');
  if (!filePart) throw invalid('file', 'required');
  if (filePart.body.byteLength > limit) throw tooLarge(limit);
  return {
    meta: meta.data,
    file: { fileName: filePart.fileName ?? '', mimeType: filePart.type, bytes: filePart.body },
  };
}

interface Part {
  fileName?: string;
  type: string;
  body: Uint8Array;
}

/** The parts by name (RFC 7578); the first of a name wins. */
function parse(body: Uint8Array, boundary: string): Map<string, Part> {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const delimiter = enc.encode(`\r\n--${boundary}`);
  // The first delimiter may open the body without the CRLF before it.
  const text = concatPrefix(body);
  let at = indexOf(text, delimiter, 0);
  if (at < 0) throw malformed('no boundary');
  const out = new Map<string, Part>();
  for (;;) {
    let start = at + delimiter.byteLength;
    if (text[start] === 0x2d && text[start + 1] === 0x2d) break; // --: the last one
    if (text[start] !== 0x0d || text[start + 1] !== 0x0a)
      throw malformed('a boundary without its line break');
    start += 2;
    const next = indexOf(text, delimiter, start);
    if (next < 0) throw malformed('no closing boundary');
    const headEnd = indexOf(text, enc.encode('\r\n\r\n'), start);
    const part = headEnd >= 0 && headEnd < next ? headEnd : -1;
    if (part < 0) throw malformed('a part without headers');
    const headers = dec.decode(text.subarray(start, part)).split('\r\n');
    const get = (name: string) =>
      headers
        .find((h) => h.toLowerCase().startsWith(`${name}:`))
        ?.slice(name.length + 1)
        .trim();
    const disposition = get('content-disposition') ?? '';
    const name = param(disposition, 'name');
    if (name !== undefined && !out.has(name))
      out.set(name, {
        fileName: param(disposition, 'filename'),
        type: get('content-type') ?? '',
        body: text.subarray(part + 4, next),
      });
    at = next;
  }
  return out;
}

/** A quoted or bare parameter of a header value; browsers send `"`, CR and LF as %22, %0D, %0A. */
function param(value: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|;)\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(value);
  if (!m) return undefined;
  return (m[1] ?? m[2] ?? '')
    .replace(/\\(.)/g, '$1')
    .replace(/%(22|0D|0A)/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The body with CRLF in front, so that every delimiter reads `\r\n--boundary`. */
function concatPrefix(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.byteLength + 2);
  out.set([0x0d, 0x0a]);
  out.set(body, 2);
  return out;
}

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]!;
  for (
    let i = hay.indexOf(first, from);
    i >= 0 && i <= hay.byteLength - needle.byteLength;
    i = hay.indexOf(first, i + 1)
  ) {
    let j = 1;
    while (j < needle.byteLength && hay[i + j] === needle[j]) j++;
    if (j === needle.byteLength) return i;
  }
  return -1;
}
