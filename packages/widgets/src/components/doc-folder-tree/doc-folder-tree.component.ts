import { html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Document, DocumentType } from '@docportal/core-sdk';
import { Latest } from '../../controllers/latest.js';
import { listResize, rowHeight, scrollToRow, visibleRange } from '../../controllers/virtual-window.js';
import {
  DocDocumentActivateEvent,
  DocDownloadEvent,
  DocFolderSelectEvent,
} from '../../events/tree-events.js';
import '../share-picker/share-picker.define.js';
import { ConnectedElement } from '../../internal/connected-element.js';
import { state } from '../../internal/doc-element.js';
import { errorNotice } from '../../internal/error-notice.js';
import { base } from '../../styles/tokens.js';
import { load, loadFolder, type CachedTree } from './doc-folder-tree.loading.js';
import { renderAdminTools } from './doc-folder-tree.admin.js';
import { edit, renderEditor } from './doc-folder-tree.editor.js';
import type { DropAt, Editing, FolderForm, Tree } from './doc-folder-tree.internals.js';
import { treeKeys } from './doc-folder-tree.keyboard.js';
import { renderRow } from './doc-folder-tree.row.js';
import { buildRows, rowKey, type Folder, type Row } from './doc-folder-tree.rows.js';
import { styles } from './doc-folder-tree.styles.js';

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
    types: state,
    expanded: state,
    folders: state,
    active: state,
    top: state,
    loaded: state,
    error: state,
    liveText: state,
    folderForm: state,
    confirmingFolder: state,
    refusal: state,
    dropAt: state,
    editing: state,
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
  private liveText = '';
  /** Admin: the folder form (new or rename) and the last refusal. */
  private folderForm?: FolderForm;
  private refusal?: unknown;
  /** Admin: the folder whose deletion waits for a yes. */
  private confirmingFolder?: string;
  /** Admin, while dragging a folder: the row under the pointer and where the folder would go. */
  private dropAt?: DropAt;
  /** The document open for editing (manage), with the edits so far. */
  private editing?: Editing;

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
  /** The rows are measured when the first are laid out and when the text size changes: the window follows. */
  private readonly watchList = listResize(() => {
    const before = this.rowPx;
    if (this.measure() !== before) this.requestUpdate();
  });

  private loadedFor = '';
  private readonly loads = new Latest();
  /** The changes of the folders asked so far, made one after the other (doc-folder-tree.admin.ts). */
  private writes: Promise<unknown> = Promise.resolve();
  /** The documents whose download is on its way (the next user's are other objects). */
  private readonly downloading = new WeakSet<Document>();
  private rowsCache?: {
    types: DocumentType[];
    expanded: Set<string>;
    folders: Map<string, Folder>;
    mode: string;
    rows: Row[];
  };
  /** The rows rendered last. */
  private window = { start: 0, end: 0 };
  /** The rows of the last render, the focused row's key, and whether a row had focus before this update. */
  private shownRows?: Row[];
  private activeKey?: string;
  private rowHadFocus = false;
  /** Where to scroll after this update, to keep the focused row in its place. */
  private pendingScroll?: number;
  /** Keys on a row: the tree's own, then the list's moves and type-ahead. */
  private readonly onKeyDown = treeKeys(this as unknown as Tree);
  private readonly refresh = () => {
    this.bus.cache.delete(this.loadedFor);
    this.loadedFor = '';
    this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.bus.addEventListener('documents-changed', this.refresh);
    this.bus.addEventListener('types-changed', this.refresh);
    // Back after its loads were cut short (below): it loads again.
    if (!this.loadedFor) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.bus.removeEventListener('documents-changed', this.refresh);
    this.bus.removeEventListener('types-changed', this.refresh);
    // Loads stop with the tree; one cut short makes the tree load anew when it is back.
    if (this.loads.abort()) {
      this.bus.cache.delete(this.loadedFor);
      this.loadedFor = '';
    }
  }

  /** Another user, or a retry after a refusal: start again from nothing. */
  protected override resetSession(): void {
    this.loads.abort();
    // A change on its way waits for an answer that is dropped now: the next user's start anew.
    this.writes = Promise.resolve();
    this.types = [];
    this.folders = new Map();
    this.expanded = new Set();
    this.loaded = false;
    this.loadedFor = '';
    this.error = this.refusal = this.editing = undefined;
    this.liveText = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const scope = this.scopeValue;
    const key = this.api && scope ? `tree:${scope.kind}:${scope.id}:${this.mode}` : '';
    if (changed.has('mode')) this.folders = new Map();
    if (key && key !== this.loadedFor) {
      this.loadedFor = key;
      const kept = this.bus.cache.get(key) as CachedTree | undefined;
      if (kept && kept.client === this.identity) {
        // Shown again in the same provider: start from what was loaded, then check the counts.
        ({ types: this.types, folders: this.folders, expanded: this.expanded } = kept);
        this.loaded = true;
        void load(this as unknown as Tree, true);
      } else void load(this as unknown as Tree);
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
    // The active row stays among the rows; the window of rows in view follows the scroll position.
    if (this.active >= rows.length) this.active = Math.max(0, rows.length - 1);
    this.window = visibleRange(rows.length, this.rowPx, this.top, this.scroller?.clientHeight || 384);
    // A "more" row in view loads the next page (infinite scroll); Enter or a click does too. Asked
    // here, its row says "loading" in this very render.
    for (let i = this.window.start; i < this.window.end; i++) {
      const row = rows[i];
      const f = row?.kind === 'more' && this.folders.get(row.parent);
      if (f && !f.loading && !f.failed)
        void loadFolder(this as unknown as Tree, row.parent, f.next ?? undefined);
    }
  }

  protected override updated(): void {
    this.watchList(this.$('[role="tree"]'));
    if (this.pendingScroll !== undefined && this.scroller) this.scroller.scrollTop = this.pendingScroll;
    this.pendingScroll = undefined;
    // The focused row went away (its folder closed, a "more" row became documents): the row now
    // in its place takes focus, so that it is never lost to the page.
    if (this.rowHadFocus && !this.shadowRoot?.activeElement)
      this.renderRoot
        .querySelector<HTMLElement>(`[data-index="${this.active}"]`)
        ?.focus({ preventScroll: true });
    // Keep what is loaded for the next tree of this provider and scope.
    if (this.loaded && this.loadedFor)
      this.bus.cache.set(this.loadedFor, {
        client: this.identity,
        types: this.types,
        folders: this.folders,
        expanded: this.expanded,
      } satisfies CachedTree);
  }

  /** The rows in view order, built once per change of the data, never per render or key press. */
  private get rows(): Row[] {
    const m = this.rowsCache;
    if (
      m &&
      m.types === this.types &&
      m.expanded === this.expanded &&
      m.folders === this.folders &&
      m.mode === this.mode
    )
      return m.rows;
    const { types, expanded, folders, mode } = this;
    const rows = buildRows(types, expanded, folders, mode);
    this.rowsCache = { types, expanded, folders, mode, rows };
    return rows;
  }

  private toggle(t: DocumentType, open = !this.expanded.has(t.id)): void {
    const next = new Set(this.expanded);
    if (open) {
      next.add(t.id);
      if (!this.folders.has(t.id) && t.documentCount > 0) void loadFolder(this as unknown as Tree, t.id);
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
      void loadFolder(this as unknown as Tree, row.parent, this.folders.get(row.parent)?.next ?? undefined);
      return;
    }
    this.emit(new DocDocumentActivateEvent({ document: row.doc }));
    if (this.mode === 'browse') await this.download(row.doc);
    else if (this.mode === 'manage') await edit(this as unknown as Tree, row.doc);
  }

  /** Downloads a document and saves it under the server's file name. */
  async download(doc: Document): Promise<void> {
    const api = this.api;
    // Activated again while on its way (a double click): one download, counted once.
    if (!api || this.downloading.has(doc)) return;
    this.downloading.add(doc);
    const t = this.i18n.t.tree;
    this.liveText = t.downloading(doc.title);
    try {
      const file = await api.documents.download(doc.id);
      const url = URL.createObjectURL(file);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.emit(new DocDownloadEvent({ document: doc }));
      this.liveText = t.downloaded(doc.title);
    } catch (e) {
      this.liveText = this.i18n.error(e);
    } finally {
      this.downloading.delete(doc);
    }
  }

  private focusRow(index: number): void {
    const rows = this.rows;
    if (!rows.length) return;
    // When the rows on screen are current and the row is among them (the window holds a few
    // rows beyond the view), focus moves at once; the render that follows only moves the tab stop.
    const current = !this.isUpdatePending;
    this.setActive(Math.max(0, Math.min(rows.length - 1, index)));
    this.top = scrollToRow(this.scroller, this.active, this.measure()) ?? this.top;
    const row = () => this.$(`[data-index="${this.active}"]`);
    // After a slow answer (a folder saved or moved), only while the person is still here.
    const focus = () => this.mayFocus && row()?.focus({ preventScroll: true });
    if (current && row()) focus();
    else void this.updateComplete.then(focus);
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

  protected override render(): TemplateResult {
    if (!this.api) return this.renderSignedOut();
    if (!this.scopeValue) return html`<p class="error" part="base">${this.i18n.t.common.noScope}</p>`;
    const editor = this.editing && this.mode === 'manage';
    const tree = this as unknown as Tree;
    return html`<div class="frame">
        <div class="layout ${editor ? 'with-editor' : ''}">
          ${this.mode === 'admin' ? renderAdminTools(tree) : nothing}
          <div
            class="scroller"
            part="base"
            @scroll=${(e: Event) => (this.top = (e.target as HTMLElement).scrollTop)}
          >
            ${this.renderBody(tree, this.rows, this.window)}
          </div>
          ${editor ? renderEditor(tree) : nothing}
        </div>
      </div>
      <div class="sr-only" role="status" aria-live="polite">${this.liveText}</div>`;
  }

  /** Loading, the failure or the empty state, or the rows in view. */
  private renderBody(tree: Tree, rows: Row[], r: { start: number; end: number }) {
    const t = this.i18n.t.tree;
    if (!this.loaded) return html`<p class="status loading">${this.i18n.t.common.loading}</p>`;
    if (!rows.length && this.error)
      return errorNotice(this.i18n, this.error, { retry: () => void load(tree) });
    if (!rows.length) return html`<p class="status">${t.empty}</p>`;
    return html`<ul
      role="tree"
      part="tree"
      aria-label=${t.label}
      style="--_n:${rows.length}"
      @keydown=${this.onKeyDown}
      @focusin=${this.onFocusIn}
    >
      ${repeat(rows.slice(r.start, r.end), rowKey, (row, i) => renderRow(tree, row, r.start + i))}
    </ul>`;
  }
}
