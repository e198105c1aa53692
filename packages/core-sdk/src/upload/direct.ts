import { FileTooLargeError } from '../errors.js';
import { aborted, type Http } from '../internal/http.js';
import { deleteDocument } from '../routes.js';
import type { Document } from '../schemas/documents.js';
import { UPLOAD_LIMIT } from '../schemas/uploads.js';

/** `POST /documents/upload` of a body, with the upload's idempotency key (and progress). */
type Post = (body: FormData) => (signal?: AbortSignal) => Promise<Document>;

/**
 * Replays a write that makes a document (by its idempotency key) and deletes the document it
 * names. Best effort: resolves to something truthy when the document is gone.
 */
export const undo = (http: Http, write: () => Promise<{ id: string }>): Promise<unknown> =>
  write()
    .then((d) => http.call(deleteDocument, { params: { id: d.id } }))
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
  const send = post(form);
  try {
    return await send(signal);
  } catch (e) {
    if (e instanceof FileTooLargeError) return void (http.uploadLimit = file.size - 1);
    throw signal?.aborted ? (await undo(http, send), aborted()) : e;
  }
}
