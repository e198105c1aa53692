// The tree's keyboard handling: the WAI-ARIA tree keys of its own (Right, Left, Enter, `*`) and Alt+arrows that
// move a folder (admin); Up/Down, Home/End and type-ahead are the list's (controllers/list-navigation.ts).
import { listNavigation } from '../../controllers/list-navigation.js';
import { moveByKey } from './doc-folder-tree.admin.js';
import type { Tree } from './doc-folder-tree.internals.js';
import { rowName } from './doc-folder-tree.rows.js';

/** The tree's keydown handler: Up/Down, Home/End and type-ahead move over the rows in view order. */
export function treeKeys(tree: Tree): (e: KeyboardEvent) => void {
  const list = listNavigation({
    active: () => tree.active,
    items: () => tree.rows,
    go: (i) => tree.focusRow(i),
    name: rowName,
  });
  return (e) => {
    const rows = tree.rows;
    const row = rows[tree.active];
    if (!row) return;
    if (tree.mode === 'admin' && e.altKey && row.kind === 'type' && e.key.startsWith('Arrow')) {
      e.preventDefault();
      void moveByKey(tree, row.type, e.key);
      return;
    }
    let handled = true;
    switch (e.key) {
      // APG treeview, Right Arrow: on a closed node, opens it; on an open node, moves to its first child; on an end node, nothing.
      case 'ArrowRight':
        if (row.kind === 'type' && !row.leaf) {
          if (!row.open) tree.toggle(row.type, true);
          else tree.focusRow(tree.active + 1);
        }
        break;
      // Left Arrow: on an open node, closes it; on a child node, moves to its parent; on a closed root node, nothing.
      case 'ArrowLeft':
        if (row.kind === 'type' && row.open) tree.toggle(row.type, false);
        else {
          const parent = rows.findLastIndex((r, i) => i < tree.active && r.depth < row.depth);
          tree.focusRow(parent < 0 ? tree.active : parent);
        }
        break;
      // Enter (and Space): "activates a node": a folder is chosen and opens or closes, "more" loads
      // the next page, a document is downloaded (browse) or opened for editing (manage).
      case 'Enter':
      case ' ':
        void tree.activate(row);
        break;
      case '*': {
        // APG treeview: "expands all siblings that are at the same level as the current node", a
        // folder's or a document's (a document's siblings are the folders beside it).
        const parentId = row.kind === 'type' ? row.type.parentId : row.parent;
        for (const r of rows)
          if (r.kind === 'type' && r.depth === row.depth && r.type.parentId === parentId && !r.leaf)
            tree.toggle(r.type, true);
        break;
      }
      // Down/Up Arrow, Home/End and type-ahead: the list's (its comments quote the APG rules).
      default:
        handled = list(e);
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
}
