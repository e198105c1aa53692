import { html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Document, DocumentType, ShareTarget } from '@docportal/core-sdk';
import { ACCEPT, MAX_FILE_SIZE } from '@docportal/core-sdk/internal';
import { Latest } from '../../controllers/latest.js';
import { ConnectedElement } from '../../internal/connected-element.js';
import { state } from '../../internal/doc-element.js';
import { heading } from '../../internal/heading.js';
import { errorNotice } from '../../internal/error-notice.js';
import { check, upload } from '../../internal/icons.js';
import { base } from '../../styles/tokens.js';
import { renderItem, renderOverall, renderShared } from './doc-uploader.files.js';
import { addFiles } from './doc-uploader.intake.js';
import type { Item, Rejection, Uploader } from './doc-uploader.internals.js';
import { discardKept, resumeKept, submit, successText } from './doc-uploader.queue.js';
import { styles } from './doc-uploader.styles.js';
import { keptUploads, renderResumeOffer, type KeptUpload } from './resume-offer.js';

/**
 * Publishes documents: a dashed drop zone that is a real button (click, Enter or Space opens the
 * file dialog), drag and drop, paste, several files at once. Bad files are refused at once by
 * their content and size, in words, and nothing is sent. Each file gets a title (from its name),
 * a document type and recipients; then "Dokument hochladen" uploads with progress, cancel and
 * retry.
 *
 * @tagname doc-uploader
 * @summary Upload documents and share them with tenants and owners.
 * @event doc-file-rejected - `{ file, code }` a file was refused before sending.
 * @event doc-upload-start - `{ file }` a file starts uploading.
 * @event doc-upload-progress - `{ file, loaded, total }` bytes went out.
 * @event doc-uploaded - `{ document }` a document was published.
 * @event doc-upload-error - `{ file, error }` an upload failed or was cancelled.
 * @csspart base - The whole uploader.
 * @csspart dropzone - The dashed drop zone (a button).
 * @csspart notice - A refusal or failure: the shared error notice (also `error`), with its `retry` or `dismiss` button.
 * @csspart error - The same notices (the part every element's error notice has).
 * @csspart file - One file's card (with several files a compact row); `file--done`, `file--error` mark its state.
 * @csspart thumbnail - An image file's preview in its row.
 * @csspart file-type - The document type a file's row names (several files).
 * @csspart progress - A file's progress bar.
 * @csspart progress-fill - The filled part of the progress bar.
 * @csspart input - The title field and the type chooser of a file.
 * @csspart button - Every button (also `remove`, `edit`, `own`, `cancel`, `retry`, `dismiss`; `button--primary` on submit).
 * @csspart picker__base - The parts of the share picker in each file card, prefixed `picker__` (`picker__input`, `picker__chip`, …).
 * @csspart submit - The "Dokument hochladen" button.
 * @csspart success - The message after publishing.
 * @csspart resume-offer - "2 Uploads nicht abgeschlossen — fortsetzen / verwerfen": unfinished uploads the client's resume store kept.
 */
export class DocUploader extends ConnectedElement {
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = {
    accept: {},
    maxSize: { attribute: 'max-size', type: Number },
    documentType: { attribute: 'document-type' },
    single: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number, reflect: true },
    parallelUploads: { attribute: 'parallel-uploads', type: Number },
    items: state,
    rejections: state,
    types: state,
    typesError: state,
    over: state,
    announcement: state,
    published: state,
    busy: state,
    kept: state,
  };

  /** Accepted files, as for `<input type=file>`; content is checked whatever this says. @default the five allowed kinds */
  accept: string = ACCEPT;
  /** Largest accepted file in bytes. @default 52428800 */
  maxSize = MAX_FILE_SIZE;
  /** A document type id to preselect. */
  documentType?: string;
  /** One file at a time. */
  single = false;
  disabled = false;
  /** Level of the uploader's heading (the success message), to fit the page's outline. @default 2 */
  headingLevel = 2;
  /** How many files upload at the same time; the others wait in line. @default 3 */
  parallelUploads = 3;

  private items: Item[] = [];
  private rejections: Rejection[] = [];
  private types: DocumentType[] = [];
  /** Why the document types did not load (shown with "Erneut versuchen"). */
  private typesError: unknown;
  private over = false;
  private announcement = '';
  private published: Document[] = [];
  /** How many people the published documents reach (undefined when the count failed). */
  private told: number | undefined;
  private busy = false;
  /** Unfinished uploads the client's resume store kept with their files (resume-offer.ts). */
  private kept: KeptUpload[] = [];
  /** The files being checked (doc-uploader.intake.ts), the last drop's. */
  private intake = Promise.resolve();
  /** The files of the upload under way, for the overall progress. */
  private batch: Item[] = [];

  /** The scope whose types and kept uploads were asked for. */
  private loadedFor = '';
  /**
   * The types (slot '') and the kept uploads ('kept') on their way: those of a scope or a user
   * left are aborted, and their answer dropped.
   */
  private readonly loads = new Latest();
  /** A type made, renamed or removed elsewhere: the types load again (the offer stays as it is). */
  private readonly onTypesChanged = () => this.loadTypes();

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('paste', this.onPaste);
    // Back after its loads were cut short (below): they load again.
    if (!this.loadedFor) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('paste', this.onPaste);
    this.bus.removeEventListener('types-changed', this.onTypesChanged);
    for (const i of this.items) i.ctl?.abort();
    // The types and the kept uploads stop loading with the uploader; cut short, they load anew when it is back.
    if (this.loads.abort()) this.loadedFor = '';
  }

  /** Another user: nothing of the previous one stays (a retry after a refusal keeps the files). */
  protected override resetSession(sameUser: boolean): void {
    this.loads.abort();
    this.types = [];
    this.typesError = undefined;
    this.loadedFor = '';
    if (sameUser) return;
    this.kept = [];
    for (const i of this.items) i.ctl?.abort();
    this.items = [];
    this.rejections = [];
    this.published = [];
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const scope = this.scopeValue;
    const key = this.api && scope ? `${scope.kind}:${scope.id}` : '';
    if (key && key !== this.loadedFor) {
      this.loadedFor = key;
      this.bus.addEventListener('types-changed', this.onTypesChanged);
      void this.loadTypes();
      this.kept = [];
      void this.loadKept();
    }
    if (changed.has('documentType') && this.documentType)
      for (const i of this.items) if (!i.typeId) i.typeId = this.documentType;
  }

  private async loadTypes(): Promise<void> {
    const api = this.api;
    const scope = this.scopeValue;
    if (!api || !scope) return;
    try {
      this.types = await this.loads.run((signal) => api.documentTypes.list({ scope, signal }));
      this.typesError = undefined;
    } catch (e) {
      // Said by the notice's alert, not by the status line too.
      this.typesError = e;
    }
  }

  /** The unfinished uploads the client's store kept for the scope, but the files already added. */
  private async loadKept(): Promise<void> {
    const scope = this.scopeValue!;
    const busy = this.items.map((i) => i.file);
    try {
      this.kept = await this.loads.run(() => keptUploads(this.api, scope, busy), 'kept');
    } catch {
      // A store that cannot list offers nothing; uploads still resume when the file is chosen again.
    }
  }

  /**
   * "Erneut versuchen" of the types' notice; when the notice goes, and focus with it, focus goes to
   * the drop zone (not when the person went on in the page, nor when the notice and its button stay).
   */
  private async retryTypes(): Promise<void> {
    await this.loadTypes();
    await this.updateComplete;
    if (document.activeElement === document.body) this.$<HTMLElement>('.dropzone')?.focus();
  }

  private announce(text: string): void {
    // The same text twice must still be read: clear, then set on the next frame.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  private pick(): void {
    if (this.disabled) return;
    this.$('input[type="file"]')?.click();
  }

  private onPicked(e: Event): void {
    const input = e.target as HTMLInputElement;
    void this.addFiles([...(input.files ?? [])]);
    input.value = '';
  }

  private readonly onPaste = (e: ClipboardEvent): void => {
    const files = [...(e.clipboardData?.files ?? [])];
    if (!files.length || this.disabled) return;
    e.preventDefault();
    void this.addFiles(files);
  };

  private onDragOver(e: DragEvent): void {
    if (this.disabled || !e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    this.over = true;
  }

  private onDrop(e: DragEvent): void {
    this.over = false;
    if (this.disabled) return;
    e.preventDefault();
    void this.addFiles([...(e.dataTransfer?.files ?? [])]);
  }

  /**
   * Checks each file (content, size) and adds the good ones, after the files added before them;
   * refusals are shown in words.
   */
  addFiles(files: File[]): Promise<void> {
    // Checked one drop after the other, for the user who chose them (the check takes a moment).
    const user = this.identity;
    const run = () => addFiles(this as unknown as Uploader, files, user);
    return (this.intake = this.intake.then(run, run));
  }

  private updateItem(item: Item, patch: Partial<Item>): void {
    Object.assign(item, patch);
    this.items = [...this.items];
  }

  /** Files whose type and recipients can still change. */
  private get open(): Item[] {
    return this.items.filter((i) => i.status === 'ready' || i.status === 'error' || i.status === 'cancelled');
  }

  /** Several files: type and recipients are set once for all, unless a file has its own. */
  private get several(): boolean {
    return this.items.filter((i) => i.status !== 'done').length > 1;
  }

  /** The file that carries the shared type and recipients (the first without its own). */
  private get lead(): Item | undefined {
    return this.items.find((i) => i.status !== 'done' && !i.own);
  }

  private setShared({ typeId, shares }: { typeId?: string; shares?: ShareTarget[] }): void {
    for (const i of this.open)
      if (!i.own)
        Object.assign(
          i,
          typeId === undefined ? { shares } : { typeId, invalid: { ...i.invalid, type: false } },
        );
    this.items = [...this.items];
  }

  /** "Individuell festlegen": the file gets its own choice (starting from the shared one), or goes back to it. */
  private toggleOwn(item: Item): void {
    const lead = this.items.find((i) => i !== item && i.status !== 'done' && !i.own);
    this.updateItem(
      item,
      item.own
        ? { own: false, ...(lead && { typeId: lead.typeId, shares: [...lead.shares] }) }
        : { own: true },
    );
  }

  private removeItem(item: Item): void {
    const index = this.items.indexOf(item);
    this.items = this.items.filter((i) => i !== item);
    // Keep focus in the list: on the next file's remove button, else on the drop zone.
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>('.file .remove');
      (buttons[Math.min(index, buttons.length - 1)] ?? this.$('.dropzone'))?.focus();
    });
  }

  private reset(): void {
    this.published = [];
    this.items = [];
    void this.focusAfterUpdate('.dropzone');
  }

  /** The drop zone's title: one file or several, by touch or by pointer. */
  private dropTitle(touch: boolean): string {
    const t = this.i18n.t.uploader;
    if (touch) return this.single ? t.dropTouchOne : t.dropTouch;
    return this.single ? t.dropTitleOne : t.dropTitle;
  }

  /** What was published, and "Weitere Dokumente hochladen". */
  private renderSuccess() {
    const t = this.i18n.t.uploader;
    const up = this as unknown as Uploader;
    return html`<div class="success" part="success">
      ${heading(this.headingLevel, html`${check} ${successText(up)}`)}
      <ul>
        ${this.published.map((d) => html`<li>${d.title}</li>`)}
      </ul>
      <div>
        <button type="button" class="btn" part="button" @click=${this.reset}>${t.uploadMore}</button>
      </div>
    </div>`;
  }

  /** The drop zone (a button that opens the file dialog) and the file input behind it. */
  private renderDropzone(touch: boolean) {
    const t = this.i18n.t.uploader;
    return html`<button
        type="button"
        class="dropzone ${this.over ? 'over' : ''}"
        part="dropzone"
        ?disabled=${this.disabled}
        aria-disabled=${this.disabled ? 'true' : nothing}
        @click=${this.pick}
        @dragover=${this.onDragOver}
        @dragenter=${this.onDragOver}
        @dragleave=${() => (this.over = false)}
        @drop=${this.onDrop}
      >
        ${upload}
        <span class="drop-title">${this.over ? t.dropActive : this.dropTitle(touch)}</span>
        <span class="drop-hint" id="drop-hint">${touch ? t.dropHintTouch : t.dropHint}</span>
      </button>
      <input
        type="file"
        tabindex="-1"
        aria-hidden="true"
        accept=${this.accept}
        ?multiple=${!this.single}
        @change=${this.onPicked}
      />`;
  }

  protected override render(): TemplateResult {
    const t = this.i18n.t.uploader;
    if (!this.api) return this.renderSignedOut();
    if (!this.scopeValue) return html`<p class="error" part="base">${this.i18n.t.common.noScope}</p>`;
    const pending = this.items.filter((i) => i.status !== 'done').length;
    // On touch screens there is nothing to drag from and no Ctrl+V: say "tap".
    const touch = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
    const up = this as unknown as Uploader;
    return html`<form class="wrap" part="base" novalidate @submit=${(e: Event) => submit(up, e)}>
      ${this.published.length ? this.renderSuccess() : nothing}
      ${renderResumeOffer(
        this.kept,
        t,
        () => void resumeKept(up),
        () => void discardKept(up),
      )}
      ${this.renderDropzone(touch)}
      ${this.typesError ? errorNotice(this.i18n, this.typesError, { alert: true, retry: () => void this.retryTypes() }) : nothing}
      ${this.rejections.map((r) => errorNotice(this.i18n, r, { alert: true, lead: t.rejected(r.name), text: r.message, dismiss: () => (this.rejections = this.rejections.filter((x) => x !== r)) }))}
      ${this.several && this.lead ? renderShared(up) : nothing}
      ${
        this.items.length
          ? html`<ul class="files" aria-label=${t.fileList}>
              ${repeat(
                this.items,
                (i) => i.key,
                (i) => renderItem(up, i),
              )}
            </ul>`
          : nothing
      }
      ${this.busy && this.batch.length > 1 ? renderOverall(up) : nothing}
      ${
        pending
          ? html`<div class="actions">
              <button
                type="submit"
                class="btn primary end"
                part="button button--primary submit"
                ?disabled=${this.disabled}
                aria-disabled=${this.busy ? 'true' : nothing}
              >
                ${t.submit(pending)}
              </button>
            </div>`
          : nothing
      }
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </form>`;
  }
}
