/**
 * The contract's endpoints as the SDK calls them: method, path and the schema of the answer.
 * contract.ts adds the rest of each endpoint (who may call it, its request schemas, status,
 * errors, headers) for the mock server and the OpenAPI document; the SDK's resources and upload
 * engine send through these, so that every path is written once.
 */
import type * as z from 'zod/mini';
import { GroupList, Me, Property, PropertyList, Unit, UnitList } from './schemas/context.js';
import { DocumentType, DocumentTypeList } from './schemas/document-types.js';
import { Document, DocumentPage, DownloadStats } from './schemas/documents.js';
import { DigestDay, DigestEmail } from './schemas/notifications.js';
import { RecipientOptionList, ResolveResult } from './schemas/recipients.js';
import { UploadSession, UploadStatus } from './schemas/uploads.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A success answer: a JSON schema, `binary` for file bytes, `null` for 204. */
export type Answer = z.ZodMiniType | 'binary' | null;

export interface Route<M extends Method = Method, P extends string = string, A extends Answer = Answer> {
  readonly method: M;
  /** OpenAPI-style path below the base URL, e.g. `/documents/{id}`. */
  readonly path: P;
  readonly response: A;
}

/** The parameters a path names: `/a/{id}/b/{x}` → `{ id: string; x: string }`. */
export type PathParams<P extends string> = P extends `${string}{${infer K}}${infer Rest}`
  ? { [key in K]: string } & PathParams<Rest>
  : unknown;

// Built in calls marked pure, so that a bundle that never sends one leaves it out.
const route = <const M extends Method, const P extends string, const A extends Answer>(
  method: M,
  path: P,
  response: A,
): Route<M, P, A> => ({ method, path, response });

export const me = /* @__PURE__ */ route('GET', '/me', Me);
export const listProperties = /* @__PURE__ */ route('GET', '/properties', PropertyList);
export const getProperty = /* @__PURE__ */ route('GET', '/properties/{id}', Property);
export const listUnits = /* @__PURE__ */ route('GET', '/properties/{id}/units', UnitList);
export const getUnit = /* @__PURE__ */ route('GET', '/units/{id}', Unit);
export const listGroups = /* @__PURE__ */ route('GET', '/properties/{id}/groups', GroupList);
export const searchRecipients = /* @__PURE__ */ route('GET', '/recipients', RecipientOptionList);
export const resolveRecipients = /* @__PURE__ */ route('POST', '/recipients/resolve', ResolveResult);
export const listDocumentTypes = /* @__PURE__ */ route('GET', '/document-types', DocumentTypeList);
export const createDocumentType = /* @__PURE__ */ route('POST', '/document-types', DocumentType);
export const updateDocumentType = /* @__PURE__ */ route('PATCH', '/document-types/{id}', DocumentType);
export const deleteDocumentType = /* @__PURE__ */ route('DELETE', '/document-types/{id}', null);
export const createUpload = /* @__PURE__ */ route('POST', '/uploads', UploadSession);
export const appendUpload = /* @__PURE__ */ route('PATCH', '/uploads/{id}', null);
export const getUpload = /* @__PURE__ */ route('GET', '/uploads/{id}', UploadStatus);
export const deleteUpload = /* @__PURE__ */ route('DELETE', '/uploads/{id}', null);
export const createDocument = /* @__PURE__ */ route('POST', '/documents', Document);
export const uploadDocument = /* @__PURE__ */ route('POST', '/documents/upload', Document);
export const listDocuments = /* @__PURE__ */ route('GET', '/documents', DocumentPage);
export const getDocument = /* @__PURE__ */ route('GET', '/documents/{id}', Document);
export const updateDocument = /* @__PURE__ */ route('PATCH', '/documents/{id}', Document);
export const deleteDocument = /* @__PURE__ */ route('DELETE', '/documents/{id}', null);
export const getDocumentContent = /* @__PURE__ */ route('GET', '/documents/{id}/content', 'binary');
export const getDocumentDownloads = /* @__PURE__ */ route('GET', '/documents/{id}/downloads', DownloadStats);
export const listDigests = /* @__PURE__ */ route('GET', '/notifications/digests', DigestDay);
export const getDigestEmail = /* @__PURE__ */ route(
  'GET',
  '/notifications/digests/{date}/{contactId}',
  DigestEmail,
);
