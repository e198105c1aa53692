// The tree's document editor (manage): opening a document, its actions (save, who downloaded it, delete) and its rendering.
import { html, nothing } from 'lit';
import type { Document, ShareTarget } from '@docportal/core-sdk';
import { DocDocumentChangeEvent } from '../../events/tree-events.js';
import { errorNotice } from '../../internal/error-notice.js';
import { heading } from '../../internal/heading.js';
import { PICKER_PARTS } from '../../internal/parts.js';
import { typeOptions } from '../../internal/type-options.js';
import type { Editing, Tree } from './doc-folder-tree.internals.js';

/** Opens a document for editing (manage): title, type and sharing, downloads, delete. */
export async function edit(tree: Tree, doc: Document): Promise<void> {
  const api = tree.api;
  if (!api) return;
  try {
    // Another document opened meanwhile aborts this one (the editor shows the last one asked for).
    const fresh = await tree.loads.run((signal) => api.documents.get(doc.id, { signal }), 'edit');
    tree.editing = {
      doc: fresh,
      title: fresh.title,
      typeId: fresh.documentTypeId,
      shares: fresh.shares ?? [],
      confirming: false,
      busy: false,
    };
    await tree.focusAfterUpdate('.details .heading');
  } catch (e) {
    tree.liveText = tree.i18n.error(e);
  }
}

/**
 * Applies an answer about `ed`'s document to the editor, when it still shows that document: one
 * closed or showing another document since (a hurried Escape, a click on another row) stays as
 * the person left it. Says whether it applied.
 */
function settle(tree: Tree, ed: Editing, patch: Partial<Editing>): boolean {
  const now = tree.editing;
  if (now?.doc.id !== ed.doc.id) return false;
  tree.editing = { ...now, ...patch };
  return true;
}

export function closeEditor(tree: Tree): void {
  tree.editing = undefined;
  void tree.focusAfterUpdate(`[data-index="${tree.active}"]`);
}

export async function save(tree: Tree, e: Event): Promise<void> {
  e.preventDefault();
  const api = tree.api;
  const ed = tree.editing;
  if (!api || !ed || ed.busy) return;
  tree.editing = { ...ed, busy: true, error: undefined };
  try {
    const doc = await api.documents.update(
      ed.doc.id,
      { title: ed.title, documentTypeId: ed.typeId, shares: ed.shares },
      { ifMatch: ed.doc.version },
    );
    settle(tree, ed, { doc, busy: false });
    tree.emit(new DocDocumentChangeEvent({ document: doc, deleted: false }));
    tree.liveText = tree.i18n.t.tree.saved;
    tree.bus.publish('documents-changed');
  } catch (error) {
    settle(tree, ed, { busy: false, error });
  }
}

export async function removeDocument(tree: Tree): Promise<void> {
  const api = tree.api;
  const ed = tree.editing;
  // Confirmed twice (a double click): the first one is deleting it.
  if (!api || !ed || ed.busy) return;
  if (!ed.confirming) {
    tree.editing = { ...ed, confirming: true };
    await tree.focusAfterUpdate('.confirm .btn');
    return;
  }
  tree.editing = { ...ed, busy: true };
  try {
    await api.documents.remove(ed.doc.id);
    tree.emit(new DocDocumentChangeEvent({ document: ed.doc, deleted: true }));
    tree.liveText = tree.i18n.t.tree.removed(ed.doc.title);
    tree.bus.publish('documents-changed');
    // Its row goes away: focus returns to the folder that held it, unless the person moved on.
    if (!settle(tree, ed, {})) return;
    const folder = tree.rows.findIndex((r) => r.kind === 'type' && r.type.id === ed.doc.documentTypeId);
    if (folder >= 0) tree.setActive(folder);
    closeEditor(tree);
  } catch (error) {
    settle(tree, ed, { busy: false, confirming: false, error });
  }
}

function date(tree: Tree, iso: string): string {
  return new Intl.DateTimeFormat(tree.i18n.locale, { dateStyle: 'medium' }).format(new Date(iso));
}

export async function showDownloads(tree: Tree): Promise<void> {
  const api = tree.api;
  const ed = tree.editing;
  if (!api || !ed) return;
  try {
    const t = tree.i18n.t.tree;
    const stats = await tree.loads.run((signal) => api.documents.downloads(ed.doc.id, { signal }), 'edit');
    const downloads = stats.byContact.map((c) =>
      t.downloadedBy(c.name, tree.i18n.number(c.count), date(tree, c.lastAt)),
    );
    // Shown next to the button and said once.
    if (settle(tree, ed, { downloads })) tree.liveText = downloads.join('. ') || t.noDownloads;
  } catch (error) {
    settle(tree, ed, { error });
  }
}

export function renderEditor(tree: Tree) {
  const ed = tree.editing!;
  const t = tree.i18n.t.tree;
  const set = (patch: Partial<Editing>) => void settle(tree, ed, patch);
  const downloads = ed.downloads;
  return html`<form
    class="details"
    part="details editor"
    aria-label=${t.details}
    @submit=${(e: Event) => save(tree, e)}
    @keydown=${(e: KeyboardEvent) => {
      // Escape closes the editor (a nested list that is open takes it first and stops it).
      if (e.key === 'Escape' && !e.defaultPrevented) closeEditor(tree);
    }}
  >
    ${heading(tree.headingLevel, ed.doc.title)}
    <p class="muted">
      ${ed.doc.fileName} · ${t.uploadedOn(date(tree, ed.doc.createdAt), tree.i18n.size(ed.doc.size))} ·
      ${t.downloads(tree.i18n.number(ed.doc.downloadCount ?? 0), ed.doc.downloadCount ?? 0)}
    </p>
    ${renderFields(tree, set)} ${ed.error ? errorNotice(tree.i18n, ed.error, { alert: true }) : nothing}
    ${renderActions(tree)} ${downloads ? renderDownloads(tree, downloads) : nothing}
    ${ed.confirming ? renderConfirmRemove(tree, set) : nothing}
  </form>`;
}

/** Title, type and sharing of the document being edited. */
function renderFields(tree: Tree, set: (patch: Partial<Editing>) => void) {
  const ed = tree.editing!;
  const u = tree.i18n.t.uploader;
  return html`<div class="field">
      <label for="edit-title">${u.title}</label>
      <input
        id="edit-title"
        class="input"
        part="input"
        required
        maxlength="200"
        .value=${ed.title}
        @input=${(e: Event) => set({ title: (e.target as HTMLInputElement).value })}
      />
    </div>
    <div class="field">
      <label for="edit-type">${u.documentType}</label>
      <select
        id="edit-type"
        class="input"
        part="input"
        @change=${(e: Event) => set({ typeId: (e.target as HTMLSelectElement).value })}
      >
        ${typeOptions(tree.types, ed.typeId)}
      </select>
    </div>
    <share-picker
      existing
      exportparts=${PICKER_PARTS}
      .client=${tree.api}
      scope="${ed.doc.scope.kind}:${ed.doc.scope.id}"
      locale=${tree.i18n.locale}
      .value=${ed.shares}
      @change=${(e: Event) => set({ shares: (e.target as HTMLElement & { value: ShareTarget[] }).value })}
    ></share-picker>`;
}

/** Save, who downloaded, delete, close. */
function renderActions(tree: Tree) {
  const ed = tree.editing!;
  const t = tree.i18n.t.tree;
  const downloads = ed.downloads;
  return html`<div class="bar">
    <button
      type="submit"
      class="btn primary"
      part="button button--primary"
      aria-disabled=${ed.busy ? 'true' : 'false'}
    >
      ${t.save}
    </button>
    <button
      type="button"
      class="btn"
      part="button"
      aria-expanded=${downloads ? 'true' : 'false'}
      aria-controls=${downloads ? 'downloads' : nothing}
      @click=${() => void showDownloads(tree)}
    >
      ${t.whoDownloaded}
    </button>
    <button
      type="button"
      class="btn danger"
      part="button button--danger"
      @click=${() => void removeDocument(tree)}
    >
      ${t.remove}
    </button>
    <button type="button" class="btn" part="button" @click=${() => closeEditor(tree)}>${t.close}</button>
  </div>`;
}

/** Who downloaded the document, right after the buttons. */
function renderDownloads(tree: Tree, downloads: string[]) {
  const t = tree.i18n.t.tree;
  return html`<div id="downloads">
    ${
      downloads.length
        ? html`<ul class="downloads">
            ${downloads.map((d) => html`<li>${d}</li>`)}
          </ul>`
        : html`<p class="muted">${t.noDownloads}</p>`
    }
  </div>`;
}

/** The question before the document is deleted. */
function renderConfirmRemove(tree: Tree, set: (patch: Partial<Editing>) => void) {
  const ed = tree.editing!;
  const t = tree.i18n.t.tree;
  return html`<div class="confirm" part="confirm" role="alert">
    <p>${t.confirmRemove(ed.doc.title)}</p>
    <button
      type="button"
      class="btn danger"
      part="button button--danger"
      @click=${() => void removeDocument(tree)}
    >
      ${t.confirm}
    </button>
    <button type="button" class="btn" part="button" @click=${() => set({ confirming: false })}>
      ${tree.i18n.t.common.cancel}
    </button>
  </div>`;
}
