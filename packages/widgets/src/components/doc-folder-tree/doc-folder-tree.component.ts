import { html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Document, DocumentType, ShareTarget } from '@docportal/core-sdk';
import { rowHeight, scrollToRow, visibleRange } from '../../controllers/virtual-window.js';
import { DocDocumentActivateEvent, DocDocumentChangeEvent, DocDownloadEvent, DocFolderSelectEvent, DocTypesChangeEvent } from '../../events/tree-events.js';
import '../share-picker/share-picker.define.js';
import { ConnectedElement } from '../../internal/connected-element.js';
import { heading } from '../../internal/heading.js';
import { typeOptions } from '../../internal/type-options.js';
import { file as fileIcon } from '../../internal/icons.js';
import { PICKER_PARTS } from '../../internal/parts.js';
import { errorNotice } from '../../internal/error-notice.js';
import { base } from '../../styles/tokens.js';
import { moveTarget, siblings } from './doc-folder-tree.moves.js';
import { buildRows, rowKey, type Folder, type Row } from './doc-folder-tree.rows.js';
import { styles } from './doc-folder-tree.styles.js';

/** What a tree keeps in its provider's cache, so that a tree shown again starts where it was. */
interface Kept {
  client: unknown;
  types: DocumentType[];
  folders: Map<string, Folder>;
  expanded: Set<string>;
}

const PAGE = 200; // the API's largest page

/**
 * The folders (document types) with their documents. `browse`: what a tenant or owner may see,
 * with counts; empty folders are hidden; activating a document downloads it. `manage`: every
 * document of the scope with its download count; activating one opens it to edit title, type
 * and recipients, see who downloaded it, or delete it. `admin`: the folders alone, to create,
 * rename, delete, reorder and move (Alt+arrows, or drag onto a row's edge or middle).
 *
 * A WAI-ARIA tree with roving focus, arrows, Home/End, type-ahead and `*`. Rows are windowed (the
 * page holds only those in view) and a folder's documents load 200 at a time, the next page when
 * its end scrolls into view; inside a `<doc-provider>` a tree shown again starts from what was
 * loaded.
 *
 * @tagname doc-folder-tree
 * @summary Folders and documents, for tenants, owners and managers.
 * @event doc-folder-select - `{ documentType }` a folder was selected.
 * @event doc-document-activate - `{ document }` a document was activated.
 * @event doc-download - `{ document }` a document was downloaded (browse).
 * @event doc-document-change - `{ document, deleted }` a document was changed or deleted (manage).
 * @event doc-types-change - the folders were changed (admin).
 * @csspart base - The scrolling box.
 * @csspart tree - The tree.
 * @csspart row - A row; `row--type`, `row--document`, `row--selected` tell which.
 * @csspart editor - The editor of a document (manage); also `details`.
 * @csspart admin - The folder tools (admin).
 * @csspart admin-form - The name form of a new or renamed folder.
 * @csspart confirm - The question before a folder is deleted.
 * @csspart input - A field of the editor or the folder form.
 * @csspart error - A refusal or error message: the shared error notice (also `notice`), with its `retry` button.
 * @csspart notice - The same notices (the part every element's error notice has).
 * @csspart button - Every button (`button--primary`, `button--danger` too).
 * @csspart picker__base - The parts of the share picker in the editor, prefixed `picker__` (`picker__input`, …).
 * @cssproperty [--doc-tree-height=24rem] - Height of the scrolling box.
 * @cssproperty [--doc-tree-indent=1.25rem] - Indent per level.
 */
export class DocFolderTree extends ConnectedElement {
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    selected: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number, reflect: true },
    types: { state: true },
    expanded: { state: true },
    folders: { state: true },
    active: { state: true },
    top: { state: true },
    loaded: { state: true },
    error: { state: true },
    said: { state: true },
    folderForm: { state: true },
    confirmingFolder: { state: true },
    refusal: { state: true },
    dropAt: { state: true },
    editing: { state: true },
  };

  /** `browse` (tenant/owner portal), `manage` (manager) or `admin` (edit the folders). */
  mode: 'browse' | 'manage' | 'admin' = 'browse';
  /** The selected folder's id. */
  selected?: string;
  /** Level of the editor's heading (the document's title), to fit the page's outline. @default 2 */
  headingLevel = 2;

  private types: DocumentType[] = [];
  private expanded = new Set<string>();
  private folders = new Map<string, Folder>();
  private active = 0;
  private top = 0;
  private loaded = false;
  private error?: unknown;
  private said = '';
  /** The document open for editing (manage), with the edits so far. */
  /** Admin: the folder form (new or rename) and the last refusal. */
  private folderForm?: { id?: string; parentId: string | null; name: string };
  private refusal?: unknown;
  /** Admin: the folder whose deletion waits for a yes. */
  private confirmingFolder?: string;
  /** Admin, while dragging a folder: the row under the pointer and where the folder would go. */
  private dropAt?: { id: string; where: 'before' | 'after' | 'into' };
  private editing?: { doc: Document; title: string; typeId: string; shares: ShareTarget[]; confirming: boolean; busy: boolean; error?: unknown; downloads?: string[] };

  private get scroller(): HTMLElement | null {
    return this.$('.scroller');
  }

  /**
   * A row's height in CSS px, read from a rendered row: rows are 2.5rem, so they follow the root
   * font size (a portal's 62.5 %, a reader's 24 px). 40 until a row is there to measure.
   */
  private rowPx = 40;
  private measure(): number {
    return (this.rowPx = rowHeight(this.$('.row'), this.rowPx));
  }

  private loadedFor = '';
  private memo?: { types: DocumentType[]; expanded: Set<string>; folders: Map<string, Folder>; mode: string; rows: Row[] };
  /** The rows rendered last. */
  private window = { start: 0, end: 0 };
  /** The rows of the last render, the focused row's key, and whether a row had focus before this update. */
  private shownRows?: Row[];
  private activeKey?: string;
  private rowHadFocus = false;
  /** Where to scroll after this update, to keep the focused row in its place. */
  private pendingScroll?: number;
  private typeahead = '';
  private typeaheadTimer?: ReturnType<typeof setTimeout>;
  private readonly refresh = () => {
    this.bus.cache.delete(this.loadedFor);
    this.loadedFor = '';
    this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.bus.addEventListener('documents-changed', this.refresh);
    this.bus.addEventListener('types-changed', this.refresh);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.bus.removeEventListener('documents-changed', this.refresh);
    this.bus.removeEventListener('types-changed', this.refresh);
  }

  /** Another user, or a retry after a refusal: start again from nothing. */
  protected override resetSession(): void {
    this.types = [];
    this.folders = new Map();
    this.expanded = new Set();
    this.loaded = false;
    this.loadedFor = '';
    this.error = this.refusal = this.editing = undefined;
    this.said = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const scope = this.scopeValue;
    const key = this.api && scope ? `tree:${scope.kind}:${scope.id}:${this.mode}` : '';
    if (changed.has('mode')) this.folders = new Map();
    if (key && key !== this.loadedFor) {
      this.loadedFor = key;
      const kept = this.bus.cache.get(key) as Kept | undefined;
      if (kept && kept.client === this.identity) {
        // Shown again in the same provider: start from what was loaded, then check the counts.
        ({ types: this.types, folders: this.folders, expanded: this.expanded } = kept);
        this.loaded = true;
        void this.load(true);
      } else void this.load();
    }
    // Rows came or went (a page loaded, a folder opened): the focused row keeps focus and, if it
    // was in view, its place on screen.
    const rows = this.rows;
    if (rows !== this.shownRows) {
      this.shownRows = rows;
      const i = this.activeKey ? rows.findIndex((r) => rowKey(r) === this.activeKey) : -1;
      const viewport = this.scroller?.clientHeight ?? 0;
      if (i >= 0 && i !== this.active) {
        const row = this.rowPx;
        const inView = this.active * row >= this.top && this.active * row < this.top + viewport;
        if (inView) this.pendingScroll = this.top = Math.max(0, this.top + (i - this.active) * row);
        this.active = i;
      }
    }
    this.rowHadFocus = this.shadowRoot?.activeElement?.getAttribute('role') === 'treeitem';
  }

  protected override updated(): void {
    // The text size changed (or this is the first render with rows): the window follows.
    const before = this.rowPx;
    if (this.measure() !== before) this.requestUpdate();
    if (this.pendingScroll !== undefined && this.scroller) this.scroller.scrollTop = this.pendingScroll;
    this.pendingScroll = undefined;
    // The focused row went away (its folder closed, a "more" row became documents): the row now
    // in its place takes focus, so that it is never lost to the page.
    if (this.rowHadFocus && !this.shadowRoot?.activeElement) this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.active}"]`)?.focus({ preventScroll: true });
    // Keep what is loaded for the next tree of this provider and scope.
    if (this.loaded && this.loadedFor) this.bus.cache.set(this.loadedFor, { client: this.identity, types: this.types, folders: this.folders, expanded: this.expanded } satisfies Kept);
    // A "more" row in view loads the next page (infinite scroll); Enter or a click does too.
    const rows = this.rows;
    for (let i = this.window.start; i < this.window.end; i++) {
      const row = rows[i];
      const f = row?.kind === 'more' && this.folders.get(row.parent);
      if (f && !f.loading && !f.failed) void this.loadFolder(row.parent, f.next ?? undefined);
    }
  }

  /**
   * Loads the folders. Open folders are reloaded, as an upload may have added to them; with
   * `onlyChanged`, only those whose count differs from what is shown.
   */
  private async load(onlyChanged = false): Promise<void> {
    const api = this.api;
    const scope = this.scopeValue;
    if (!api || !scope) return;
    try {
      const before = new Map(this.types.map((t) => [t.id, t.documentCount]));
      this.types = await api.documentTypes.list({ scope });
      this.error = undefined;
      // Open folders with documents load (again); closed ones forget theirs until opened.
      const stale = this.types.filter((t) => this.folders.has(t.id) && (!onlyChanged || before.get(t.id) !== t.documentCount || !this.expanded.has(t.id)));
      if (stale.length) {
        const folders = new Map(this.folders);
        for (const t of stale) folders.delete(t.id);
        this.folders = folders;
      }
      for (const t of this.types) if (this.expanded.has(t.id) && t.documentCount > 0 && !this.folders.has(t.id)) void this.loadFolder(t.id);
    } catch (e) {
      this.error = e;
      this.said = this.i18n.error(e);
    }
    this.loaded = true;
  }

  private async loadFolder(typeId: string, cursor?: string): Promise<void> {
    const api = this.api;
    const scope = this.scopeValue;
    if (!api || !scope || this.mode === 'admin') return;
    const prior = this.folders.get(typeId);
    // While the next page comes, its row stays and says so.
    this.folders = new Map(this.folders).set(typeId, { items: prior && cursor ? prior.items : [], next: cursor ?? null, loading: true });
    try {
      const page = await api.documents.list({ scope, documentTypeId: typeId, sort: 'title:asc', limit: PAGE, cursor });
      const items = [...(cursor ? prior?.items ?? [] : []), ...page.items];
      this.folders = new Map(this.folders).set(typeId, { items, next: page.nextCursor, loading: false });
    } catch (e) {
      this.folders = new Map(this.folders).set(typeId, { items: prior?.items ?? [], next: cursor ?? null, loading: false, failed: true });
      this.error = e;
      // The rows are shown, so the error has no place of its own: it is said.
      this.said = this.i18n.error(e);
    }
  }

  /** The rows in view order, built once per change of the data, never per render or key press. */
  private get rows(): Row[] {
    const m = this.memo;
    if (m && m.types === this.types && m.expanded === this.expanded && m.folders === this.folders && m.mode === this.mode) return m.rows;
    const { types, expanded, folders, mode } = this;
    const rows = buildRows(types, expanded, folders, mode);
    this.memo = { types, expanded, folders, mode, rows };
    return rows;
  }

  private toggle(t: DocumentType, open = !this.expanded.has(t.id)): void {
    const next = new Set(this.expanded);
    if (open) {
      next.add(t.id);
      if (!this.folders.has(t.id) && t.documentCount > 0) void this.loadFolder(t.id);
    } else next.delete(t.id);
    this.expanded = next;
  }

  private async activate(row: Row): Promise<void> {
    if (row.kind === 'type') {
      this.selected = row.type.id;
      this.emit(new DocFolderSelectEvent({ documentType: row.type }));
      if (!row.leaf) this.toggle(row.type);
      return;
    }
    if (row.kind === 'more') {
      void this.loadFolder(row.parent, this.folders.get(row.parent)?.next ?? undefined);
      return;
    }
    this.emit(new DocDocumentActivateEvent({ document: row.doc }));
    if (this.mode === 'browse') await this.download(row.doc);
    else if (this.mode === 'manage') await this.edit(row.doc);
  }

  /** Opens a document for editing (manage): title, type and sharing, downloads, delete. */
  private async edit(doc: Document): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      const fresh = await api.documents.get(doc.id);
      this.editing = { doc: fresh, title: fresh.title, typeId: fresh.documentTypeId, shares: fresh.shares ?? [], confirming: false, busy: false };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.details .heading')?.focus();
    } catch (e) {
      this.said = this.i18n.error(e);
    }
  }

  private closeEditor(): void {
    this.editing = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.active}"]`)?.focus());
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const api = this.api;
    const ed = this.editing;
    if (!api || !ed || ed.busy) return;
    this.editing = { ...ed, busy: true, error: undefined };
    try {
      const doc = await api.documents.update(ed.doc.id, { title: ed.title, documentTypeId: ed.typeId, shares: ed.shares }, { ifMatch: ed.doc.version });
      this.editing = { ...ed, doc, busy: false };
      this.emit(new DocDocumentChangeEvent({ document: doc, deleted: false }));
      this.said = this.i18n.t.tree.saved;
      this.bus.publish('documents-changed');
    } catch (error) {
      this.editing = { ...ed, busy: false, error };
    }
  }

  private async removeDocument(): Promise<void> {
    const api = this.api;
    const ed = this.editing;
    if (!api || !ed) return;
    if (!ed.confirming) {
      this.editing = { ...ed, confirming: true };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.confirm .btn')?.focus();
      return;
    }
    try {
      await api.documents.remove(ed.doc.id);
      this.emit(new DocDocumentChangeEvent({ document: ed.doc, deleted: true }));
      this.said = this.i18n.t.tree.removed(ed.doc.title);
      this.bus.publish('documents-changed');
      // Its row goes away: focus returns to the folder that held it.
      const folder = this.rows.findIndex((r) => r.kind === 'type' && r.type.id === ed.doc.documentTypeId);
      if (folder >= 0) this.setActive(folder);
      this.closeEditor();
    } catch (error) {
      this.editing = { ...ed, confirming: false, error };
    }
  }

  private date(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale, { dateStyle: 'medium' }).format(new Date(iso));
  }

  private async showDownloads(): Promise<void> {
    const api = this.api;
    const ed = this.editing;
    if (!api || !ed) return;
    try {
      const t = this.i18n.t.tree;
      const downloads = (await api.documents.downloads(ed.doc.id)).byContact.map((c) => t.downloadedBy(c.name, this.i18n.number(c.count), this.date(c.lastAt)));
      this.editing = { ...ed, downloads };
      // Shown next to the button and said once.
      this.said = downloads.join('. ') || t.noDownloads;
    } catch (error) {
      this.editing = { ...ed, error };
    }
  }

  private renderEditor() {
    const ed = this.editing!;
    const t = this.i18n.t.tree;
    const u = this.i18n.t.uploader;
    const set = (patch: Partial<NonNullable<typeof this.editing>>) => (this.editing = { ...this.editing!, ...patch });
    const downloads = ed.downloads;
    return html`<form class="details" part="details editor" aria-label=${t.details} @submit=${this.save} @keydown=${(e: KeyboardEvent) => {
      // Escape closes the editor (a nested list that is open takes it first and stops it).
      if (e.key === 'Escape' && !e.defaultPrevented) this.closeEditor();
    }}>
      ${heading(this.headingLevel, ed.doc.title)}
      <p class="muted">${ed.doc.fileName} · ${t.uploadedOn(this.date(ed.doc.createdAt), this.i18n.size(ed.doc.size))} · ${t.downloads(this.i18n.number(ed.doc.downloadCount ?? 0), ed.doc.downloadCount ?? 0)}</p>
      <div class="field">
        <label for="edit-title">${u.title}</label>
        <input id="edit-title" class="input" part="input" required maxlength="200" .value=${ed.title} @input=${(e: Event) => set({ title: (e.target as HTMLInputElement).value })} />
      </div>
      <div class="field">
        <label for="edit-type">${u.documentType}</label>
        <select id="edit-type" class="input" part="input" @change=${(e: Event) => set({ typeId: (e.target as HTMLSelectElement).value })}>
          ${typeOptions(this.types, ed.typeId)}
        </select>
      </div>
      <share-picker existing exportparts=${PICKER_PARTS} .client=${this.api} scope="${ed.doc.scope.kind}:${ed.doc.scope.id}" locale=${this.i18n.locale} .value=${ed.shares} @change=${(e: Event) => set({ shares: (e.target as HTMLElement & { value: ShareTarget[] }).value })}></share-picker>
      ${ed.error ? errorNotice(this.i18n, ed.error, { alert: true }) : nothing}
      <div class="bar">
        <button type="submit" class="btn primary" part="button button--primary" aria-disabled=${ed.busy ? 'true' : 'false'}>${t.save}</button>
        <button type="button" class="btn" part="button" aria-expanded=${downloads ? 'true' : 'false'} aria-controls=${downloads ? 'downloads' : nothing} @click=${() => void this.showDownloads()}>${t.whoDownloaded}</button>
        <button type="button" class="btn danger" part="button button--danger" @click=${() => void this.removeDocument()}>${t.remove}</button>
        <button type="button" class="btn" part="button" @click=${this.closeEditor}>${t.close}</button>
      </div>
      ${downloads
        ? html`<div id="downloads">${downloads.length ? html`<ul class="downloads">${downloads.map((d) => html`<li>${d}</li>`)}</ul>` : html`<p class="muted">${t.noDownloads}</p>`}</div>`
        : nothing}
      ${ed.confirming
        ? html`<div class="confirm" part="confirm" role="alert"><p>${t.confirmRemove(ed.doc.title)}</p>
            <button type="button" class="btn danger" part="button button--danger" @click=${() => void this.removeDocument()}>${t.confirm}</button>
            <button type="button" class="btn" part="button" @click=${() => set({ confirming: false })}>${this.i18n.t.common.cancel}</button></div>`
        : nothing}
    </form>`;
  }

  /** Downloads a document and saves it under the server's file name. */
  async download(doc: Document): Promise<void> {
    const api = this.api;
    if (!api) return;
    const t = this.i18n.t.tree;
    this.said = t.downloading(doc.title);
    try {
      const file = await api.documents.download(doc.id);
      const url = URL.createObjectURL(file);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.emit(new DocDownloadEvent({ document: doc }));
      this.said = t.downloaded(doc.title);
    } catch (e) {
      this.said = this.i18n.error(e);
    }
  }

  private focusRow(index: number): void {
    const rows = this.rows;
    if (!rows.length) return;
    // When the rows on screen are current and the row is among them (the window holds a few
    // rows beyond the view), focus moves at once; the render that follows only moves the tab stop.
    const current = !this.isUpdatePending;
    this.setActive(Math.max(0, Math.min(rows.length - 1, index)));
    const s = this.scroller;
    if (s) {
      const top = scrollToRow(this.active, this.measure(), s.scrollTop, s.clientHeight);
      if (top !== undefined) s.scrollTop = this.top = top;
    }
    const row = () => this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.active}"]`);
    if (current && row()) row()!.focus({ preventScroll: true });
    else void this.updateComplete.then(() => row()?.focus({ preventScroll: true }));
  }

  /** Makes row `index` of the current rows the tab stop, remembered by its key across changes. */
  private setActive(index: number): void {
    this.active = index;
    const row = this.rows[index];
    this.activeKey = row && rowKey(row);
  }

  /** Whatever row gets focus (click, script) becomes the roving tab stop. */
  private onFocusIn(e: FocusEvent): void {
    const i = Number((e.target as HTMLElement).dataset?.index);
    if (Number.isInteger(i) && !this.isUpdatePending) this.setActive(i);
  }

  private onKeyDown(e: KeyboardEvent): void {
    const rows = this.rows;
    const row = rows[this.active];
    if (!row) return;
    if (this.mode === 'admin' && e.altKey && row.kind === 'type' && e.key.startsWith('Arrow')) {
      e.preventDefault();
      void this.moveByKey(row.type, e.key);
      return;
    }
    const parentIndex = () => {
      for (let i = this.active - 1; i >= 0; i--) if (rows[i]!.depth < row.depth) return i;
      return this.active;
    };
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        this.focusRow(this.active + 1);
        break;
      case 'ArrowUp':
        this.focusRow(this.active - 1);
        break;
      case 'Home':
        this.focusRow(0);
        break;
      case 'End':
        this.focusRow(rows.length - 1);
        break;
      case 'ArrowRight':
        if (row.kind === 'type' && !row.leaf) {
          if (!row.open) this.toggle(row.type, true);
          else this.focusRow(this.active + 1);
        }
        break;
      case 'ArrowLeft':
        if (row.kind === 'type' && row.open) this.toggle(row.type, false);
        else this.focusRow(parentIndex());
        break;
      case 'Enter':
      case ' ':
        void this.activate(row);
        break;
      case '*': {
        // Opens every folder on the level of the focused one.
        const siblings = rows.filter((r): r is Extract<Row, { kind: 'type' }> => r.kind === 'type' && r.depth === row.depth && r.type.parentId === (row.kind === 'type' ? row.type.parentId : undefined));
        for (const r of siblings) if (!r.leaf) this.toggle(r.type, true);
        break;
      }
      default:
        handled = e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && this.typeAhead(e.key);
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  /** Moves a folder; by key, focus follows its row; by button, it stays on the button while that can move it further. */
  private async moveByKey(t: DocumentType, key: string, button?: HTMLButtonElement): Promise<void> {
    const to = moveTarget(this.types, t, key);
    if (!to) return;
    if (key === 'ArrowRight') this.expanded = new Set(this.expanded).add(to.parentId!);
    await this.changeTypes(() => this.api!.documentTypes.move(t.id, to), this.i18n.t.tree.folderMoved(t.name), button ? undefined : t.id);
    await this.updateComplete;
    if (button?.disabled) this.focusRow(this.rows.findIndex((r) => r.kind === 'type' && r.type.id === t.id));
  }

  /** Runs one change of the folders; a refusal is shown in words and the tree stays as it was. */
  private async changeTypes(run: () => Promise<unknown>, done: string, focusId?: string): Promise<boolean> {
    if (!this.api) return false;
    try {
      await run();
      this.refusal = undefined;
      this.said = done;
      this.types = await this.api.documentTypes.list({ scope: this.scopeValue });
      this.emit(new DocTypesChangeEvent());
      this.bus.publish('types-changed');
      if (focusId) {
        const index = this.rows.findIndex((r) => r.kind === 'type' && r.type.id === focusId);
        if (index >= 0) this.focusRow(index);
      }
      return true;
    } catch (e) {
      // Said by the refusal's alert, once.
      this.refusal = e;
      return false;
    }
  }

  private async saveFolder(e: Event): Promise<void> {
    e.preventDefault();
    const f = this.folderForm;
    const api = this.api;
    if (!f || !api || !f.name.trim()) return;
    const name = f.name.trim();
    let id = f.id;
    const ok = await this.changeTypes(
      async () => (id = f.id ? (await api.documentTypes.update(f.id, { name })).id : (await api.documentTypes.create({ name, parentId: f.parentId })).id),
      this.i18n.t.tree.folderSaved(name),
    );
    if (!ok) return;
    this.folderForm = undefined;
    if (f.parentId) this.expanded = new Set(this.expanded).add(f.parentId);
    const index = this.rows.findIndex((r) => r.kind === 'type' && r.type.id === id);
    if (index >= 0) this.focusRow(index);
  }

  private async removeFolder(t: DocumentType): Promise<void> {
    const index = this.rows.findIndex((r) => r.kind === 'type' && r.type.id === t.id);
    const ok = await this.changeTypes(() => this.api!.documentTypes.remove(t.id), this.i18n.t.tree.folderRemoved(t.name));
    if (ok && this.selected === t.id) this.selected = undefined;
    // The pressed button is disabled now (nothing selected): focus goes to the row that took the folder's place.
    if (ok && index >= 0) this.focusRow(index);
  }

  /** Where a dragged folder would land on a row: its upper quarter before it, its lower after it, else into it. */
  private onDragOver(e: DragEvent, target: DocumentType): void {
    if (this.mode !== 'admin') return;
    e.preventDefault();
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const y = (e.clientY - box.top) / box.height;
    const where = y < 0.25 ? 'before' : y > 0.75 ? 'after' : 'into';
    if (this.dropAt?.id !== target.id || this.dropAt.where !== where) this.dropAt = { id: target.id, where };
  }

  private onDrop(e: DragEvent, target: DocumentType): void {
    const id = e.dataTransfer?.getData('application/x-docportal-type');
    const where = this.dropAt?.id === target.id ? this.dropAt.where : 'into';
    e.preventDefault();
    this.dropAt = undefined;
    const moving = this.types.find((t) => t.id === id);
    if (!moving || moving.id === target.id) return;
    let to: { parentId: string | null; position?: number };
    if (where === 'into') {
      to = { parentId: target.id };
      this.expanded = new Set(this.expanded).add(target.id);
    } else {
      const sibs = siblings(this.types, target.parentId).filter((t) => t.id !== moving.id);
      to = { parentId: target.parentId, position: sibs.findIndex((t) => t.id === target.id) + (where === 'after' ? 1 : 0) };
    }
    void this.changeTypes(() => this.api!.documentTypes.move(moving.id, to), this.i18n.t.tree.folderMoved(moving.name), moving.id);
  }

  /** Opens the name form (new or rename) with focus in its field. */
  private async openFolderForm(form: { id?: string; parentId: string | null; name: string }): Promise<void> {
    this.folderForm = form;
    this.confirmingFolder = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#folder-name')?.focus();
  }

  /** Asks before a folder is deleted; focus goes to the answer. */
  private async askRemoveFolder(t: DocumentType): Promise<void> {
    this.confirmingFolder = t.id;
    this.folderForm = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="confirm"] button')?.focus();
  }

  private renderAdminTools() {
    const t = this.i18n.t.tree;
    // Read at click time, not at render time: a click may come before the next render.
    const sel = () => this.types.find((x) => x.id === this.selected);
    const s = sel();
    const f = this.folderForm;
    const doomed = this.types.find((x) => x.id === this.confirmingFolder);
    const move = (key: string, text: string) =>
      html`<button type="button" class="btn" part="button" ?disabled=${!s || !moveTarget(this.types, s, key)} @click=${(e: Event) => {
        const now = sel();
        if (now) void this.moveByKey(now, key, e.currentTarget as HTMLButtonElement);
      }}>${text}</button>`;
    const focusTools = () => void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.admin button')?.focus());
    return html`<div class="admin" part="admin" role="group" aria-label=${t.folderTools}>
      <div class="bar">
        <button type="button" class="btn" part="button" @click=${() => void this.openFolderForm({ parentId: sel()?.id ?? null, name: '' })}>${t.newFolder}</button>
        <button type="button" class="btn" part="button" ?disabled=${!s} @click=${() => {
          const now = sel();
          if (now) void this.openFolderForm({ id: now.id, parentId: now.parentId, name: now.name });
        }}>${t.renameFolder}</button>
        <button type="button" class="btn danger" part="button button--danger" ?disabled=${!s} @click=${() => {
          const now = sel();
          if (now) void this.askRemoveFolder(now);
        }}>${t.removeFolder}</button>
      </div>
      <div class="bar">${move('ArrowUp', t.moveUp)} ${move('ArrowDown', t.moveDown)} ${move('ArrowRight', t.moveIn)} ${move('ArrowLeft', t.moveOut)}</div>
      <p class="muted hint">${t.adminHint}</p>
      ${doomed
        ? html`<div class="confirm" part="confirm" role="alert"><p>${t.confirmRemoveFolder(doomed.name)}</p>
            <button type="button" class="btn danger" part="button button--danger" @click=${() => {
              this.confirmingFolder = undefined;
              void this.removeFolder(doomed);
            }}>${t.confirm}</button>
            <button type="button" class="btn" part="button" @click=${() => {
              this.confirmingFolder = undefined;
              focusTools();
            }}>${this.i18n.t.common.cancel}</button></div>`
        : nothing}
      ${f
        ? html`<form class="bar name-form" part="admin-form" @submit=${this.saveFolder} @keydown=${(e: KeyboardEvent) => {
            if (e.key !== 'Escape') return;
            this.folderForm = undefined;
            focusTools();
          }}>
            <label for="folder-name">${t.folderName}</label>
            <input id="folder-name" class="input grow" part="input" maxlength="100" required .value=${f.name} @input=${(e: Event) => (this.folderForm = { ...f, name: (e.target as HTMLInputElement).value })} />
            <button type="submit" class="btn primary" part="button button--primary">${f.id ? t.save : t.create}</button>
            <button type="button" class="btn" part="button" @click=${() => (this.folderForm = undefined)}>${this.i18n.t.common.cancel}</button>
          </form>`
        : nothing}
      ${this.refusal ? errorNotice(this.i18n, this.refusal, { alert: true }) : nothing}
    </div>`;
  }

  /** Moves to the next row whose name starts with what was typed in the last half second. */
  private typeAhead(ch: string): boolean {
    clearTimeout(this.typeaheadTimer);
    this.typeahead += ch.toLowerCase();
    this.typeaheadTimer = setTimeout(() => (this.typeahead = ''), 500);
    const rows = this.rows;
    const name = (r: Row) => (r.kind === 'type' ? r.type.name : r.kind === 'doc' ? r.doc.title : '').toLowerCase();
    const start = this.typeahead.length === 1 ? this.active + 1 : this.active;
    for (let k = 0; k < rows.length; k++) {
      const i = (start + k) % rows.length;
      if (name(rows[i]!).startsWith(this.typeahead)) {
        this.focusRow(i);
        return true;
      }
    }
    return false;
  }

  private renderRow(row: Row, index: number) {
    const t = this.i18n.t.tree;
    const n = (x: number) => this.i18n.number(x);
    const click = () => {
      this.setActive(index);
      void this.activate(row);
    };
    // Folders: selectable, expandable, draggable in admin. Documents: selectable. "More": neither.
    const type = row.kind === 'type' ? row.type : undefined;
    const selected = !!type && this.selected === type.id;
    const editing = row.kind === 'doc' && this.editing?.doc.id === row.doc.id;
    const part = type ? `row row--type${selected ? ' row--selected' : ''}` : row.kind === 'doc' ? `row row--document${editing ? ' row--editing' : ''}` : 'row';
    let content;
    if (row.kind === 'type') {
      const count = this.mode === 'browse' || this.mode === 'manage' ? row.type.subtreeCount : undefined;
      content = html`<span class="twisty" aria-hidden="true">${row.leaf ? '' : '›'}</span>
        <span class="name" title=${row.type.name}>${row.type.name}</span>
        ${count !== undefined ? html`<span class="meta">${t.documents(n(count), count)}</span>` : nothing}`;
    } else if (row.kind === 'doc') {
      const d = row.doc;
      content = html`<span class="twisty">${fileIcon}</span>
        <span class="name" title=${d.title}>${d.title}</span>
        ${this.mode === 'manage' && d.downloadCount !== undefined ? html`<span class="meta">${t.downloads(n(d.downloadCount), d.downloadCount)}</span>` : nothing}`;
    } else content = html`<span class="twisty"></span><span class="name">${this.folders.get(row.parent)?.loading ? this.i18n.t.common.loading : t.loadMore}</span>`;
    return html`<li
      class="row ${row.kind}${editing ? ' editing' : ''}"
      part=${part}
      aria-current=${editing ? 'true' : nothing}
      role="treeitem"
      data-index=${index}
      style="--_i:${index};--_depth:${row.depth}"
      tabindex=${index === this.active ? '0' : '-1'}
      aria-level=${row.depth + 1}
      aria-setsize=${row.size}
      aria-posinset=${row.pos}
      aria-expanded=${row.kind === 'type' && !row.leaf ? (row.open ? 'true' : 'false') : nothing}
      aria-selected=${row.kind === 'more' ? nothing : selected ? 'true' : 'false'}
      draggable=${type ? (this.mode === 'admin' ? 'true' : 'false') : nothing}
      data-drop=${type && this.dropAt?.id === type.id ? this.dropAt.where : nothing}
      @dragstart=${(e: DragEvent) => type && e.dataTransfer?.setData('application/x-docportal-type', type.id)}
      @dragover=${(e: DragEvent) => type && this.onDragOver(e, type)}
      @dragend=${() => (this.dropAt = undefined)}
      @drop=${(e: DragEvent) => type && this.mode === 'admin' && this.onDrop(e, type)}
      @click=${click}
    >
      ${content}
    </li>`;
  }

  protected override render(): TemplateResult {
    const t = this.i18n.t.tree;
    if (!this.api) return this.renderSignedOut();
    if (!this.scopeValue) return html`<p class="error" part="base">${this.i18n.t.common.noScope}</p>`;
    const rows = this.rows;
    if (this.active >= rows.length) this.active = Math.max(0, rows.length - 1);
    const viewport = this.scroller?.clientHeight || 384;
    const r = (this.window = visibleRange(rows.length, this.rowPx, this.top, viewport));
    const editor = this.editing && this.mode === 'manage';
    return html`<div class="frame"><div class="layout ${editor ? 'with-editor' : ''}">${this.mode === 'admin' ? this.renderAdminTools() : nothing}<div class="scroller" part="base" @scroll=${(e: Event) => (this.top = (e.target as HTMLElement).scrollTop)}>
        ${!this.loaded
          ? html`<p class="status loading">${this.i18n.t.common.loading}</p>`
          : !rows.length
          ? this.error
            ? errorNotice(this.i18n, this.error, { retry: () => void this.load() })
            : html`<p class="status">${t.empty}</p>`
          : html`<ul role="tree" part="tree" aria-label=${t.label} style="--_n:${rows.length}" @keydown=${this.onKeyDown} @focusin=${this.onFocusIn}>
              ${repeat(rows.slice(r.start, r.end), rowKey, (row, i) => this.renderRow(row, r.start + i))}
            </ul>`}
      </div>
      ${editor ? this.renderEditor() : nothing}</div></div>
      <div class="sr-only" role="status" aria-live="polite">${this.said}</div>`;
  }
}
