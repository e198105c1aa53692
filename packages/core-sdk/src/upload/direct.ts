import { FileTooLargeError } from '../errors.js';
import { aborted, enc, parse, type Http } from '../internal/http.js';
import { Document } from '../schemas/documents.js';
import { UPLOAD_LIMIT } from '../schemas/uploads.js';

/** A POST with the upload's idempotency key (and progress). */
type Post = (path: string, body: object) => Send;
type Send = (signal?: AbortSignal) => Promise<{ data: any }>;

/**
 * Replays a write that makes a document (by its idempotency key) and deletes the document it
 * names. Best effort: resolves to something truthy when the document is gone.
 */
export const undo = (http: Http, write: () => Promise<{ id: string }>): Promise<unknown> =>
  write()
    .then((d) => http.send({ method: 'DELETE', path: `/documents/${enc(d.id)}` }))
    .catch(() => 0);

/**
 * A small file in one request (`POST /documents/upload`): the commit's metadata and the bytes as
 * multipart, one idempotency key for every retry. Answers `undefined` when the file is above the
 * server's limit (its `Upload-Limit` header; learnt from a 413 too), for the resumable path to
 * take it. An abort undoes what the request may have made.
 */
export async function direct(
  http: Http,
  file: Blob,
  name: string,
  meta: object,
  post: Post,
  signal?: AbortSignal,
): Promise<Document | undefined> {
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
    throw signal?.aborted ? (await undo(http, async () => (await send()).data), aborted()) : e;
  }
}
