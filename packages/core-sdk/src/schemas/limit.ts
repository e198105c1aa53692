// Not re-exported by index.ts: a building block of the query schemas, not part of the contract.
import * as z from 'zod/mini';
import { _coercedNumber } from 'zod/v4/core';
import { hinted, wholeNumber } from './common.js';

/**
 * A page size of a query string, 1–`max`: what `z.coerce.number()` makes, built from zod's core
 * so that the rest of `z.coerce` (its bigint and date schemas) stays out of every bundle; a whole
 * number, checked as `int()` checks it.
 */
export const Limit = (max: number) =>
  z.optional(
    hinted(
      (_coercedNumber(z.ZodMiniNumber) as z.ZodMiniNumber<unknown>).check(
        wholeNumber(),
        z.gte(1, 'must be at least 1'),
        z.lte(max, `must be at most ${max}`),
      ),
      { type: 'integer' },
    ),
  );
