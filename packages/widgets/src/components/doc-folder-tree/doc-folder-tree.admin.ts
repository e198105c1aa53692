// The tree's folder tools (admin): new, rename, delete (after a question), moves by key, button or drag, and their rendering.
import { html, nothing } from 'lit';
import type { DocPortalClient, DocumentType } from '@docportal/core-sdk';
import { DocTypesChangeEvent } from '../../events/tree-events.js';
import { errorNotice } from '../../internal/error-notice.js';
import type { FolderForm, Tree } from './doc-folder-tree.internals.js';
import { moveTarget, siblings } from './doc-folder-tree.moves.js';

/** Moves a folder; by key, focus follows its row; by button, it stays on the button while that can move it further. */
export async function moveByKey(
  tree: Tree,
  t: DocumentType,
  key: string,
  button?: HTMLButtonElement,
): Promise<void> {
  await changeTypes(
    tree,
    (api) => {
      // From where the folder is now: a move asked just before may have changed it.
      const now = tree.types.find((x) => x.id === t.id);
      const to = now && moveTarget(tree.types, now, key);
      if (!to) return undefined;
      if (key === 'ArrowRight') tree.expanded = new Set(tree.expanded).add(to.parentId!);
      return api.documentTypes.move(t.id, to);
    },
    tree.i18n.t.tree.folderMoved(t.name),
    button ? undefined : t.id,
  );
  await tree.updateComplete;
  if (button?.disabled) tree.focusRow(tree.rows.findIndex((r) => r.kind === 'type' && r.type.id === t.id));
}

/**
 * Runs one change of the folders once those asked before it are done, on the folders as they left
 * them (Alt+ArrowDown pressed three times moves a folder three places); a refusal is shown in words
 * and the tree stays as it was. `change` answers nothing when nothing is left to do (the folder is
 * gone, the form was saved already). A change asked before another user signed in is not made.
 */
async function changeTypes(
  tree: Tree,
  change: (api: DocPortalClient) => Promise<unknown> | undefined,
  done: string,
  focusId?: string,
): Promise<boolean> {
  const api = tree.api;
  let ok = false;
  const run = async () => {
    if (!api || tree.api !== api) return;
    try {
      const sent = change(api);
      if (!sent) return;
      await sent;
      tree.refusal = undefined;
      tree.liveText = done;
      // The folders' slot: a load of them still on its way is superseded by this one.
      tree.types = await tree.loads.run((signal) =>
        api.documentTypes.list({ scope: tree.scopeValue, signal }),
      );
      tree.emit(new DocTypesChangeEvent());
      tree.bus.publish('types-changed');
      if (focusId) {
        const index = tree.rows.findIndex((r) => r.kind === 'type' && r.type.id === focusId);
        if (index >= 0) tree.focusRow(index);
      }
      ok = true;
    } catch (e) {
      // Said by the refusal's alert, once.
      tree.refusal = e;
    }
  };
  await (tree.writes = tree.writes.then(run));
  return ok;
}

async function saveFolder(tree: Tree, e: Event): Promise<void> {
  e.preventDefault();
  const f = tree.folderForm;
  const name = f?.name.trim();
  if (!f || !name) return;
  let id = f.id;
  const ok = await changeTypes(
    tree,
    (api) => {
      // Sent again (Enter pressed twice) once the first one saved it: the form is closed, nothing to do.
      if (tree.folderForm !== f) return undefined;
      const sent = f.id
        ? api.documentTypes.update(f.id, { name })
        : api.documentTypes.create({ name, parentId: f.parentId });
      return sent.then((d) => {
        id = d.id;
        tree.folderForm = undefined;
      });
    },
    tree.i18n.t.tree.folderSaved(name),
  );
  if (!ok) return;
  if (f.parentId) tree.expanded = new Set(tree.expanded).add(f.parentId);
  const index = tree.rows.findIndex((r) => r.kind === 'type' && r.type.id === id);
  if (index >= 0) tree.focusRow(index);
}

async function removeFolder(tree: Tree, t: DocumentType): Promise<void> {
  const index = tree.rows.findIndex((r) => r.kind === 'type' && r.type.id === t.id);
  const ok = await changeTypes(
    tree,
    // Confirmed twice: the first one deleted it already.
    (api) => (tree.types.some((x) => x.id === t.id) ? api.documentTypes.remove(t.id) : undefined),
    tree.i18n.t.tree.folderRemoved(t.name),
  );
  if (ok && tree.selected === t.id) tree.selected = undefined;
  // The pressed button is disabled now (nothing selected): focus goes to the row that took the folder's place.
  if (ok && index >= 0) tree.focusRow(index);
}

/** Where a dragged folder would land on a row: its upper quarter before it, its lower after it, else into it. */
export function onDragOver(tree: Tree, e: DragEvent, target: DocumentType): void {
  if (tree.mode !== 'admin') return;
  e.preventDefault();
  const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
  const y = (e.clientY - box.top) / box.height;
  let where: 'before' | 'after' | 'into' = 'into';
  if (y < 0.25) where = 'before';
  else if (y > 0.75) where = 'after';
  if (tree.dropAt?.id !== target.id || tree.dropAt.where !== where) tree.dropAt = { id: target.id, where };
}

export function onDrop(tree: Tree, e: DragEvent, target: DocumentType): void {
  const id = e.dataTransfer?.getData('application/x-docportal-type');
  const where = tree.dropAt?.id === target.id ? tree.dropAt.where : 'into';
  e.preventDefault();
  tree.dropAt = undefined;
  const moving = tree.types.find((t) => t.id === id);
  if (!moving || moving.id === target.id) return;
  let to: { parentId: string | null; position?: number };
  if (where === 'into') {
    to = { parentId: target.id };
    tree.expanded = new Set(tree.expanded).add(target.id);
  } else {
    const sibs = siblings(tree.types, target.parentId).filter((t) => t.id !== moving.id);
    to = {
      parentId: target.parentId,
      position: sibs.findIndex((t) => t.id === target.id) + (where === 'after' ? 1 : 0),
    };
  }
  void changeTypes(
    tree,
    (api) => api.documentTypes.move(moving.id, to),
    tree.i18n.t.tree.folderMoved(moving.name),
    moving.id,
  );
}

/** Opens the name form (new or rename) with focus in its field. */
async function openFolderForm(tree: Tree, form: FolderForm): Promise<void> {
  tree.folderForm = form;
  tree.confirmingFolder = undefined;
  await tree.focusAfterUpdate('#folder-name');
}

/** Asks before a folder is deleted; focus goes to the answer. */
async function askRemoveFolder(tree: Tree, t: DocumentType): Promise<void> {
  tree.confirmingFolder = t.id;
  tree.folderForm = undefined;
  await tree.focusAfterUpdate('[part~="confirm"] button');
}

export function renderAdminTools(tree: Tree) {
  const t = tree.i18n.t.tree;
  // Read at click time, not at render time: a click may come before the next render.
  const sel = () => tree.types.find((x) => x.id === tree.selected);
  const s = sel();
  const f = tree.folderForm;
  const doomed = tree.types.find((x) => x.id === tree.confirmingFolder);
  const move = (key: string, text: string) =>
    html`<button
      type="button"
      class="btn"
      part="button"
      ?disabled=${!s || !moveTarget(tree.types, s, key)}
      @click=${(e: Event) => {
        const now = sel();
        if (now) void moveByKey(tree, now, key, e.currentTarget as HTMLButtonElement);
      }}
    >
      ${text}
    </button>`;
  const focusTools = () => void tree.focusAfterUpdate('.admin button');
  return html`<div class="admin" part="admin" role="group" aria-label=${t.folderTools}>
    ${renderFolderButtons(tree, sel)}
    <div class="bar">
      ${move('ArrowUp', t.moveUp)} ${move('ArrowDown', t.moveDown)} ${move('ArrowRight', t.moveIn)}
      ${move('ArrowLeft', t.moveOut)}
    </div>
    <p class="muted hint">${t.adminHint}</p>
    ${doomed ? renderConfirmFolder(tree, doomed, focusTools) : nothing}
    ${f ? renderFolderForm(tree, f, focusTools) : nothing}
    ${tree.refusal ? errorNotice(tree.i18n, tree.refusal, { alert: true }) : nothing}
  </div>`;
}

/** "Neuer Ordner", "Umbenennen", "Löschen": on the folder chosen at click time. */
function renderFolderButtons(tree: Tree, sel: () => DocumentType | undefined) {
  const t = tree.i18n.t.tree;
  const s = sel();
  return html`<div class="bar">
    <button
      type="button"
      class="btn"
      part="button"
      @click=${() => void openFolderForm(tree, { parentId: sel()?.id ?? null, name: '' })}
    >
      ${t.newFolder}
    </button>
    <button
      type="button"
      class="btn"
      part="button"
      ?disabled=${!s}
      @click=${() => {
        const now = sel();
        if (now) void openFolderForm(tree, { id: now.id, parentId: now.parentId, name: now.name });
      }}
    >
      ${t.renameFolder}
    </button>
    <button
      type="button"
      class="btn danger"
      part="button button--danger"
      ?disabled=${!s}
      @click=${() => {
        const now = sel();
        if (now) void askRemoveFolder(tree, now);
      }}
    >
      ${t.removeFolder}
    </button>
  </div>`;
}

/** The question before a folder is deleted. */
function renderConfirmFolder(tree: Tree, doomed: DocumentType, focusTools: () => void) {
  const t = tree.i18n.t.tree;
  return html`<div class="confirm" part="confirm" role="alert">
    <p>${t.confirmRemoveFolder(doomed.name)}</p>
    <button
      type="button"
      class="btn danger"
      part="button button--danger"
      @click=${() => {
        tree.confirmingFolder = undefined;
        void removeFolder(tree, doomed);
      }}
    >
      ${t.confirm}
    </button>
    <button
      type="button"
      class="btn"
      part="button"
      @click=${() => {
        tree.confirmingFolder = undefined;
        focusTools();
      }}
    >
      ${tree.i18n.t.common.cancel}
    </button>
  </div>`;
}

/** The name field of a new or renamed folder; Escape closes it. */
function renderFolderForm(tree: Tree, f: FolderForm, focusTools: () => void) {
  const t = tree.i18n.t.tree;
  return html`<form
    class="bar name-form"
    part="admin-form"
    @submit=${(e: Event) => saveFolder(tree, e)}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      tree.folderForm = undefined;
      focusTools();
    }}
  >
    <label for="folder-name">${t.folderName}</label>
    <input
      id="folder-name"
      class="input grow"
      part="input"
      maxlength="100"
      required
      .value=${f.name}
      @input=${(e: Event) => (tree.folderForm = { ...f, name: (e.target as HTMLInputElement).value })}
    />
    <button type="submit" class="btn primary" part="button button--primary">
      ${f.id ? t.save : t.create}
    </button>
    <button type="button" class="btn" part="button" @click=${() => (tree.folderForm = undefined)}>
      ${tree.i18n.t.common.cancel}
    </button>
  </form>`;
}
