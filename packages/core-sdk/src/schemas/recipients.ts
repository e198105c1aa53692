import * as z from 'zod/mini';
import { Id, Locale, Role, Scope, ScopeString, ShareTarget, ShareTargets, int } from './common.js';
import { Limit } from './limit.js';

// A query and a body: marked pure like those of documents.ts, so that a bundle that never uses
// them leaves them out.
export const RecipientSearchQuery = /* @__PURE__ */ (() =>
  z.object({
    scope: ScopeString,
    q: z.optional(z.string().check(z.maxLength(200))),
    limit: Limit(100),
    locale: z.optional(Locale),
  }))();
export type RecipientSearchQuery = z.input<typeof RecipientSearchQuery>;

/** One choice of the share picker. */
export const RecipientOption = z.object({
  target: ShareTarget,
  label: z.string(),
  description: z.string(),
  recipientCount: int(),
});
export type RecipientOption = z.infer<typeof RecipientOption>;
export const RecipientOptionList = z.object({ items: z.array(RecipientOption) });

export const ResolveRequest = /* @__PURE__ */ z.object({ scope: Scope, targets: ShareTargets });
export type ResolveRequest = z.infer<typeof ResolveRequest>;

export const ResolvedContact = z.object({ id: Id, name: z.string(), roles: z.array(Role) });
export type ResolvedContact = z.infer<typeof ResolvedContact>;

export const ResolveResult = z.object({
  count: int(),
  contacts: z.array(ResolvedContact),
  truncated: z.boolean(),
});
export type ResolveResult = z.infer<typeof ResolveResult>;
