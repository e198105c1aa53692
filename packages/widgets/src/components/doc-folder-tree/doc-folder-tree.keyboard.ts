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
    case 'ArrowDown':
      tree.focusRow(tree.active + 1);
      break;
    case 'ArrowUp':
      tree.focusRow(tree.active - 1);
      break;
    case 'Home':
      tree.focusRow(0);
      break;
    case 'End':
      tree.focusRow(rows.length - 1);
      break;
    case 'ArrowRight':
      if (row.kind === 'type' && !row.leaf) {
        if (!row.open) tree.toggle(row.type, true);
        else tree.focusRow(tree.active + 1);
      }
      break;
    case 'ArrowLeft':
      if (row.kind === 'type' && row.open) tree.toggle(row.type, false);
      else tree.focusRow(parentIndex());
      break;
    case 'Enter':
    case ' ':
      void tree.activate(row);
      break;
    case '*': {
      // Opens every folder on the level of the focused one.
      const siblings = rows.filter(
        (r): r is Extract<Row, { kind: 'type' }> =>
          r.kind === 'type' &&
          r.depth === row.depth &&
          r.type.parentId === (row.kind === 'type' ? row.type.parentId : undefined),
      );
      for (const r of siblings) if (!r.leaf) tree.toggle(r.type, true);
      break;
    }
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
