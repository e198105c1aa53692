import { problemStatus } from '@docportal/core-sdk/contract';
import type { FieldError, Problem, ProblemCode } from '@docportal/core-sdk';

const TITLES: Record<ProblemCode, string> = {
  bad_request: 'Bad request',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  upload_incomplete: 'Upload incomplete',
  precondition_failed: 'Precondition failed',
  offset_mismatch: 'Offset mismatch',
  file_too_large: 'File too large',
  unsupported_file_type: 'Unsupported file type',
  validation_failed: 'Validation failed',
  target_out_of_scope: 'Share target outside the scope',
  cycle: 'Cycle in the type tree',
  too_deep: 'Type tree too deep',
  rate_limited: 'Too many requests',
  upload_busy: 'Upload busy',
  body_too_large: 'Body too large',
  internal_error: 'Internal server error',
  service_unavailable: 'Service unavailable',
};

/** A refusal by the contract: becomes a problem+json answer, and nothing has changed. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; offset?: number; headers?: Record<string, string> } = {},
    status?: number,
  ) {
    super(detail);
    this.status = status ?? problemStatus[code];
  }

  toProblem(): Problem {
    return {
      type: `urn:docportal:problem:${this.code}`,
      title: TITLES[this.code],
      status: this.status,
      code: this.code,
      detail: this.detail,
      ...(this.extra.errors ? { errors: this.extra.errors } : {}),
      ...(this.extra.offset !== undefined ? { offset: this.extra.offset } : {}),
    };
  }
}

/** 422 `validation_failed` naming one field. */
export const invalid = (path: string, message: string) =>
  new ApiError('validation_failed', `${path}: ${message}`, { errors: [{ path, message }] });

export const notFound = (what: string) => new ApiError('not_found', `${what} was not found.`);
