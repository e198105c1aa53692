import * as z from 'zod/mini';
import { Id, ScopeString, text, int } from './common.js';

/** A folder documents are filed in; types form a tree at most 5 levels deep. */
export const DocumentType = z.object({
  id: Id,
  name: z.string(),
  parentId: z.nullable(Id),
  position: int(),
  /** Documents of this type itself, in the asked scope, that the caller may see. */
  documentCount: int(),
  /** Documents of this type and its descendants, in the asked scope, that the caller may see. */
  subtreeCount: int(),
});
export type DocumentType = z.infer<typeof DocumentType>;
export const DocumentTypeList = z.object({ items: z.array(DocumentType) });

// A query and bodies: marked pure like those of documents.ts, so that a bundle that never uses
// them leaves them out.
export const DocumentTypeListQuery = /* @__PURE__ */ (() => z.object({ scope: z.optional(ScopeString) }))();
export type DocumentTypeListQuery = z.input<typeof DocumentTypeListQuery>;

export const TypeName = /* @__PURE__ */ text(100);
const Position = /* @__PURE__ */ (() => int(z.gte(0, 'must be 0 or more')))();

export const CreateDocumentType = /* @__PURE__ */ (() =>
  z.object({
    name: TypeName,
    parentId: z.optional(z.nullable(Id)),
    position: z.optional(Position),
  }))();
export type CreateDocumentType = z.input<typeof CreateDocumentType>;

export const UpdateDocumentType = /* @__PURE__ */ (() =>
  z.object({
    name: z.optional(TypeName),
    parentId: z.optional(z.nullable(Id)),
    position: z.optional(Position),
  }))();
export type UpdateDocumentType = z.input<typeof UpdateDocumentType>;
