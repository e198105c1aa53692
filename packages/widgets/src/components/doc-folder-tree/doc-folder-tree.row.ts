// The rendering of one row of the tree: a folder, a document or a "more" row, with its drag and drop (admin).
import { html, nothing } from 'lit';
import { file as fileIcon } from '../../internal/icons.js';
import { onDragOver, onDrop } from './doc-folder-tree.admin.js';
import type { Tree } from './doc-folder-tree.internals.js';
import type { Row } from './doc-folder-tree.rows.js';

export function renderRow(tree: Tree, row: Row, index: number) {
  const t = tree.i18n.t.tree;
  const n = (x: number) => tree.i18n.number(x);
  const click = () => {
    tree.setActive(index);
    void tree.activate(row);
  };
  // Folders: selectable, expandable, draggable in admin. Documents: selectable. "More": neither.
  const type = row.kind === 'type' ? row.type : undefined;
  const selected = !!type && tree.selected === type.id;
  const editing = row.kind === 'doc' && tree.editing?.doc.id === row.doc.id;
  let part = 'row';
  if (type) part = `row row--type${selected ? ' row--selected' : ''}`;
  else if (row.kind === 'doc') part = `row row--document${editing ? ' row--editing' : ''}`;
  let content;
  if (row.kind === 'type') {
    const count = tree.mode === 'browse' || tree.mode === 'manage' ? row.type.subtreeCount : undefined;
    content = html`<span class="twisty" aria-hidden="true">${row.leaf ? '' : '›'}</span>
      <span class="name" title=${row.type.name}>${row.type.name}</span>
      ${count !== undefined ? html`<span class="meta">${t.documents(n(count), count)}</span>` : nothing}`;
  } else if (row.kind === 'doc') {
    const d = row.doc;
    content = html`<span class="twisty">${fileIcon}</span>
      <span class="name" title=${d.title}>${d.title}</span>
      ${tree.mode === 'manage' && d.downloadCount !== undefined ? html`<span class="meta">${t.downloads(n(d.downloadCount), d.downloadCount)}</span>` : nothing}`;
  } else
    content = html`<span class="twisty"></span
      ><span class="name"
        >${tree.folders.get(row.parent)?.loading ? tree.i18n.t.common.loading : t.loadMore}</span
      >`;
  return html`<li
    class="row ${row.kind}${editing ? ' editing' : ''}"
    part=${part}
    aria-current=${editing ? 'true' : nothing}
    role="treeitem"
    data-index=${index}
    style="--_i:${index};--_depth:${row.depth}"
    tabindex=${index === tree.active ? '0' : '-1'}
    aria-level=${row.depth + 1}
    aria-setsize=${row.size}
    aria-posinset=${row.pos}
    aria-expanded=${row.kind === 'type' && !row.leaf ? String(row.open) : nothing}
    aria-selected=${row.kind === 'more' ? nothing : String(selected)}
    draggable=${type ? String(tree.mode === 'admin') : nothing}
    data-drop=${type && tree.dropAt?.id === type.id ? tree.dropAt.where : nothing}
    @dragstart=${(e: DragEvent) => type && e.dataTransfer?.setData('application/x-docportal-type', type.id)}
    @dragover=${(e: DragEvent) => type && onDragOver(tree, e, type)}
    @dragend=${() => (tree.dropAt = undefined)}
    @drop=${(e: DragEvent) => type && tree.mode === 'admin' && onDrop(tree, e, type)}
    @click=${click}
  >
    ${content}
  </li>`;
}
