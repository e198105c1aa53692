import * as z from 'zod/mini';
import { DateString, Id, Locale } from './common.js';

// Marked pure like the queries and bodies of documents.ts: a bundle that never uses it leaves it out.
export const DigestQuery = /* @__PURE__ */ z.object({ date: DateString });
export type DigestQuery = z.input<typeof DigestQuery>;

export const DigestDocument = z.object({
  id: Id,
  title: z.string(),
  documentTypeName: z.string(),
  propertyName: z.string(),
});

export const Digest = z.object({
  contact: z.object({ id: Id, name: z.string(), email: z.string(), locale: Locale }),
  documents: z.array(DigestDocument),
});
export type Digest = z.infer<typeof Digest>;

/** What goes out on `date`: one digest per contact with something new. */
export const DigestDay = z.object({ date: DateString, digests: z.array(Digest) });
export type DigestDay = z.infer<typeof DigestDay>;

/** A rendered digest e-mail. */
export const DigestEmail = z.object({ subject: z.string(), text: z.string(), html: z.string() });
export type DigestEmail = z.infer<typeof DigestEmail>;
