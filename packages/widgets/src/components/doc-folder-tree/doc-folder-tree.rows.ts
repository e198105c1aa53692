import type { Document, DocumentType } from '@docportal/core-sdk';

/** One line of the tree; `pos`/`size` are its place among its siblings (aria-posinset/setsize). */
export type Row =
  | {
      kind: 'type';
      depth: number;
      pos: number;
      size: number;
      type: DocumentType;
      open: boolean;
      leaf: boolean;
    }
  | { kind: 'doc'; depth: number; pos: number; size: number; doc: Document; parent: string }
  | { kind: 'more'; depth: number; pos: number; size: number; parent: string };

export interface Folder {
  items: Document[];
  next: string | null;
  loading: boolean;
  /** The last page failed: its row waits for Enter or a click instead of loading by itself. */
  failed?: boolean;
}

/** Rows are keyed, so that focus moves from node to node as the window scrolls (and is announced). */
export function rowKey(row: Row): string {
  if (row.kind === 'type') return row.type.id;
  return row.kind === 'doc' ? row.doc.id : `more:${row.parent}`;
}

/** What a row is called: a folder's name, a document's title ("more" rows have none). */
export function rowName(row: Row): string {
  if (row.kind === 'type') return row.type.name;
  return row.kind === 'doc' ? row.doc.title : '';
}

/**
 * The rows in view order: folders depth-first, each open folder's subfolders, then its loaded
 * documents and a "more" row while pages remain. `browse` hides folders with nothing to see;
 * `admin` shows folders alone.
 */
export function buildRows(
  types: DocumentType[],
  expanded: Set<string>,
  folders: Map<string, Folder>,
  mode: string,
): Row[] {
  const visible = (t: DocumentType) => mode !== 'browse' || t.subtreeCount > 0;
  const kids = new Map<string | null, DocumentType[]>();
  for (const t of types)
    if (visible(t)) (kids.get(t.parentId) ?? kids.set(t.parentId, []).get(t.parentId)!).push(t);
  const docCount = (t: DocumentType | null) => (t && mode !== 'admin' ? t.documentCount : 0);
  const rows: Row[] = [];
  const walk = (parent: DocumentType | null, depth: number) => {
    const subs = kids.get(parent?.id ?? null) ?? [];
    const size = subs.length + docCount(parent);
    subs.forEach((t, i) => {
      const open = expanded.has(t.id);
      const leaf = !kids.has(t.id) && docCount(t) === 0;
      rows.push({ kind: 'type', depth, pos: i + 1, size, type: t, open, leaf });
      if (open && !leaf) walk(t, depth + 1);
    });
    const f = parent && folders.get(parent.id);
    if (!f) return;
    f.items.forEach((doc, i) =>
      rows.push({ kind: 'doc', depth, pos: subs.length + i + 1, size, doc, parent: parent.id }),
    );
    if (f.next)
      rows.push({ kind: 'more', depth, pos: subs.length + f.items.length + 1, size, parent: parent.id });
  };
  walk(null, 0);
  return rows;
}
