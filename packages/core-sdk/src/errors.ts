import type { FieldError, Problem } from './schemas/problem.js';

/** Codes of failures that have no HTTP answer, beside the contract's problem codes. */
export type ClientErrorCode = 'network_error' | 'timeout' | 'aborted' | 'invalid_response' | 'empty_file';

export interface ErrorInit {
  status?: number;
  code: string;
  problem?: Problem;
  cause?: unknown;
}

/** Every error the SDK throws. `status` is 0 when there was no answer; `code` is what widgets translate by. */
export class DocPortalError extends Error {
  /** HTTP status, or 0 when no answer arrived. */
  readonly status: number;
  /** A contract code (`not_found`, `offset_mismatch`, …) or a client code (`network_error`, `timeout`, `aborted`, `invalid_response`). */
  readonly code: string;
  /** The server's problem document, when it sent one. */
  readonly problem?: Problem;

  constructor(message: string, init: ErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status ?? 0;
    this.code = init.code;
    this.problem = init.problem;
  }
}

/** No answer: the connection failed or was cut. */
export class NetworkError extends DocPortalError {}
/** No answer within the time allowed. */
export class TimeoutError extends DocPortalError {}
/** The caller aborted (its `AbortSignal`). */
export class AbortError extends DocPortalError {}
/** 401: no token, or the token is not accepted (also after one refresh). */
export class AuthError extends DocPortalError {}
/** 403: the caller may not do this. */
export class ForbiddenError extends DocPortalError {}
/** 404: unknown, or not visible to the caller. */
export class NotFoundError extends DocPortalError {}
/** 409: `conflict`, `upload_incomplete` or `offset_mismatch`. */
export class ConflictError extends DocPortalError {}
/** 412: the document changed since it was read. */
export class PreconditionFailedError extends DocPortalError {}
/** 413: the file is larger than 50 MiB. */
export class FileTooLargeError extends DocPortalError {}
/** 415: not a PDF, Word, JPEG or PNG file by its content, name or declared type. */
export class UnsupportedFileTypeError extends DocPortalError {}
/** 422: the request broke a rule; `errors` names each field. */
export class ValidationError extends DocPortalError {
  get errors(): FieldError[] {
    return this.problem?.errors ?? [];
  }
}
/** 429: too many requests; `retryAfterMs` says when to try again. */
export class RateLimitError extends DocPortalError {
  retryAfterMs?: number;
}
/** 5xx: the server failed. */
export class ServerError extends DocPortalError {}
/** A 2xx answer that breaks the contract's schema. */
export class ResponseValidationError extends DocPortalError {
  /** Where the answer broke the schema. */
  readonly issues: FieldError[];
  constructor(message: string, issues: FieldError[]) {
    super(message, { code: 'invalid_response' });
    this.issues = issues;
  }
}

const BY_STATUS: Record<number, typeof DocPortalError> = {
  401: AuthError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  412: PreconditionFailedError,
  413: FileTooLargeError,
  415: UnsupportedFileTypeError,
  422: ValidationError,
  429: RateLimitError,
};

/** The error for an HTTP answer with an error status. */
export function errorFromStatus(status: number, problem: Problem | undefined): DocPortalError {
  const Class = BY_STATUS[status] ?? (status >= 500 ? ServerError : DocPortalError);
  const message = problem?.detail ?? problem?.title ?? `The server answered ${status}.`;
  return new Class(message, { status, code: problem?.code ?? (status >= 500 ? 'server_error' : 'http_error'), problem });
}
