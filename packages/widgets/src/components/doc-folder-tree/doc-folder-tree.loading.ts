// The tree's loading: the folders, and each folder's documents a page at a time; what a provider keeps of them for a tree shown again.
import type { DocumentType } from '@docportal/core-sdk';
import type { Tree } from './doc-folder-tree.internals.js';
import type { Folder } from './doc-folder-tree.rows.js';

/** What a tree keeps in its provider's cache, so that a tree shown again starts where it was. */
export interface CachedTree {
  client: unknown;
  types: DocumentType[];
  folders: Map<string, Folder>;
  expanded: Set<string>;
}

const PAGE = 200; // the API's largest page

/**
 * Loads the folders. Open folders are reloaded, as an upload may have added to them; with
 * `onlyChanged`, only those whose count differs from what is shown. Only the answer to the latest
 * load is shown (a scope left while it was on its way gets none of its folders shown).
 */
export async function load(tree: Tree, onlyChanged = false): Promise<void> {
  const api = tree.api;
  const scope = tree.scopeValue;
  if (!api || !scope) return;
  try {
    const before = new Map(tree.types.map((t) => [t.id, t.documentCount]));
    tree.types = await tree.loads.run((signal) => api.documentTypes.list({ scope, signal }));
    tree.error = undefined;
    // Open folders with documents load (again); closed ones forget theirs until opened.
    const stale = tree.types.filter(
      (t) =>
        tree.folders.has(t.id) &&
        (!onlyChanged || before.get(t.id) !== t.documentCount || !tree.expanded.has(t.id)),
    );
    if (stale.length) {
      const folders = new Map(tree.folders);
      // A page of theirs still on its way answers what is no longer shown: it is dropped.
      for (const t of stale) {
        folders.delete(t.id);
        tree.loads.abort(t.id);
      }
      tree.folders = folders;
    }
    for (const t of tree.types)
      if (tree.expanded.has(t.id) && t.documentCount > 0 && !tree.folders.has(t.id))
        void loadFolder(tree, t.id);
  } catch (e) {
    tree.error = e;
    tree.liveText = tree.i18n.error(e);
  }
  tree.loaded = true;
}

/**
 * Loads a folder's documents: the first page, or the page at `cursor` after those loaded. A newer
 * load of the folder aborts this one, whose answer is then never shown.
 */
export async function loadFolder(tree: Tree, typeId: string, cursor?: string): Promise<void> {
  const api = tree.api;
  const scope = tree.scopeValue;
  if (!api || !scope || tree.mode === 'admin') return;
  const prior = tree.folders.get(typeId);
  // While the next page comes, its row stays and says so.
  tree.folders = new Map(tree.folders).set(typeId, {
    items: prior && cursor ? prior.items : [],
    next: cursor ?? null,
    loading: true,
  });
  try {
    const page = await tree.loads.run(
      (signal) =>
        api.documents.list({ scope, documentTypeId: typeId, sort: 'title:asc', limit: PAGE, cursor, signal }),
      typeId,
    );
    const items = [...(cursor ? (prior?.items ?? []) : []), ...page.items];
    tree.folders = new Map(tree.folders).set(typeId, { items, next: page.nextCursor, loading: false });
  } catch (e) {
    tree.folders = new Map(tree.folders).set(typeId, {
      items: prior?.items ?? [],
      next: cursor ?? null,
      loading: false,
      failed: true,
    });
    tree.error = e;
    // The rows are shown, so the error has no place of its own: it is said.
    tree.liveText = tree.i18n.error(e);
  }
}
