/**
 * `@docportal/core-sdk`: every name here is public and follows semver. The endpoint table and
 * the contract's size limits are on `@docportal/core-sdk/contract`, the IndexedDB resume store on
 * `@docportal/core-sdk/resume`; `@docportal/core-sdk/internal` is for docportal's own packages.
 * test/exports.test.ts holds the list: a name added here is added there, with a changeset.
 *
 * The groups' order decides the order of the SDK's modules in a bundle, which moves the widgets'
 * brotli sizes by some tens of bytes: this order keeps both kits below their earlier sizes.
 */

// The contract's zod schemas, each with its inferred type of the same name where one is declared.
// The schemas of queries and request bodies, and the list of problem codes, which the client
// never parses (the server checks and writes them), are on `@docportal/core-sdk/contract`; their
// types are here.
export {
  Id,
  Timestamp,
  DateString,
  Locale,
  Role,
  Roles,
  ScopeKind,
  Scope,
  type ScopeString,
  ShareTarget,
  ShareTargets,
} from './schemas/common.js';
export { type ProblemCode, FieldError, Problem } from './schemas/problem.js';
export {
  Me,
  Address,
  Property,
  PropertyList,
  Resident,
  Unit,
  UnitList,
  Group,
  GroupList,
} from './schemas/context.js';
export {
  type RecipientSearchQuery,
  RecipientOption,
  RecipientOptionList,
  type ResolveRequest,
  ResolvedContact,
  ResolveResult,
} from './schemas/recipients.js';
export {
  DocumentType,
  DocumentTypeList,
  type DocumentTypeListQuery,
  type TypeName,
  type CreateDocumentType,
  type UpdateDocumentType,
} from './schemas/document-types.js';
export { type CreateUpload, UploadSession, UploadStatus } from './schemas/uploads.js';
export {
  Title,
  Document,
  type DocumentSort,
  type DocumentListQuery,
  DocumentPage,
  type CreateDocument,
  DocumentMetadata,
  type UpdateDocument,
  DownloadStats,
} from './schemas/documents.js';
export { type DigestQuery, DigestDocument, Digest, DigestDay, DigestEmail } from './schemas/notifications.js';

// Errors.
export {
  DocPortalError,
  NetworkError,
  TimeoutError,
  AbortError,
  AuthError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  PreconditionFailedError,
  FileTooLargeError,
  UnsupportedFileTypeError,
  ValidationError,
  RateLimitError,
  ServerError,
  ResponseValidationError,
  errorFromStatus,
  type ErrorCode,
  type ClientErrorCode,
  type ErrorInit,
} from './errors.js';

// Checks without a request.
export { validateFile, type FileCheck } from './upload/validate.js';
export type { FileKind } from './files/kinds.js';

// The client.
export { createClient, DocPortalClient } from './client.js';
export type { ClientOptions, RequestOptions, RetryOptions, TokenSource } from './internal/http.js';
export type {
  DocumentTypeNode,
  DocumentQuery,
  Properties,
  Units,
  Recipients,
  DocumentTypes,
  Documents,
  Notifications,
} from './resources/index.js';
export type { UploadOptions, UploadProgress } from './upload/upload.js';
export type { ResumeRecord, ResumeStore } from './upload/resume.js';

// Scopes.
export { parseScope, formatScope } from './scope.js';
