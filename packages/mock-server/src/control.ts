import * as z from 'zod/mini';

/** Bodies of the mock-only control endpoints under `/__mock`. */
export const ResetBody = z.object({
  dataset: z.optional(z.enum(['fixtures', 'large'])),
  seed: z.optional(z.int()),
});

export const ClockBody = z.object({ now: z.nullable(z.iso.datetime({ offset: true })) });

const rate = z.number().check(z.gte(0), z.lte(1));
export const FaultsBody = z.object({
  latencyMs: z.optional(z.int().check(z.gte(0), z.lte(60_000))),
  failRate: z.optional(rate),
  failStatus: z.optional(z.int().check(z.gte(400), z.lte(599))),
  dropAfterBytes: z.optional(z.int().check(z.gte(0))),
  loseResponseRate: z.optional(rate),
  retryAfter: z.optional(z.int().check(z.gte(0), z.lte(3600))),
  seed: z.optional(z.int()),
});
