export * from './schemas/index.js';
export { parseScope, formatScope } from './scope.js';
export {
  FILE_KINDS,
  ACCEPT,
  kindOfName,
  kindOfMimeType,
  type FileKind,
  type FileKindInfo,
} from './files/kinds.js';
export { sniff, bytesSource, blobSource, type ByteSource } from './files/sniff.js';
export { cleanFileName, defaultTitle } from './files/names.js';
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
export { validateFile, type FileCheck } from './upload/validate.js';
export type { UploadOptions, UploadProgress } from './upload/upload.js';
export type { ResumeRecord, ResumeStore } from './upload/resume.js';
export * from './errors.js';
