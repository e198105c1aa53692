import * as z from 'zod/mini';
import { Id, Scope, ScopeString, ShareTargets, Timestamp, text, int } from './common.js';
import { Limit } from './limit.js';

export const Title = text(200);

/**
 * A shared file. `shares`, `recipientCount` and `downloadCount` are present for managers only.
 */
export const Document = z.object({
  id: Id,
  title: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: int(),
  sha256: z.string(),
  documentTypeId: Id,
  scope: Scope,
  shares: z.optional(ShareTargets),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Raised by every change; sent as `ETag` and checked against `If-Match`. */
  version: int(),
  recipientCount: z.optional(int()),
  downloadCount: z.optional(int()),
});
export type Document = z.infer<typeof Document>;

// The SDK sends queries and bodies without parsing them (the server checks them): their schemas
// are built in calls marked pure, so that a bundle that never uses one leaves it out (zod's calls
// look impure to a bundler, which would keep them all).
export const DocumentSort = /* @__PURE__ */ z.enum([
  'createdAt:desc',
  'createdAt:asc',
  'title:asc',
  'title:desc',
]);
export type DocumentSort = z.infer<typeof DocumentSort>;

export const DocumentListQuery = /* @__PURE__ */ (() =>
  z.object({
    scope: z.optional(ScopeString),
    documentTypeId: z.optional(Id),
    includeSubtypes: z.optional(z.enum(['true', 'false'])),
    q: z.optional(z.string().check(z.maxLength(200))),
    sort: z.optional(DocumentSort),
    limit: Limit(200),
    cursor: z.optional(z.string().check(z.maxLength(1000))),
  }))();

export type DocumentListQuery = z.input<typeof DocumentListQuery>;

export const DocumentPage = z.object({
  items: z.array(Document),
  nextCursor: z.nullable(z.string()),
});
export type DocumentPage = z.infer<typeof DocumentPage>;

export const CreateDocument = /* @__PURE__ */ z.object({
  uploadId: Id,
  title: Title,
  documentTypeId: Id,
  scope: Scope,
  shares: ShareTargets,
});
export type CreateDocument = z.input<typeof CreateDocument>;

/** The `metadata` part of `POST /documents/upload`: a commit without an upload id. */
export const DocumentMetadata = z.object({
  title: Title,
  documentTypeId: Id,
  scope: Scope,
  shares: ShareTargets,
});
export type DocumentMetadata = z.input<typeof DocumentMetadata>;

export const UpdateDocument = /* @__PURE__ */ (() =>
  z.object({
    title: z.optional(Title),
    documentTypeId: z.optional(Id),
    shares: z.optional(ShareTargets),
  }))();
export type UpdateDocument = z.input<typeof UpdateDocument>;

export const DownloadStats = z.object({
  total: int(),
  byContact: z.array(z.object({ contactId: Id, name: z.string(), count: int(), lastAt: Timestamp })),
});
export type DownloadStats = z.infer<typeof DownloadStats>;
