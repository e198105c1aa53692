import type { DocumentType } from '@docportal/core-sdk';

/** Where a folder goes: a parent and, optionally, its place among the parent's children. */
export interface MoveTo {
  parentId: string | null;
  position?: number;
}

/** The children of `parentId`, in order. */
export const siblings = (types: DocumentType[], parentId: string | null): DocumentType[] =>
  types.filter((t) => t.parentId === parentId).sort((a, b) => a.position - b.position);

/**
 * Where a folder goes for one of the four moves (Alt+arrows or the buttons): up/down reorder,
 * right (in) into the folder above, left (out) one level out, after its parent; undefined where
 * it cannot.
 */
export function moveTarget(types: DocumentType[], t: DocumentType, key: string): MoveTo | undefined {
  const sibs = siblings(types, t.parentId);
  const i = sibs.findIndex((x) => x.id === t.id);
  const parent = t.parentId ? types.find((x) => x.id === t.parentId) : undefined;
  // Up and down: one place among its siblings; right: into the sibling above; left: out, after its parent.
  if (key === 'ArrowUp') return i > 0 ? { parentId: t.parentId, position: i - 1 } : undefined;
  if (key === 'ArrowDown') return i < sibs.length - 1 ? { parentId: t.parentId, position: i + 1 } : undefined;
  if (key === 'ArrowRight') return i > 0 ? { parentId: sibs[i - 1]!.id } : undefined;
  if (!parent) return undefined;
  return {
    parentId: parent.parentId,
    position: siblings(types, parent.parentId).findIndex((x) => x.id === parent.id) + 1,
  };
}
