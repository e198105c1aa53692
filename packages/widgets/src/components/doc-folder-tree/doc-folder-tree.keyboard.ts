// The tree's keyboard handling: the WAI-ARIA tree keys, `*`, type-ahead, and Alt+arrows that move a folder (admin).
import { moveByKey } from './doc-folder-tree.admin.js';
import type { Tree } from './doc-folder-tree.internals.js';
import { rowName, type Row } from './doc-folder-tree.rows.js';

export function onKeyDown(tree: Tree, e: KeyboardEvent): void {
  const rows = tree.rows;
  const row = rows[tree.active];
  if (!row) return;
  if (tree.mode === 'admin' && e.altKey && row.kind === 'type' && e.key.startsWith('Arrow')) {
    e.preventDefault();
    void moveByKey(tree, row.type, e.key);
    return;
  }
  const parentIndex = () => {
    for (let i = tree.active - 1; i >= 0; i--) if (rows[i]!.depth < row.depth) return i;
    return tree.active;
  };
  let handled = true;
  switch (e.key) {
    // APG treeview, Down Arrow: "moves focus to the next node that is focusable without opening or closing a node".
    case 'ArrowDown':
      tree.focusRow(tree.active + 1);
      break;
    // Up Arrow: "moves focus to the previous node that is focusable without opening or closing a node".
    case 'ArrowUp':
      tree.focusRow(tree.active - 1);
      break;
    // Home: "moves focus to the first node in the tree without opening or closing a node".
    case 'Home':
      tree.focusRow(0);
      break;
    // End: "moves focus to the last node in the tree that is focusable without opening a node".
    case 'End':
      tree.focusRow(rows.length - 1);
      break;
    // Right Arrow: on a closed node, opens it; on an open node, moves to its first child; on an end node, nothing.
    case 'ArrowRight':
      if (row.kind === 'type' && !row.leaf) {
        if (!row.open) tree.toggle(row.type, true);
        else tree.focusRow(tree.active + 1);
      }
      break;
    // Left Arrow: on an open node, closes it; on a child node, moves to its parent; on a closed root node, nothing.
    case 'ArrowLeft':
      if (row.kind === 'type' && row.open) tree.toggle(row.type, false);
      else tree.focusRow(parentIndex());
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
      const siblings = rows.filter(
        (r): r is Extract<Row, { kind: 'type' }> =>
          r.kind === 'type' && r.depth === row.depth && r.type.parentId === parentId,
      );
      for (const r of siblings) if (!r.leaf) tree.toggle(r.type, true);
      break;
    }
    // Type-ahead: "focus moves to the next node with a name that starts with the typed character".
    default:
      handled = e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && typeAhead(tree, e.key);
  }
  if (handled) {
    e.preventDefault();
    e.stopPropagation();
  }
}

/** Moves to the next row whose name starts with what was typed in the last half second. */
function typeAhead(tree: Tree, ch: string): boolean {
  clearTimeout(tree.typeaheadTimer);
  tree.typeahead += ch.toLowerCase();
  tree.typeaheadTimer = setTimeout(() => (tree.typeahead = ''), 500);
  const rows = tree.rows;
  const name = (r: Row) => rowName(r).toLowerCase();
  const start = tree.typeahead.length === 1 ? tree.active + 1 : tree.active;
  for (let k = 0; k < rows.length; k++) {
    const i = (start + k) % rows.length;
    if (name(rows[i]!).startsWith(tree.typeahead)) {
      tree.focusRow(i);
      return true;
    }
  }
  return false;
}
