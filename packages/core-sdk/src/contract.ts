/**
 * The HTTP contract as data: every endpoint with its method, path, who may call it and the
 * schemas of its query, body and answer. The mock server validates requests with it and the
 * OpenAPI document is generated from it, so a change here changes both.
 */
import * as z from 'zod/mini';
import * as r from './routes.js';
import type { Method, Route } from './routes.js';
import * as s from './schemas/index.js';
import { int } from './schemas/common.js';

/**
 * The schemas of queries and request bodies, and of their parts: the server checks requests with
 * them (the client sends without parsing, so they are not on the main entry, which has their types).
 */
export { RecipientSearchQuery, ResolveRequest } from './schemas/recipients.js';
export { DocumentTypeListQuery, CreateDocumentType, UpdateDocumentType } from './schemas/document-types.js';
export { CreateUpload } from './schemas/uploads.js';
export { DocumentListQuery, CreateDocument, UpdateDocument } from './schemas/documents.js';
export { DigestQuery } from './schemas/notifications.js';
/** Parts of requests and problems: a scope as a query parameter, a type's name, a sort, the problem codes. */
export { ScopeString } from './schemas/common.js';
export { TypeName } from './schemas/document-types.js';
export { DocumentSort } from './schemas/documents.js';
export { ProblemCode } from './schemas/problem.js';

/** The contract's size limits in bytes: a file, a chunk, and a one-request upload by default. */
export { MAX_FILE_SIZE, MAX_CHUNK_SIZE, UPLOAD_LIMIT } from './schemas/uploads.js';

export type Access = 'manager' | 'any';
/** Request headers the contract defines; their schemas are in `requestHeaders`. */
export type RequestHeader = 'Upload-Offset' | 'Idempotency-Key' | 'If-Match';
/** Response headers the contract defines (beyond `Retry-After`, which every 429/503 carries). */
export type ResponseHeader =
  'Upload-Offset' | 'ETag' | 'Content-Disposition' | 'Content-Length' | 'Upload-Limit';
export type { Method, Route } from './routes.js';

/** An endpoint: its route (method, path, the schema of its answer) and the rest of what the contract says of it. */
export interface Endpoint extends Route {
  /** `manager`: a contact gets 403; `any`: contacts too, restricted to what they may see. */
  readonly access: Access;
  readonly summary: string;
  readonly query?: z.ZodMiniObject;
  /** A JSON body schema, `binary` for raw bytes, or `multipart` (form-data: a JSON `metadata` part and a `file` part). */
  readonly body?: z.ZodMiniType | 'binary' | 'multipart';
  /** The schema of a multipart body's `metadata` part. */
  readonly metadata?: z.ZodMiniType;
  readonly status: 200 | 201 | 204;
  /**
   * Error codes this endpoint can answer with, beyond those of `commonErrors` (every endpoint,
   * every JSON body, every write).
   */
  readonly errors: readonly s.ProblemCode[];
  /** Headers this endpoint reads beyond `Authorization` (every write also reads `Idempotency-Key`). */
  readonly requestHeaders?: readonly RequestHeader[];
  /** Headers its success answer carries. */
  readonly responseHeaders?: readonly ResponseHeader[];
}

const e = <const R extends Route, const T extends Omit<Endpoint, keyof Route>>(route: R, rest: T): R & T => ({
  ...route,
  ...rest,
});

export const endpoints = {
  me: e(r.me, {
    access: 'any',
    summary: 'The caller',
    status: 200,
    errors: [],
  }),
  listProperties: e(r.listProperties, {
    access: 'any',
    summary: 'Properties (a contact: those they currently relate to)',
    status: 200,
    errors: [],
  }),
  getProperty: e(r.getProperty, {
    access: 'any',
    summary: 'One property with its addresses',
    status: 200,
    errors: ['not_found'],
  }),
  listUnits: e(r.listUnits, {
    access: 'manager',
    summary: 'Units of a property with their current residents',
    status: 200,
    errors: ['forbidden', 'not_found'],
  }),
  getUnit: e(r.getUnit, {
    access: 'manager',
    summary: 'One unit with its current residents',
    status: 200,
    errors: ['forbidden', 'not_found'],
  }),
  listGroups: e(r.listGroups, {
    access: 'manager',
    summary: 'Groups of a property',
    status: 200,
    errors: ['forbidden', 'not_found'],
  }),
  searchRecipients: e(r.searchRecipients, {
    access: 'manager',
    summary: 'Share options inside a scope, filtered by label',
    query: s.RecipientSearchQuery,
    status: 200,
    errors: ['forbidden', 'validation_failed'],
  }),
  resolveRecipients: e(r.resolveRecipients, {
    access: 'manager',
    summary: 'Who a share list reaches today',
    body: s.ResolveRequest,
    status: 200,
    errors: ['forbidden', 'bad_request', 'validation_failed', 'target_out_of_scope'],
  }),
  listDocumentTypes: e(r.listDocumentTypes, {
    access: 'any',
    summary: 'The type tree, flat in depth-first order, with counts',
    query: s.DocumentTypeListQuery,
    status: 200,
    errors: ['validation_failed'],
  }),
  createDocumentType: e(r.createDocumentType, {
    access: 'manager',
    summary: 'Create a type',
    body: s.CreateDocumentType,
    status: 201,
    errors: ['forbidden', 'bad_request', 'validation_failed', 'too_deep', 'conflict', 'body_too_large'],
  }),
  updateDocumentType: e(r.updateDocumentType, {
    access: 'manager',
    summary: 'Rename, move or reorder a type',
    body: s.UpdateDocumentType,
    status: 200,
    errors: [
      'forbidden',
      'bad_request',
      'validation_failed',
      'cycle',
      'too_deep',
      'not_found',
      'conflict',
      'body_too_large',
    ],
  }),
  deleteDocumentType: e(r.deleteDocumentType, {
    access: 'manager',
    summary: 'Delete an empty type',
    status: 204,
    errors: ['forbidden', 'not_found', 'conflict'],
  }),
  createUpload: e(r.createUpload, {
    access: 'manager',
    summary: 'Open a resumable upload session; checks the document-to-be when given',
    body: s.CreateUpload,
    status: 201,
    errors: [
      'forbidden',
      'bad_request',
      'file_too_large',
      'unsupported_file_type',
      'validation_failed',
      'target_out_of_scope',
    ],
  }),
  appendUpload: e(r.appendUpload, {
    access: 'manager',
    summary: 'Append bytes at `Upload-Offset`',
    body: 'binary',
    status: 204,
    errors: [
      'forbidden',
      'bad_request',
      'file_too_large',
      'validation_failed',
      'not_found',
      'offset_mismatch',
      'conflict',
      'upload_busy',
    ],
    requestHeaders: ['Upload-Offset'],
    responseHeaders: ['Upload-Offset'],
  }),
  getUpload: e(r.getUpload, {
    access: 'manager',
    summary: 'How far the server got',
    status: 200,
    errors: ['forbidden', 'not_found'],
  }),
  deleteUpload: e(r.deleteUpload, {
    access: 'manager',
    summary: 'Abort an upload and drop its bytes',
    status: 204,
    errors: ['forbidden', 'not_found', 'conflict'],
  }),
  createDocument: e(r.createDocument, {
    access: 'manager',
    summary: 'Commit a complete upload as a document (honours Idempotency-Key)',
    body: s.CreateDocument,
    status: 201,
    errors: [
      'forbidden',
      'bad_request',
      'unsupported_file_type',
      'validation_failed',
      'target_out_of_scope',
      'conflict',
      'upload_incomplete',
    ],
  }),
  uploadDocument: e(r.uploadDocument, {
    access: 'manager',
    summary: 'Upload a small file and commit it as a document in one request (honours Idempotency-Key)',
    body: 'multipart',
    metadata: s.DocumentMetadata,
    status: 201,
    errors: [
      'forbidden',
      'bad_request',
      'file_too_large',
      'unsupported_file_type',
      'validation_failed',
      'target_out_of_scope',
      'conflict',
    ],
    responseHeaders: ['Upload-Limit'],
  }),
  listDocuments: e(r.listDocuments, {
    access: 'any',
    summary: 'One page of documents (a contact: only what they may see)',
    query: s.DocumentListQuery,
    status: 200,
    errors: ['validation_failed'],
  }),
  getDocument: e(r.getDocument, {
    access: 'any',
    summary: 'One document; ETag is its version',
    status: 200,
    errors: ['not_found'],
    responseHeaders: ['ETag'],
  }),
  updateDocument: e(r.updateDocument, {
    access: 'manager',
    summary: 'Change title, type or shares (shares replace the list); honours If-Match',
    body: s.UpdateDocument,
    status: 200,
    errors: [
      'forbidden',
      'bad_request',
      'validation_failed',
      'target_out_of_scope',
      'not_found',
      'precondition_failed',
    ],
    requestHeaders: ['If-Match'],
    responseHeaders: ['ETag'],
  }),
  deleteDocument: e(r.deleteDocument, {
    access: 'manager',
    summary: 'Delete a document',
    status: 204,
    errors: ['forbidden', 'not_found'],
  }),
  getDocumentContent: e(r.getDocumentContent, {
    access: 'any',
    summary: "The file bytes (a contact's download is counted)",
    status: 200,
    errors: ['not_found'],
    responseHeaders: ['Content-Disposition', 'Content-Length', 'ETag'],
  }),
  getDocumentDownloads: e(r.getDocumentDownloads, {
    access: 'manager',
    summary: 'Download counts per contact',
    status: 200,
    errors: ['forbidden', 'not_found'],
  }),
  listDigests: e(r.listDigests, {
    access: 'manager',
    summary: 'The digests that go out on a date',
    query: s.DigestQuery,
    status: 200,
    errors: ['forbidden', 'validation_failed'],
  }),
  getDigestEmail: e(r.getDigestEmail, {
    access: 'manager',
    summary: 'One rendered digest e-mail',
    status: 200,
    errors: ['forbidden', 'validation_failed', 'not_found'],
  }),
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;

/** Error codes beyond each endpoint's own `errors`: on every endpoint, on those with a JSON body, on every write. */
export const commonErrors = {
  all: ['bad_request', 'unauthorized', 'rate_limited', 'internal_error', 'service_unavailable'],
  jsonBody: ['validation_failed', 'body_too_large'],
  // A reused Idempotency-Key with another body (409), or a malformed one (422).
  write: ['conflict', 'validation_failed'],
} as const satisfies Record<string, readonly s.ProblemCode[]>;

/** Codes whose answer carries `Retry-After` (seconds). */
export const retryAfterCodes: readonly s.ProblemCode[] = [
  'rate_limited',
  'service_unavailable',
  'upload_busy',
];

/** Methods that honour `Idempotency-Key`: every write. */
export const writeMethods: readonly Method[] = ['POST', 'PATCH', 'PUT', 'DELETE'];

/**
 * The request headers of the contract. `If-Match` takes entity-tags in their quoted form
 * (RFC 9110): `"3"`, a list of them, or `*`; a weak tag (`W/"3"`) is well-formed but never
 * matches, as `If-Match` compares strongly: 412.
 */
export const requestHeaders = {
  'Upload-Offset': {
    required: true,
    schema: int(z.gte(0)),
    description: "The offset the body's first byte goes to: the server's current offset.",
  },
  'Idempotency-Key': {
    required: false,
    schema: z.string().check(z.minLength(1), z.maxLength(255)),
    description:
      'One key per logical write, kept across retries. The same key and body replay the first answer; the same key with another body is 409 `conflict`. Scoped per caller, kept at least 24 hours.',
  },
  'If-Match': {
    required: false,
    schema: z.string().check(z.regex(/^\s*(\*|(W\/)?"[^"]*"(\s*,\s*(W\/)?"[^"]*")*)\s*$/)),
    description:
      'The `ETag` last seen, quoted: `"<version>"`. Compared strongly (RFC 9110): an older version, a weak tag (`W/"3"`) or any other value gives 412 `precondition_failed`.',
  },
} as const satisfies Record<RequestHeader, { required: boolean; schema: z.ZodMiniType; description: string }>;

/** HTTP status of each error code. */
export const problemStatus: Record<s.ProblemCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  upload_incomplete: 409,
  offset_mismatch: 409,
  precondition_failed: 412,
  file_too_large: 413,
  unsupported_file_type: 415,
  validation_failed: 422,
  target_out_of_scope: 422,
  cycle: 422,
  too_deep: 422,
  rate_limited: 429,
  upload_busy: 409,
  body_too_large: 413,
  internal_error: 500,
  service_unavailable: 503,
};
