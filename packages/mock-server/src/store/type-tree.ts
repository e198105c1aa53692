import type { CreateDocumentType, DocumentType, UpdateDocumentType } from '@docportal/core-sdk';
import { ApiError, invalid, notFound } from './errors.js';
import type { TypeRec } from './model.js';

/** The deepest level a document type may sit at (top-level types are level 1). */
export const MAX_TYPE_DEPTH = 5;

/** Document counts of one listing: of each type itself, and of each type with its subtypes. */
export interface TypeCounts {
  own: (typeId: string) => number;
  subtree: (typeId: string) => number;
}

/**
 * The document type tree: types, their order among siblings, and the rules of creating,
 * renaming, moving and deleting them (unique sibling names, no cycles, at most five levels).
 * Knows nothing of documents: what it needs of them comes in as functions.
 */
export class TypeTree {
  private readonly types: Map<string, TypeRec>;

  constructor(types: readonly TypeRec[]) {
    this.types = new Map(types.map((t) => [t.id, { ...t }]));
  }

  has(id: string): boolean {
    return this.types.has(id);
  }

  get(id: string): TypeRec | undefined {
    return this.types.get(id);
  }

  /** The children of a type (or the top-level types for null), in their order. */
  children(parentId: string | null): TypeRec[] {
    return [...this.types.values()]
      .filter((t) => t.parentId === parentId)
      .sort((a, b) => a.position - b.position);
  }

  /** Level of a type: top-level types are level 1. */
  level(id: string): number {
    let n = 0;
    for (let t = this.types.get(id); t; t = this.parentOf(t)) n++;
    return n;
  }

  /** Levels a subtree spans: 1 for a leaf. */
  height(id: string): number {
    return 1 + Math.max(0, ...this.children(id).map((child) => this.height(child.id)));
  }

  isInSubtree(id: string, rootId: string): boolean {
    for (let t = this.types.get(id); t; t = this.parentOf(t)) if (t.id === rootId) return true;
    return false;
  }

  /** A type and all its descendants. */
  subtreeIds(rootId: string): Set<string> {
    const ids = new Set<string>([rootId]);
    const walk = (id: string) => {
      for (const child of this.children(id)) {
        ids.add(child.id);
        walk(child.id);
      }
    };
    walk(rootId);
    return ids;
  }

  /** Every type, depth-first, siblings in their order. */
  depthFirst(): TypeRec[] {
    const byParent = this.byParent();
    const order: TypeRec[] = [];
    const walk = (parentId: string | null) => {
      for (const t of byParent.get(parentId) ?? []) {
        order.push(t);
        walk(t.id);
      }
    };
    walk(null);
    return order;
  }

  /**
   * Per type, the sum of `own` over its subtree, in one depth-first pass (a listing of a
   * large tree must not walk each subtree anew).
   */
  subtreeSums(own: (typeId: string) => number): Map<string, number> {
    const byParent = this.byParent();
    const sums = new Map<string, number>();
    const sumBelow = (parentId: string | null): number => {
      let sum = 0;
      for (const t of byParent.get(parentId) ?? []) {
        const total = own(t.id) + sumBelow(t.id);
        sums.set(t.id, total);
        sum += total;
      }
      return sum;
    };
    sumBelow(null);
    return sums;
  }

  /** Counts of one type from per-type counts, summing its subtree on demand (for one type at a time). */
  countsOver(own: (typeId: string) => number): TypeCounts {
    const subtree = (typeId: string) => [...this.subtreeIds(typeId)].reduce((sum, id) => sum + own(id), 0);
    return { own, subtree };
  }

  toJson(t: TypeRec, counts: TypeCounts): DocumentType {
    return {
      id: t.id,
      name: t.name,
      parentId: t.parentId,
      position: t.position,
      documentCount: counts.own(t.id),
      subtreeCount: counts.subtree(t.id),
    };
  }

  /** Adds a type: 422 for an unknown parent, 422 `too_deep` past level five, 409 for a taken name. */
  create(body: CreateDocumentType): TypeRec {
    const parentId = body.parentId ?? null;
    if (parentId !== null && !this.types.has(parentId)) throw invalid('parentId', 'unknown document type id');
    if (parentId !== null && this.level(parentId) + 1 > MAX_TYPE_DEPTH)
      throw new ApiError('too_deep', `A type may sit at most ${MAX_TYPE_DEPTH} levels deep.`);
    if (this.nameTaken(body.name, parentId))
      throw new ApiError('conflict', `A sibling type is already named "${body.name}".`);
    const t: TypeRec = { id: crypto.randomUUID(), name: body.name, parentId, position: 0 };
    this.types.set(t.id, t);
    this.place(t, parentId, body.position);
    return t;
  }

  /** Renames and/or moves a type; refuses cycles, depth past level five and taken names. */
  update(id: string, body: UpdateDocumentType): TypeRec {
    if (body.parentId != null && !this.types.has(body.parentId))
      throw invalid('parentId', 'unknown document type id');
    const t = this.types.get(id);
    if (!t) throw notFound('The document type');
    const parentId = body.parentId === undefined ? t.parentId : body.parentId;
    if (parentId !== null && this.isInSubtree(parentId, id))
      throw new ApiError('cycle', 'A type cannot move under itself or one of its descendants.');
    const parentLevel = parentId === null ? 0 : this.level(parentId);
    if (parentId !== t.parentId && parentLevel + this.height(id) > MAX_TYPE_DEPTH)
      throw new ApiError('too_deep', `The move would put a type deeper than level ${MAX_TYPE_DEPTH}.`);
    const name = body.name ?? t.name;
    if (this.nameTaken(name, parentId, id))
      throw new ApiError('conflict', `A sibling type is already named "${name}".`);
    const oldParent = t.parentId;
    t.name = name;
    if (parentId !== oldParent || body.position !== undefined) {
      this.place(t, parentId, body.position);
      if (parentId !== oldParent) this.renumber(oldParent);
    }
    return t;
  }

  /** Deletes an empty leaf type; 409 while it holds documents or subtypes. */
  delete(id: string, holdsDocuments: (typeId: string) => boolean): void {
    const t = this.types.get(id);
    if (!t) throw notFound('The document type');
    if (holdsDocuments(id))
      throw new ApiError('conflict', 'The type still holds documents; move or delete them first.');
    if (this.children(id).length > 0)
      throw new ApiError('conflict', 'The type still has subtypes; move or delete them first.');
    this.types.delete(id);
    this.renumber(t.parentId);
  }

  /** The types grouped by parent, siblings in their order, in one pass. */
  private byParent(): Map<string | null, TypeRec[]> {
    const byParent = new Map<string | null, TypeRec[]>();
    for (const t of this.types.values()) {
      const siblings = byParent.get(t.parentId);
      if (siblings) siblings.push(t);
      else byParent.set(t.parentId, [t]);
    }
    for (const siblings of byParent.values()) siblings.sort((a, b) => a.position - b.position);
    return byParent;
  }

  private parentOf(t: TypeRec): TypeRec | undefined {
    return t.parentId ? this.types.get(t.parentId) : undefined;
  }

  /** Puts a type among its siblings at `position` (the end when omitted) and renumbers them. */
  private place(t: TypeRec, parentId: string | null, position: number | undefined): void {
    const siblings = this.children(parentId).filter((s) => s.id !== t.id);
    const at = Math.min(position ?? siblings.length, siblings.length);
    siblings.splice(at, 0, t);
    t.parentId = parentId;
    siblings.forEach((s, i) => (s.position = i));
  }

  private renumber(parentId: string | null): void {
    this.children(parentId).forEach((s, i) => (s.position = i));
  }

  private nameTaken(name: string, parentId: string | null, exceptId?: string): boolean {
    const lower = name.toLowerCase();
    return this.children(parentId).some((s) => s.id !== exceptId && s.name.toLowerCase() === lower);
  }
}
