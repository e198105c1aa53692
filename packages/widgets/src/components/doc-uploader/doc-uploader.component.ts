import { html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ACCEPT, FILE_KINDS, MAX_FILE_SIZE, defaultTitle, kindOfName, validateFile, type Document, type DocumentType, type FileKind, type ShareTarget } from '@docportal/core-sdk';
import { DocFileRejectedEvent, DocUploadedEvent, DocUploadErrorEvent, DocUploadProgressEvent, DocUploadStartEvent } from '../../events/uploader-events.js';
import { ConnectedElement } from '../../internal/connected-element.js';
import { typeOptions } from '../../internal/type-options.js';
import { alert, check, close, file as fileIcon, retry, upload } from '../../internal/icons.js';
import { base } from '../../styles/tokens.js';
import { styles } from './doc-uploader.styles.js';

type Status = 'ready' | 'uploading' | 'done' | 'error' | 'cancelled';

interface Item {
  key: number;
  file: File;
  title: string;
  typeId: string;
  shares: ShareTarget[];
  status: Status;
  loaded: number;
  error?: unknown;
  doc?: Document;
  ctl?: AbortController;
  invalid?: { title?: boolean; type?: boolean };
  /** Last progress step announced (quarters), so that screen readers are not flooded. */
  said?: number;
}

interface Rejection {
  key: number;
  name: string;
  message: string;
}

let keys = 0;

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
 * @csspart notice - A refusal message.
 * @csspart file - One file's card; `file--done`, `file--error` mark its state.
 * @csspart progress - A file's progress bar.
 * @csspart submit - The "Dokument hochladen" button.
 * @csspart success - The message after publishing.
 * @cssproperty [--doc-color-accent=#1d5fb4] - Accent: the submit button, progress, focus.
 * @cssproperty [--doc-color-border=#8a93a3] - Borders and the dashed outline.
 * @cssproperty [--doc-color-danger=#b3261e] - Refusals and errors.
 * @cssproperty [--doc-color-success=#1e7b34] - The published state.
 * @cssproperty [--doc-radius=6px] - Corner radius.
 * @cssproperty [--doc-font-family=system-ui] - Font.
 */
export class DocUploader extends ConnectedElement {
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = {
    accept: {},
    maxSize: { attribute: 'max-size', type: Number },
    documentType: { attribute: 'document-type' },
    single: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    items: { state: true },
    rejections: { state: true },
    types: { state: true },
    over: { state: true },
    announcement: { state: true },
    published: { state: true },
    busy: { state: true },
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

  private items: Item[] = [];
  private rejections: Rejection[] = [];
  private types: DocumentType[] = [];
  private over = false;
  private announcement = '';
  private published: Document[] = [];
  private busy = false;

  private loadedTypesFor = '';
  private readonly onTypesChanged = () => {
    this.loadedTypesFor = '';
    this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('paste', this.onPaste);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('paste', this.onPaste);
    this.bus.removeEventListener('types-changed', this.onTypesChanged);
    for (const i of this.items) i.ctl?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const scope = this.scopeValue;
    const key = this.api && scope ? `${scope.kind}:${scope.id}` : '';
    if (key && key !== this.loadedTypesFor) {
      this.loadedTypesFor = key;
      this.bus.addEventListener('types-changed', this.onTypesChanged);
      void this.loadTypes();
    }
    if (changed.has('documentType') && this.documentType) for (const i of this.items) if (!i.typeId) i.typeId = this.documentType;
  }

  private async loadTypes(): Promise<void> {
    const api = this.api;
    const scope = this.scopeValue;
    if (!api || !scope) return;
    try {
      this.types = await api.documentTypes.list({ scope });
    } catch (e) {
      this.announce(this.i18n.error(e));
    }
  }

  private announce(text: string): void {
    // The same text twice must still be read: clear, then set on the next frame.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  private pick(): void {
    if (this.disabled) return;
    this.renderRoot.querySelector<HTMLInputElement>('input[type="file"]')?.click();
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

  /** Accepts what the `accept` attribute allows (by extension or MIME type); the content check comes after. */
  private allowedByAccept(f: File, kind: FileKind): boolean {
    const parts = this.accept.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    if (!parts.length) return true;
    const ext = kindOfName(f.name) ? `.${f.name.split('.').pop()!.toLowerCase()}` : '';
    const mime = FILE_KINDS[kind].mimeType;
    return parts.some((p) => p === ext || p === mime || (p.endsWith('/*') && mime.startsWith(p.slice(0, -1))));
  }

  /** Checks each file (content, size) and adds the good ones; refusals are shown in words. */
  async addFiles(files: File[]): Promise<void> {
    const t = this.i18n.t.uploader;
    const rejected: Rejection[] = [];
    const added: Item[] = [];
    const room = this.single ? Math.max(0, 1 - this.items.filter((i) => i.status !== 'done').length) : Infinity;
    for (const [n, f] of files.entries()) {
      if (n >= room) {
        rejected.push({ key: ++keys, name: f.name, message: t.rejectSingle });
        this.emit(new DocFileRejectedEvent({ file: f, code: 'too_many_files' }));
        continue;
      }
      const check = await validateFile(f, { maxSize: this.maxSize });
      const ok = check.ok && this.allowedByAccept(f, check.kind);
      if (!ok) {
        const code = check.ok ? 'unsupported_file_type' : check.code;
        const message = code === 'file_too_large' ? this.tooLarge(f.size) : code === 'empty_file' ? t.rejectEmpty : t.rejectType;
        rejected.push({ key: ++keys, name: f.name, message });
        this.emit(new DocFileRejectedEvent({ file: f, code }));
        continue;
      }
      const first = this.items[0];
      added.push({ key: ++keys, file: f, title: defaultTitle(f.name), typeId: this.documentType ?? first?.typeId ?? '', shares: first ? [...first.shares] : [], status: 'ready', loaded: 0 });
    }
    if (added.length) this.published = [];
    this.items = [...this.items.filter((i) => i.status !== 'done'), ...added];
    this.rejections = [...rejected, ...this.rejections].slice(0, 5);
    const said = [added.length ? t.added(added.length) : '', ...rejected.map((r) => `${t.rejected(r.name)} ${r.message}`)].filter(Boolean).join(' ');
    if (said) this.announce(said);
  }

  /** "The file is X; at most Y": in exact bytes when both would read the same ("50 MB" vs "50 MB"). */
  private tooLarge(size: number): string {
    let [a, b] = [this.i18n.size(size), this.i18n.size(this.maxSize)];
    if (a === b) {
      const bytes = new Intl.NumberFormat(this.i18n.locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
      [a, b] = [bytes.format(size), bytes.format(this.maxSize)];
    }
    return this.i18n.t.uploader.rejectTooLarge(a, b);
  }

  private update1(item: Item, patch: Partial<Item>): void {
    Object.assign(item, patch);
    this.items = [...this.items];
  }

  private applyToAll(): void {
    const [first, ...rest] = this.items;
    if (!first) return;
    for (const i of rest) if (i.status !== 'done' && i.status !== 'uploading') Object.assign(i, { typeId: first.typeId, shares: [...first.shares], invalid: { ...i.invalid, type: !first.typeId } });
    this.items = [...this.items];
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy || this.disabled) return;
    const t = this.i18n.t.uploader;
    const todo = this.items.filter((i) => i.status === 'ready' || i.status === 'error' || i.status === 'cancelled');
    let firstInvalid: string | undefined;
    for (const i of todo) {
      i.invalid = { title: !i.title.trim(), type: !i.typeId };
      if (!firstInvalid && (i.invalid.title || i.invalid.type)) firstInvalid = i.invalid.title ? `#title-${i.key}` : `#type-${i.key}`;
    }
    this.items = [...this.items];
    if (firstInvalid) {
      this.announce(t.fixErrors);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(firstInvalid)?.focus();
      return;
    }
    this.busy = true;
    for (const i of todo) await this.send(i);
    this.busy = false;
    await this.finish();
  }

  /** When every file is published: the success message, with focus on it. */
  private async finish(): Promise<void> {
    const t = this.i18n.t.uploader;
    const done = this.items.filter((i) => i.status === 'done');
    if (done.length && done.length === this.items.length) {
      this.published = done.map((i) => i.doc!);
      this.items = [];
      this.announce(`${t.success(this.published.length)} ${t.successNext}`);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.success h3')?.focus();
    }
  }

  private async retryItem(item: Item): Promise<void> {
    await this.send(item);
    if (!this.busy) await this.finish();
  }

  /**
   * A card's cancel and retry buttons replace each other: when focus was on one of them, it moves
   * to the one now shown (or to the submit button, the success message, the drop zone), never to
   * the page.
   */
  private keepFocus(item: Item, had: boolean): void {
    if (!had) return;
    void this.updateComplete.then(() => {
      const root = this.renderRoot as ShadowRoot;
      if (root.activeElement) return;
      for (const sel of [`#cancel-${item.key}`, `#retry-${item.key}`, 'button[type="submit"]', '.success h3', '.dropzone']) {
        const next = root.querySelector<HTMLElement>(sel);
        if (next) return next.focus();
      }
    });
  }

  private focusOnButtonsOf(item: Item): boolean {
    const id = (this.renderRoot as ShadowRoot).activeElement?.id;
    return id === `cancel-${item.key}` || id === `retry-${item.key}`;
  }

  private async send(item: Item): Promise<void> {
    const api = this.api;
    const scope = this.scopeValue;
    const t = this.i18n.t.uploader;
    if (!api || !scope) return;
    const ctl = new AbortController();
    let had = this.focusOnButtonsOf(item);
    this.update1(item, { status: 'uploading', loaded: 0, error: undefined, ctl, said: 0 });
    this.keepFocus(item, had);
    this.emit(new DocUploadStartEvent({ file: item.file }));
    try {
      const doc = await api.documents.upload(item.file, {
        title: item.title.trim(),
        documentTypeId: item.typeId,
        scope,
        shares: item.shares,
        signal: ctl.signal,
        onProgress: ({ loaded, total }) => {
          this.update1(item, { loaded });
          this.emit(new DocUploadProgressEvent({ file: item.file, loaded, total }));
          const quarter = Math.floor((loaded / total) * 4);
          if (quarter > (item.said ?? 0) && quarter < 4) {
            item.said = quarter;
            this.announce(t.announceProgress(item.title, this.i18n.percent(quarter / 4)));
          }
        },
      });
      had = this.focusOnButtonsOf(item);
      this.update1(item, { status: 'done', doc, ctl: undefined, loaded: item.file.size });
      this.keepFocus(item, had);
      this.emit(new DocUploadedEvent({ document: doc }));
      this.bus.publish('documents-changed');
      this.announce(t.announceDone(item.title));
    } catch (error) {
      const cancelled = ctl.signal.aborted;
      had = this.focusOnButtonsOf(item);
      this.update1(item, { status: cancelled ? 'cancelled' : 'error', error, ctl: undefined });
      this.keepFocus(item, had);
      this.emit(new DocUploadErrorEvent({ file: item.file, error }));
      this.announce(t.announceError(item.title, cancelled ? t.cancelled : this.i18n.error(error)));
    }
  }

  private removeItem(item: Item): void {
    const index = this.items.indexOf(item);
    this.items = this.items.filter((i) => i !== item);
    // Keep focus in the list: on the next file's remove button, else on the drop zone.
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>('.file .remove');
      (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('.dropzone'))?.focus();
    });
  }

  private reset(): void {
    this.published = [];
    this.items = [];
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.dropzone')?.focus());
  }

  private renderItem(item: Item) {
    const t = this.i18n.t.uploader;
    const locked = item.status === 'uploading' || item.status === 'done' || this.disabled;
    const pct = item.file.size ? item.loaded / item.file.size : 0;
    const scope = this.scopeValue!;
    const scopeString = `${scope.kind}:${scope.id}`;
    return html`<li class="file" part="file file--${item.status}">
      <div class="file-head">
        ${fileIcon}
        <span class="file-name" title=${item.file.name}>${item.file.name}</span>
        <span class="file-size">${this.i18n.size(item.file.size)}</span>
        ${item.status !== 'uploading' && item.status !== 'done'
          ? html`<button type="button" class="icon-btn remove" aria-label=${t.removeFile(item.file.name)} @click=${() => this.removeItem(item)}>${close}</button>`
          : nothing}
      </div>
      <div class="fields">
        <div class="field">
          <label for="title-${item.key}">${t.title}</label>
          <input
            id="title-${item.key}"
            class="input"
            type="text"
            maxlength="200"
            required
            .value=${item.title}
            ?disabled=${locked}
            aria-invalid=${item.invalid?.title ? 'true' : 'false'}
            aria-describedby=${item.invalid?.title ? `title-err-${item.key}` : nothing}
            @input=${(e: Event) => this.update1(item, { title: (e.target as HTMLInputElement).value, invalid: { ...item.invalid, title: false } })}
          />
          ${item.invalid?.title ? html`<span class="error" id="title-err-${item.key}">${t.titleRequired}</span>` : nothing}
        </div>
        <div class="field">
          <label for="type-${item.key}">${t.documentType}</label>
          <select
            id="type-${item.key}"
            class="input"
            required
            ?disabled=${locked}
            aria-invalid=${item.invalid?.type ? 'true' : 'false'}
            aria-describedby=${item.invalid?.type ? `type-err-${item.key}` : nothing}
            @change=${(e: Event) => this.update1(item, { typeId: (e.target as HTMLSelectElement).value, invalid: { ...item.invalid, type: false } })}
          >
            <option value="" ?selected=${!item.typeId}>${t.chooseType}</option>
            ${typeOptions(this.types, item.typeId)}
          </select>
          ${item.invalid?.type ? html`<span class="error" id="type-err-${item.key}">${t.typeRequired}</span>` : nothing}
        </div>
      </div>
      <share-picker
        .client=${this.api}
        scope=${scopeString}
        locale=${this.i18n.locale}
        .label=${t.sharedWith}
        .value=${item.shares}
        ?disabled=${locked}
        @change=${(e: Event) => this.update1(item, { shares: (e.target as HTMLElement & { value: ShareTarget[] }).value })}
      ></share-picker>
      ${this.renderStatus(item, pct)}
    </li>`;
  }

  private renderStatus(item: Item, pct: number) {
    const t = this.i18n.t.uploader;
    switch (item.status) {
      case 'uploading':
        return html`<div class="status">
          <div class="bar" part="progress" role="progressbar" aria-label=${item.file.name} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${Math.round(pct * 100)}>
            <span style="width:${(pct * 100).toFixed(1)}%"></span>
          </div>
          <span class="muted">${this.i18n.percent(pct)}</span>
          <button type="button" class="btn" id="cancel-${item.key}" aria-label=${t.cancelUpload(item.file.name)} @click=${() => item.ctl?.abort()}>${this.i18n.t.common.cancel}</button>
        </div>`;
      case 'done':
        return html`<div class="status"><span class="ok">${check} ${t.uploaded}</span></div>`;
      case 'error':
      case 'cancelled':
        return html`<div class="status notice" part="notice" role="alert">
          ${alert}
          <p class="grow">${item.status === 'cancelled' ? t.cancelled : `${t.failed}: ${this.i18n.error(item.error)}`}</p>
          <button type="button" class="btn" id="retry-${item.key}" ?disabled=${this.disabled} @click=${() => void this.retryItem(item)}>${retry} ${this.i18n.t.common.retry}</button>
        </div>`;
      default:
        return nothing;
    }
  }

  protected override render(): TemplateResult {
    const t = this.i18n.t.uploader;
    if (!this.scopeValue) return html`<p class="error" part="base">${this.i18n.t.common.noScope}</p>`;
    const pending = this.items.filter((i) => i.status !== 'done').length;
    return html`<form class="wrap" part="base" novalidate @submit=${this.submit}>
      ${this.published.length
        ? html`<div class="success" part="success">
            <h3 tabindex="-1">${check} ${t.success(this.published.length)}</h3>
            <ul>
              ${this.published.map((d) => html`<li>${d.title}</li>`)}
            </ul>
            <p class="muted">${t.successNext}</p>
            <div><button type="button" class="btn" @click=${this.reset}>${t.uploadMore}</button></div>
          </div>`
        : nothing}
      <button
        type="button"
        class="dropzone ${this.over ? 'over' : ''}"
        part="dropzone"
        ?disabled=${this.disabled}
        aria-describedby="drop-hint"
        @click=${this.pick}
        @dragover=${this.onDragOver}
        @dragenter=${this.onDragOver}
        @dragleave=${() => (this.over = false)}
        @drop=${this.onDrop}
      >
        ${upload}
        <span class="drop-title">${this.over ? t.dropActive : t.dropTitle}</span>
        <span class="drop-hint" id="drop-hint">${t.dropHint}</span>
      </button>
      <input type="file" tabindex="-1" aria-hidden="true" accept=${this.accept} ?multiple=${!this.single} @change=${this.onPicked} />
      ${this.rejections.map(
        (r) => html`<div class="notice" part="notice" role="alert">
          ${alert}
          <div class="grow">
            <p><strong>${t.rejected(r.name)}</strong></p>
            <p>${r.message}</p>
          </div>
          <button type="button" class="icon-btn" aria-label=${t.dismiss} @click=${() => (this.rejections = this.rejections.filter((x) => x !== r))}>${close}</button>
        </div>`,
      )}
      ${this.items.length
        ? html`<ul class="files" aria-label=${t.fileList}>
            ${repeat(this.items, (i) => i.key, (i) => this.renderItem(i))}
          </ul>`
        : nothing}
      ${pending
        ? html`<div class="actions">
            ${pending > 1 ? html`<button type="button" class="btn" ?disabled=${this.busy || this.disabled} @click=${this.applyToAll}>${t.applyToAll}</button>` : nothing}
            <button type="submit" class="btn primary end" part="submit" ?disabled=${this.disabled} aria-disabled=${this.busy ? 'true' : nothing}>${t.submit(pending)}</button>
          </div>`
        : nothing}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </form>`;
  }
}
