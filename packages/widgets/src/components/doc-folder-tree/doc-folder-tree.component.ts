import { html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Document, DocumentType, DownloadStats, ShareTarget } from '@docportal/core-sdk';
import { scrollToRow, visibleRange } from '../../controllers/virtual-window.js';
import { DocDocumentActivateEvent, DocDocumentChangeEvent, DocDownloadEvent, DocFolderSelectEvent, DocTypesChangeEvent } from '../../events/tree-events.js';
import '../share-picker/share-picker.define.js';
import { ConnectedElement } from '../../internal/connected-element.js';
import { typeOptions } from '../../internal/type-options.js';
import { file as fileIcon } from '../../internal/icons.js';
import { base } from '../../styles/tokens.js';
import { styles } from './doc-folder-tree.styles.js';

/** One line of the tree; `pos`/`size` are its place among its siblings (aria-posinset/setsize). */
type Row =
  | { kind: 'type'; depth: number; pos: number; size: number; type: DocumentType; open: boolean; leaf: boolean }
  | { kind: 'doc'; depth: number; pos: number; size: number; doc: Document; parent: string }
  | { kind: 'more'; depth: number; pos: number; size: number; parent: string };

/** What a tree keeps in its provider's cache, so that a tree shown again starts where it was. */
interface Kept {
  client: unknown;
  types: DocumentType[];
  folders: Map<string, Folder>;
  expanded: Set<string>;
}

interface Folder {
  items: Document[];
  next: string | null;
  loading: boolean;
  /** The last page failed: its row waits for Enter or a click instead of loading by itself. */
  failed?: boolean;
}

/** Rows are keyed, so that focus moves from node to node as the window scrolls (and is announced). */
const rowKey = (row: Row) => (row.kind === 'type' ? row.type.id : row.kind === 'doc' ? row.doc.id : `more:${row.parent}`);

const ROW = 40; // px; matches --_row (2.5rem at 16px)
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
 * @csspart details - The editor of a document (manage).
 * @csspart admin - The folder tools (admin).
 * @cssproperty [--doc-tree-height=24rem] - Height of the scrolling box.
 * @cssproperty [--doc-tree-indent=1.25rem] - Indent per level.
 */
export class DocFolderTree extends ConnectedElement {
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    selected: { reflect: true },
    types: { state: true },
    expanded: { state: true },
    folders: { state: true },
    active: { state: true },
    top: { state: true },
    loaded: { state: true },
    error: { state: true },
    said: { state: true },
    folderForm: { state: true },
    refusal: { state: true },
    dropAt: { state: true },
    editing: { state: true },
  };

  /** `browse` (tenant/owner portal), `manage` (manager) or `admin` (edit the folders). */
  mode: 'browse' | 'manage' | 'admin' = 'browse';
  /** The selected folder's id. */
  selected?: string;

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
  /** Admin, while dragging a folder: the row under the pointer and where the folder would go. */
  private dropAt?: { id: string; where: 'before' | 'after' | 'into' };
  private editing?: { doc: Document; title: string; typeId: string; shares: ShareTarget[]; confirming: boolean; busy: boolean; error?: unknown; downloads?: DownloadStats };

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    const scope = this.scopeValue;
    const key = this.api && scope ? `tree:${scope.kind}:${scope.id}:${this.mode}` : '';
    if (changed.has('mode')) this.folders = new Map();
    if (key && key !== this.loadedFor) {
      this.loadedFor = key;
      const kept = this.bus.cache.get(key) as Kept | undefined;
      if (kept && kept.client === this.api) {
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
        const inView = this.active * ROW >= this.top && this.active * ROW < this.top + viewport;
        if (inView) this.pendingScroll = this.top = Math.max(0, this.top + (i - this.active) * ROW);
        this.active = i;
      }
    }
    this.rowHadFocus = this.shadowRoot?.activeElement?.getAttribute('role') === 'treeitem';
  }

  protected override updated(): void {
    if (this.pendingScroll !== undefined && this.scroller) this.scroller.scrollTop = this.pendingScroll;
    this.pendingScroll = undefined;
    // The focused row went away (its folder closed, a "more" row became documents): the row now
    // in its place takes focus, so that it is never lost to the page.
    if (this.rowHadFocus && !this.shadowRoot?.activeElement) this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.active}"]`)?.focus({ preventScroll: true });
    // Keep what is loaded for the next tree of this provider and scope.
    if (this.loaded && this.loadedFor) this.bus.cache.set(this.loadedFor, { client: this.api, types: this.types, folders: this.folders, expanded: this.expanded } satisfies Kept);
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

  /**
   * The rows in view order: folders depth-first, each open folder's subfolders, then its
   * documents. Built once per change of the data, never per render or key press.
   */
  private get rows(): Row[] {
    const m = this.memo;
    if (m && m.types === this.types && m.expanded === this.expanded && m.folders === this.folders && m.mode === this.mode) return m.rows;
    const { types, expanded, folders, mode } = this;
    const visible = (t: DocumentType) => mode !== 'browse' || t.subtreeCount > 0;
    const kids = new Map<string | null, DocumentType[]>();
    for (const t of types) if (visible(t)) (kids.get(t.parentId) ?? kids.set(t.parentId, []).get(t.parentId)!).push(t);
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
      f.items.forEach((doc, i) => rows.push({ kind: 'doc', depth, pos: subs.length + i + 1, size, doc, parent: parent.id }));
      if (f.next) rows.push({ kind: 'more', depth, pos: subs.length + f.items.length + 1, size, parent: parent.id });
    };
    walk(null, 0);
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
      this.renderRoot.querySelector<HTMLElement>('.details h3')?.focus();
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

  private async showDownloads(): Promise<void> {
    const api = this.api;
    const ed = this.editing;
    if (!api || !ed) return;
    try {
      this.editing = { ...ed, downloads: await api.documents.downloads(ed.doc.id) };
    } catch (error) {
      this.editing = { ...ed, error };
    }
  }

  private renderEditor() {
    const ed = this.editing!;
    const t = this.i18n.t.tree;
    const u = this.i18n.t.uploader;
    const date = (iso: string) => new Intl.DateTimeFormat(this.i18n.locale, { dateStyle: 'medium' }).format(new Date(iso));
    const set = (patch: Partial<NonNullable<typeof this.editing>>) => (this.editing = { ...this.editing!, ...patch });
    return html`<form class="details" part="details" aria-label=${t.details} @submit=${this.save}>
      <h3 tabindex="-1">${ed.doc.title}</h3>
      <p class="muted">${ed.doc.fileName} · ${t.uploadedOn(date(ed.doc.createdAt), this.i18n.size(ed.doc.size))} · ${t.downloads(this.i18n.number(ed.doc.downloadCount ?? 0), ed.doc.downloadCount ?? 0)}</p>
      <div class="field">
        <label for="edit-title">${u.title}</label>
        <input id="edit-title" class="input" required maxlength="200" .value=${ed.title} @input=${(e: Event) => set({ title: (e.target as HTMLInputElement).value })} />
      </div>
      <div class="field">
        <label for="edit-type">${u.documentType}</label>
        <select id="edit-type" class="input" @change=${(e: Event) => set({ typeId: (e.target as HTMLSelectElement).value })}>
          ${typeOptions(this.types, ed.typeId)}
        </select>
      </div>
      <share-picker existing .client=${this.api} scope="${ed.doc.scope.kind}:${ed.doc.scope.id}" locale=${this.i18n.locale} .value=${ed.shares} @change=${(e: Event) => set({ shares: (e.target as HTMLElement & { value: ShareTarget[] }).value })}></share-picker>
      ${ed.error ? html`<p class="error" role="alert">${this.i18n.error(ed.error)}</p>` : nothing}
      <div class="bar">
        <button type="submit" class="btn primary" aria-disabled=${ed.busy ? 'true' : 'false'}>${t.save}</button>
        <button type="button" class="btn" @click=${() => void this.showDownloads()}>${t.whoDownloaded}</button>
        <button type="button" class="btn danger" @click=${() => void this.removeDocument()}>${t.remove}</button>
        <button type="button" class="btn" @click=${this.closeEditor}>${t.close}</button>
      </div>
      ${ed.confirming
        ? html`<div class="confirm" role="alert"><p>${t.confirmRemove(ed.doc.title)}</p>
            <button type="button" class="btn danger" @click=${() => void this.removeDocument()}>${t.confirm}</button>
            <button type="button" class="btn" @click=${() => set({ confirming: false })}>${this.i18n.t.common.cancel}</button></div>`
        : nothing}
      ${ed.downloads
        ? ed.downloads.byContact.length
          ? html`<ul class="downloads">${ed.downloads.byContact.map((c) => html`<li>${t.downloadedBy(c.name, this.i18n.number(c.count), date(c.lastAt))}</li>`)}</ul>`
          : html`<p class="muted">${t.noDownloads}</p>`
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
      const top = scrollToRow(this.active, ROW, s.scrollTop, s.clientHeight);
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

  /** The siblings of a folder, in order. */
  private siblings(parentId: string | null): DocumentType[] {
    return this.types.filter((t) => t.parentId === parentId).sort((a, b) => a.position - b.position);
  }

  /** Alt+arrows in admin: up/down reorder, right moves into the folder above, left one level out. */
  private async moveByKey(t: DocumentType, key: string): Promise<void> {
    const sibs = this.siblings(t.parentId);
    const i = sibs.findIndex((x) => x.id === t.id);
    const parent = t.parentId ? this.types.find((x) => x.id === t.parentId) : undefined;
    const to =
      key === 'ArrowUp' ? (i > 0 ? { parentId: t.parentId, position: i - 1 } : undefined)
      : key === 'ArrowDown' ? (i < sibs.length - 1 ? { parentId: t.parentId, position: i + 1 } : undefined)
      : key === 'ArrowRight' ? (i > 0 ? { parentId: sibs[i - 1]!.id } : undefined)
      : parent ? { parentId: parent.parentId, position: this.siblings(parent.parentId).findIndex((x) => x.id === parent.id) + 1 } : undefined;
    if (!to) return;
    if (key === 'ArrowRight') this.expanded = new Set(this.expanded).add(to.parentId!);
    await this.changeTypes(() => this.api!.documentTypes.move(t.id, to), this.i18n.t.tree.folderMoved(t.name), t.id);
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
      this.refusal = e;
      this.said = this.i18n.error(e);
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
      const sibs = this.siblings(target.parentId).filter((t) => t.id !== moving.id);
      to = { parentId: target.parentId, position: sibs.findIndex((t) => t.id === target.id) + (where === 'after' ? 1 : 0) };
    }
    void this.changeTypes(() => this.api!.documentTypes.move(moving.id, to), this.i18n.t.tree.folderMoved(moving.name), moving.id);
  }

  private renderAdminTools() {
    const t = this.i18n.t.tree;
    // Read at click time, not at render time: a click may come before the next render.
    const sel = () => this.types.find((x) => x.id === this.selected);
    const f = this.folderForm;
    return html`<div class="admin" part="admin" role="group" aria-label=${t.folderTools}>
      <div class="bar">
        <button type="button" class="btn" @click=${() => (this.folderForm = { parentId: sel()?.id ?? null, name: '' })}>${t.newFolder}</button>
        <button type="button" class="btn" ?disabled=${!sel()} @click=${() => {
          const s = sel();
          if (s) this.folderForm = { id: s.id, parentId: s.parentId, name: s.name };
        }}>${t.renameFolder}</button>
        <button type="button" class="btn danger" ?disabled=${!sel()} @click=${() => {
          const s = sel();
          if (s) void this.removeFolder(s);
        }}>${t.removeFolder}</button>
      </div>
      <p class="muted hint">${t.adminHint}</p>
      ${f
        ? html`<form class="bar" @submit=${this.saveFolder}>
            <label for="folder-name" class="sr-only">${t.folderName}</label>
            <input id="folder-name" class="input grow" maxlength="100" required placeholder=${t.folderName} .value=${f.name} @input=${(e: Event) => (this.folderForm = { ...f, name: (e.target as HTMLInputElement).value })} />
            <button type="submit" class="btn primary">${f.id ? t.save : t.create}</button>
            <button type="button" class="btn" @click=${() => (this.folderForm = undefined)}>${this.i18n.t.common.cancel}</button>
          </form>`
        : nothing}
      ${this.refusal ? html`<p class="error" role="alert">${this.i18n.error(this.refusal)}</p>` : nothing}
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
    const part = type ? `row row--type${selected ? ' row--selected' : ''}` : row.kind === 'doc' ? 'row row--document' : 'row';
    let content;
    if (row.kind === 'type') {
      const count = this.mode === 'browse' || this.mode === 'manage' ? row.type.subtreeCount : undefined;
      content = html`<span class="twisty" aria-hidden="true">${row.leaf ? '' : '›'}</span>
        <span class="name">${row.type.name}</span>
        ${count !== undefined ? html`<span class="meta">${t.documents(n(count), count)}</span>` : nothing}`;
    } else if (row.kind === 'doc') {
      const d = row.doc;
      content = html`<span class="twisty">${fileIcon}</span>
        <span class="name" title=${d.title}>${d.title}</span>
        ${this.mode === 'manage' && d.downloadCount !== undefined ? html`<span class="meta">${t.downloads(n(d.downloadCount), d.downloadCount)}</span>` : nothing}`;
    } else content = html`<span class="twisty"></span><span class="name">${this.folders.get(row.parent)?.loading ? this.i18n.t.common.loading : t.loadMore}</span>`;
    return html`<li
      class="row ${row.kind}"
      part=${part}
      role="treeitem"
      data-index=${index}
      style="top:${index * ROW}px;--_depth:${row.depth}"
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
    if (!this.scopeValue) return html`<p class="error" part="base">${this.i18n.t.common.noScope}</p>`;
    const rows = this.rows;
    if (this.active >= rows.length) this.active = Math.max(0, rows.length - 1);
    const viewport = this.scroller?.clientHeight || 384;
    const r = (this.window = visibleRange(rows.length, ROW, this.top, viewport));
    return html`${this.mode === 'admin' ? this.renderAdminTools() : nothing}<div class="scroller" part="base" @scroll=${(e: Event) => (this.top = (e.target as HTMLElement).scrollTop)}>
        ${!this.loaded
          ? html`<p class="status loading">${this.i18n.t.common.loading}</p>`
          : !rows.length
          ? html`<p class="status">${this.error ? this.i18n.error(this.error) : t.empty}</p>`
          : html`<ul role="tree" part="tree" aria-label=${t.label} style="height:${rows.length * ROW}px" @keydown=${this.onKeyDown} @focusin=${this.onFocusIn}>
              ${repeat(rows.slice(r.start, r.end), rowKey, (row, i) => this.renderRow(row, r.start + i))}
            </ul>`}
      </div>
      ${this.editing && this.mode === 'manage' ? this.renderEditor() : nothing}
      <div class="sr-only" role="status" aria-live="polite">${this.said}</div>`;
  }
}
