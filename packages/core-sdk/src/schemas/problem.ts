import * as z from 'zod/mini';
import { int } from './common.js';

// Marked pure: the SDK reads a problem's code as a string, so a bundle leaves the list out
// unless it uses it.
/** Every error code of the contract. */
export const ProblemCode = /* @__PURE__ */ z.enum([
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'upload_incomplete',
  'precondition_failed',
  'offset_mismatch',
  'file_too_large',
  'unsupported_file_type',
  'validation_failed',
  'target_out_of_scope',
  'cycle',
  'too_deep',
  'rate_limited',
  'upload_busy',
  'body_too_large',
  'internal_error',
  'service_unavailable',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

/** One field-level complaint of a 422 answer. */
export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/** An RFC 9457 problem document, as every error answer carries it. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: int(),
  // A backend may add codes of its own; known ones are listed in ProblemCode.
  code: z.string(),
  detail: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
  /** The server's offset, on `offset_mismatch`. */
  offset: z.optional(int()),
});
export type Problem = z.infer<typeof Problem>;
