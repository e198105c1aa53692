import type { FieldError, Problem, ProblemCode } from './schemas/problem.js';

/**
 * Codes the SDK gives, beside the contract's problem codes: failures with no HTTP answer, and
 * answers without a problem document (`server_error` for a 5xx, `http_error` for any other).
 */
export type ClientErrorCode =
  | 'network_error'
  | 'timeout'
  | 'aborted'
  | 'invalid_response'
  | 'empty_file'
  | 'unexpected'
  | 'server_error'
  | 'http_error';

/** What `DocPortalError.code` holds: a contract code, one of the SDK's own, or a code a backend added. */
export type ErrorCode = ProblemCode | ClientErrorCode | (string & {});

export interface ErrorInit {
  status?: number;
  code: ErrorCode;
  problem?: Problem;
  cause?: unknown;
}

// Each class names itself on its prototype: minifiers rename classes, and `error.name` must survive that.

/** Every error the SDK throws. `status` is 0 when there was no answer; `code` is what widgets translate by. */
export class DocPortalError extends Error {
  /** HTTP status, or 0 when no answer arrived. */
  readonly status: number;
  /**
   * A contract code (`not_found`, `offset_mismatch`, …) or a client code (`network_error`, `timeout`, `aborted`, `invalid_response`;
   * `unexpected` for any other failure on the SDK's path, such as a token function that threw, wrapped with the original as `cause`).
   */
  readonly code: ErrorCode;
  /** The server's problem document, when it sent one. */
  readonly problem?: Problem;
  /**
   * `'unknown'` when a write may have taken effect though no answer said so (an answer was lost,
   * then the retries failed): repeat it with `idempotencyKey` to learn its result, never twice.
   */
  outcome?: 'unknown';
  /** The `Idempotency-Key` of the write that failed; pass it as `idempotencyKey` to replay it. */
  idempotencyKey?: string;
  /** The server's `Retry-After`, in milliseconds, when it sent one. */
  retryAfterMs?: number;
  /** The headers of the failed answer, by their lower-case names (none when no answer arrived). */
  headers?: Record<string, string>;

  static {
    this.prototype.name = 'DocPortalError';
  }

  constructor(message: string, init: ErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status ?? 0;
    this.code = init.code;
    this.problem = init.problem;
  }
}

/** No answer: the connection failed or was cut. */
export class NetworkError extends DocPortalError {
  static {
    this.prototype.name = 'NetworkError';
  }
}
/** No answer within the time allowed. */
export class TimeoutError extends DocPortalError {
  static {
    this.prototype.name = 'TimeoutError';
  }
}
/** The caller aborted (its `AbortSignal`). */
export class AbortError extends DocPortalError {
  static {
    this.prototype.name = 'AbortError';
  }
}
/** 401: no token, or the token is not accepted (also after one refresh). */
export class AuthError extends DocPortalError {
  static {
    this.prototype.name = 'AuthError';
  }
}
/** 403: the caller may not do this. */
export class ForbiddenError extends DocPortalError {
  static {
    this.prototype.name = 'ForbiddenError';
  }
}
/** 404: unknown, or not visible to the caller. */
export class NotFoundError extends DocPortalError {
  static {
    this.prototype.name = 'NotFoundError';
  }
}
/** 409: `conflict`, `upload_incomplete`, `offset_mismatch` or `upload_busy` (with `retryAfterMs`). */
export class ConflictError extends DocPortalError {
  static {
    this.prototype.name = 'ConflictError';
  }
}
/** 412: the document changed since it was read. */
export class PreconditionFailedError extends DocPortalError {
  static {
    this.prototype.name = 'PreconditionFailedError';
  }
}
/** 413: the file is larger than 50 MiB. */
export class FileTooLargeError extends DocPortalError {
  static {
    this.prototype.name = 'FileTooLargeError';
  }
}
/** 415: not a PDF, Word, JPEG or PNG file by its content, name or declared type. */
export class UnsupportedFileTypeError extends DocPortalError {
  static {
    this.prototype.name = 'UnsupportedFileTypeError';
  }
}
/** 422: the request broke a rule; `errors` names each field. */
export class ValidationError extends DocPortalError {
  static {
    this.prototype.name = 'ValidationError';
  }
  get errors(): FieldError[] {
    return this.problem?.errors ?? [];
  }
}
/** 429: too many requests; `retryAfterMs` says when to try again. */
export class RateLimitError extends DocPortalError {
  static {
    this.prototype.name = 'RateLimitError';
  }
}
/** 5xx: the server failed. */
export class ServerError extends DocPortalError {
  static {
    this.prototype.name = 'ServerError';
  }
}
/** A 2xx answer that breaks the contract's schema. */
export class ResponseValidationError extends DocPortalError {
  static {
    this.prototype.name = 'ResponseValidationError';
  }
  /** Where the answer broke the schema. */
  readonly issues: FieldError[];
  /** `status` is the HTTP status of the answer that broke the schema (0 when unknown). */
  constructor(message: string, issues: FieldError[], status = 0) {
    super(message, { code: 'invalid_response', status });
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
  return new Class(message, {
    status,
    code: problem?.code ?? (status >= 500 ? 'server_error' : 'http_error'),
    problem,
  });
}

/**
 * Any failure as a DocPortalError: one already is; anything else (a token function that threw, a
 * file that cannot be read, a bug) is wrapped with code `unexpected`, the original kept as
 * `cause`. Every request goes through `Http.send`, which applies it; uploads and `validateFile`
 * apply it to their whole path.
 */
export const asDocPortalError = (e: unknown): DocPortalError =>
  e instanceof DocPortalError ? e : new DocPortalError(String(e), { code: 'unexpected', cause: e });

export const rethrow = (e: unknown): never => {
  throw asDocPortalError(e);
};
