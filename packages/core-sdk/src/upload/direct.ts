import { FileTooLargeError } from '../errors.js';
import { aborted, parse, type Http } from '../internal/http.js';
import { Document } from '../schemas/documents.js';
import { UPLOAD_LIMIT } from '../schemas/uploads.js';

/** A POST with the upload's idempotency key (and progress). */
type Post = (path: string, body: object) => Send;
type Send = (signal?: AbortSignal) => Promise<{ data: any }>;

/** After an abort: replays a write's idempotency key and deletes the document it names. Best effort. */
export const undo = (http: Http, write: Send) =>
  write()
    .then((r) => http.send({ method: 'DELETE', path: `/documents/${encodeURIComponent(r.data.id)}` }))
    .catch(() => undefined);

/**
 * A small file in one request (`POST /documents/upload`): the commit's metadata and the bytes as
 * multipart, one idempotency key for every retry. Answers `undefined` when the file is above the
 * server's limit (its `Upload-Limit` header; learnt from a 413 too), for the resumable path to
 * take it. An abort undoes what the request may have made.
 */
export async function direct(http: Http, file: Blob, name: string, meta: object, post: Post, signal?: AbortSignal): Promise<Document | undefined> {
  if (file.size > (http.uploadLimit ?? UPLOAD_LIMIT)) return;
  if (signal?.aborted) throw aborted();
  const form = new FormData();
  form.append('metadata', new Blob([JSON.stringify(meta)], { type: 'application/json' }));
  form.append('file', file, name);
  const send = post('/documents/upload', form);
  try {
    return parse(Document, (await send(signal)).data);
  } catch (e) {
    if (e instanceof FileTooLargeError) return void (http.uploadLimit = file.size - 1);
    throw signal?.aborted ? (await undo(http, send), aborted()) : e;
  }
}
