import * as z from 'zod/mini';
import { Id, Scope, ShareTargets, Timestamp, hinted, int } from './common.js';
import { Title } from './documents.js';

/** The largest file accepted: 50 MiB. */
export const MAX_FILE_SIZE = 52_428_800;
/** The largest body one `PATCH /uploads/{id}` may carry: 64 MiB. */
export const MAX_CHUNK_SIZE = 67_108_864;
/**
 * The largest file `POST /documents/upload` takes when the server says nothing else: 4 MiB. A
 * server announces its own limit in the `Upload-Limit` header (bytes) of any answer; `0` turns
 * the single-request path off.
 */
export const UPLOAD_LIMIT = 4_194_304;

// Marked pure like the queries and bodies of documents.ts: a bundle that never uses it leaves it
// out.
/**
 * A new session. With the document to be (title, type, scope, shares) when known: the server
 * checks them here (422) so that a bad form never costs an upload; the commit names them again.
 */
export const CreateUpload = /* @__PURE__ */ (() =>
  z.object({
    /** Cleaned, never refused for its form or length (the JSON body limit bounds it). */
    fileName: z.string().check(z.minLength(1, 'must not be empty')),
    /** Bytes; any size over the limit, however large, is 413. */
    size: hinted(z.number().check(z.gte(1, 'must be at least 1 byte'), z.refine(Number.isInteger)), {
      type: 'integer',
    }),
    /** The declared type; `''` when the browser gives none. */
    mimeType: z.string().check(z.maxLength(255)),
    title: z.optional(Title),
    documentTypeId: z.optional(Id),
    scope: z.optional(Scope),
    shares: z.optional(ShareTargets),
  }))();
export type CreateUpload = z.infer<typeof CreateUpload>;

export const UploadSession = z.object({
  id: Id,
  offset: int(),
  size: int(),
  /** A hint for the size of each PATCH body. */
  chunkSize: int(),
  expiresAt: Timestamp,
});
export type UploadSession = z.infer<typeof UploadSession>;

export const UploadStatus = z.object({
  id: Id,
  offset: int(),
  size: int(),
  expiresAt: Timestamp,
});
export type UploadStatus = z.infer<typeof UploadStatus>;
