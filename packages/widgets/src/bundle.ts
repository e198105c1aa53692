// The self-contained bundle (dist/docportal-widgets.js, `@docportal/widgets/bundle`): every
// element registered, the widgets' API, and the SDK's client API, so that a page without a
// bundler can write `provider.client = createClient({ … })` and tell errors apart by class.
// (The schemas and file sniffing stay in `@docportal/core-sdk`: the bundle keeps its budget.)
export * from './index.js';
export {
  createClient,
  DocPortalClient,
  parseScope,
  formatScope,
  validateFile,
  type ClientOptions,
  type RequestOptions,
  type RetryOptions,
  type TokenSource,
  type UploadOptions,
  type UploadProgress,
  type Document,
  type DocumentType,
  type ShareTarget,
  type Scope,
  type Locale,
} from '@docportal/core-sdk';
// Every error class the SDK and the elements' events carry.
export {
  type ClientErrorCode,
  type ErrorInit,
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
} from '@docportal/core-sdk';
