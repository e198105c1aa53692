import { html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ACCEPT, FILE_KINDS, MAX_FILE_SIZE, blobSource, defaultTitle, kindOfName, sniff, validateFile, type Document, type DocumentType, type FileKind, type ShareTarget } from '@docportal/core-sdk';
import { DocFileRejectedEvent, DocUploadedEvent, DocUploadErrorEvent, DocUploadProgressEvent, DocUploadStartEvent } from '../../events/uploader-events.js';
import { ConnectedElement } from '../../internal/connected-element.js';
import { heading } from '../../internal/heading.js';
import { typeOptions } from '../../internal/type-options.js';
import { errorNotice } from '../../internal/error-notice.js';
import { check, close, file as fileIcon, upload } from '../../internal/icons.js';
import { PICKER_PARTS } from '../../internal/parts.js';
import { base } from '../../styles/tokens.js';
import { styles } from './doc-uploader.styles.js';
import { discardKept, keptUploads, renderResumeOffer, type KeptUpload } from './resume-offer.js';

type Status = 'ready' | 'waiting' | 'uploading' | 'done' | 'error' | 'cancelled';

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
  /** With several files: this one has its own type and recipients instead of the shared ones. */
  own?: boolean;
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
 * @csspart notice - A refusal or failure: the shared error notice (also `error`), with its `retry` or `dismiss` button.
 * @csspart error - The same notices (the part every element's error notice has).
 * @csspart file - One file's card; `file--done`, `file--error` mark its state.
 * @csspart progress - A file's progress bar.
 * @csspart progress-fill - The filled part of the progress bar.
 * @csspart input - The title field and the type chooser of a file.
 * @csspart button - Every button (also `remove`, `cancel`, `retry`, `dismiss`, `apply-all`; `button--primary` on submit).
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
    items: { state: true },
    rejections: { state: true },
    types: { state: true },
    typesError: { state: true },
    over: { state: true },
    announcement: { state: true },
    published: { state: true },
    busy: { state: true },
    kept: { state: true },
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
  /** The files of the upload under way, for the overall progress. */
  private batch: Item[] = [];

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

  /** Another user: nothing of the previous one stays (a retry after a refusal keeps the files). */
  protected override resetSession(sameUser: boolean): void {
    this.types = [];
    this.typesError = undefined;
    this.loadedTypesFor = '';
    if (sameUser) return;
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
    if (key && key !== this.loadedTypesFor) {
      this.loadedTypesFor = key;
      this.bus.addEventListener('types-changed', this.onTypesChanged);
      void this.loadTypes();
      void keptUploads(this.api, scope!, this.items.map((i) => i.file)).then((k) => (this.kept = k), () => undefined);
    }
    if (changed.has('documentType') && this.documentType) for (const i of this.items) if (!i.typeId) i.typeId = this.documentType;
  }

  private async loadTypes(): Promise<void> {
    const api = this.api;
    const scope = this.scopeValue;
    if (!api || !scope) return;
    try {
      this.types = await api.documentTypes.list({ scope });
      this.typesError = undefined;
    } catch (e) {
      // Said by the notice's alert, not by the status line too.
      this.typesError = e;
    }
  }

  /** "Erneut versuchen" of the types' notice; when it goes, focus goes to the drop zone. */
  private async retryTypes(): Promise<void> {
    await this.loadTypes();
    await this.updateComplete;
    if (!(this.renderRoot as ShadowRoot).activeElement) this.$<HTMLElement>('.dropzone')?.focus();
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
        const message = code === 'file_too_large' ? this.tooLarge(f.size) : code === 'empty_file' ? t.rejectEmpty : ((await this.disguised(f)) ?? t.rejectType);
        rejected.push({ key: ++keys, name: f.name, message });
        this.emit(new DocFileRejectedEvent({ file: f, code }));
        continue;
      }
      const first = this.lead ?? this.items[0];
      added.push({ key: ++keys, file: f, title: defaultTitle(f.name), typeId: this.documentType ?? first?.typeId ?? '', shares: first ? [...first.shares] : [], status: 'ready', loaded: 0 });
    }
    if (added.length) this.published = [];
    this.items = [...this.items.filter((i) => i.status !== 'done'), ...added];
    this.rejections = [...rejected, ...this.rejections].slice(0, 5);
    // A refusal is said by its notice (role="alert"); the status line says only what was added.
    if (added.length) this.announce(t.added(added.length));
  }

  /** For a file whose content is an allowed kind under another kind's name: what it really is. */
  private async disguised(f: File): Promise<string | undefined> {
    const named = kindOfName(f.name);
    const kind = named ? await sniff(blobSource(f)) : null;
    if (!kind || kind === named) return undefined;
    const t = this.i18n.t.uploader;
    const proper = `${f.name.replace(/\.[^.]*$/, '')}.${FILE_KINDS[kind].extensions[0]}`;
    return t.rejectDisguised(f.name, t.kinds[kind], proper);
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
    for (const i of this.open) if (!i.own) Object.assign(i, typeId === undefined ? { shares } : { typeId, invalid: { ...i.invalid, type: false } });
    this.items = [...this.items];
  }

  /** "Individuell festlegen": the file gets its own choice (starting from the shared one), or goes back to it. */
  private toggleOwn(item: Item): void {
    const lead = this.items.find((i) => i !== item && i.status !== 'done' && !i.own);
    this.update1(item, item.own ? { own: false, ...(lead && { typeId: lead.typeId, shares: [...lead.shares] }) } : { own: true });
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy || this.disabled) return;
    const t = this.i18n.t.uploader;
    const todo = this.items.filter((i) => i.status === 'ready' || i.status === 'error' || i.status === 'cancelled');
    let firstInvalid: string | undefined;
    for (const i of todo) {
      i.invalid = { title: !i.title.trim(), type: !i.typeId };
      if (!firstInvalid && (i.invalid.title || i.invalid.type)) firstInvalid = i.invalid.title ? `#title-${i.key}` : this.several && !i.own ? '#type-all' : `#type-${i.key}`;
    }
    this.items = [...this.items];
    if (firstInvalid) {
      this.announce(t.fixErrors);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(firstInvalid)?.focus();
      return;
    }
    this.busy = true;
    this.batch = todo;
    for (const i of todo) i.status = 'waiting';
    const line = [...todo];
    const next = async (): Promise<void> => {
      for (let i = line.shift(); i; i = line.shift()) if (i.status === 'waiting') await this.send(i);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(6, this.parallelUploads || 1)) }, next));
    this.busy = false;
    await this.finish();
  }

  /** The offer's "fortsetzen": the kept files become cards again and upload, resuming where they were. */
  private async resumeKept(): Promise<void> {
    const kept = this.kept;
    this.kept = [];
    this.renderRoot.querySelector<HTMLElement>('.dropzone')?.focus();
    const added: Item[] = kept.map((u) => ({ key: ++keys, file: u.file as File, title: u.title ?? defaultTitle((u.file as File).name), typeId: u.documentTypeId ?? '', shares: u.shares ?? [], status: 'ready', loaded: 0 }));
    this.published = [];
    this.items = [...this.items.filter((i) => i.status !== 'done'), ...added];
    this.busy = true;
    for (const i of added) await this.send(i);
    this.busy = false;
    await this.finish();
  }

  /** The offer's "verwerfen": sessions and kept bytes go. */
  private async discardKept(): Promise<void> {
    const kept = this.kept;
    this.kept = [];
    this.renderRoot.querySelector<HTMLElement>('.dropzone')?.focus();
    if (this.api) await discardKept(this.api, kept);
    this.announce(this.i18n.t.uploader.discarded(kept.length));
  }

  /** When every file is published: the success message, with focus on it. */
  private async finish(): Promise<void> {
    const t = this.i18n.t.uploader;
    const done = this.items.filter((i) => i.status === 'done');
    if (done.length && done.length === this.items.length) {
      this.told = await this.toldCount(done);
      this.published = done.map((i) => i.doc!);
      this.items = [];
      this.announce(this.successText());
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.success .heading')?.focus();
    }
  }

  /** The people all the files' shares reach together, counted by the server. */
  private async toldCount(done: Item[]): Promise<number | undefined> {
    const api = this.api;
    const scope = this.scopeValue;
    const seen = new Set<string>();
    const targets = done.flatMap((i) => i.shares).filter((x) => !seen.has(JSON.stringify(x)) && !!seen.add(JSON.stringify(x)));
    if (targets.length === 0) return 0;
    if (!api || !scope || targets.length > 100) return undefined;
    try {
      return (await api.recipients.resolve({ scope, targets })).count;
    } catch {
      return undefined;
    }
  }

  /** "3 Dokumente in „Objektunterlagen“ veröffentlicht · 4 Empfänger werden morgen benachrichtigt". */
  private successText(): string {
    const t = this.i18n.t.uploader;
    const docs = this.published;
    const typeIds = new Set(docs.map((d) => d.documentTypeId));
    const folder = typeIds.size === 1 ? this.types.find((x) => x.id === docs[0]!.documentTypeId)?.name : undefined;
    const what = folder ? t.published(docs.length, folder) : t.publishedAnywhere(docs.length);
    return this.told === undefined ? what : `${what} · ${t.told(this.i18n.number(this.told), this.told, docs.length)}`;
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
      for (const sel of [`#cancel-${item.key}`, `#retry-${item.key}`, 'button[type="submit"]', '.success .heading', '.dropzone']) {
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
      // The card's notice says it (an alert naming the file), not the status line too.
      this.emit(new DocUploadErrorEvent({ file: item.file, error }));
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
    const locked = item.status === 'waiting' || item.status === 'uploading' || item.status === 'done' || this.disabled;
    const pct = item.file.size ? item.loaded / item.file.size : 0;
    const scope = this.scopeValue!;
    const scopeString = `${scope.kind}:${scope.id}`;
    return html`<li class="file" part="file file--${item.status}">
      <div class="file-head">
        ${fileIcon}
        <span class="file-name" id="name-${item.key}" title=${item.file.name}>${item.file.name}</span>
        <span class="file-size">${this.i18n.size(item.file.size)}</span>
        ${item.status === 'ready' || item.status === 'error' || item.status === 'cancelled'
          ? html`<button type="button" class="icon-btn remove" part="button remove" aria-label=${t.removeFile(item.file.name)} @click=${() => this.removeItem(item)}>${close}</button>`
          : nothing}
      </div>
      <div class="fields">
        <div class="field">
          <label for="title-${item.key}">${t.title}</label>
          <input
            id="title-${item.key}"
            class="input"
            part="input"
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
        ${!this.several || item.own ? this.renderChoice(`${item.key}`, item, locked, (patch) => this.update1(item, patch)) : nothing}
      </div>
      ${this.several && item.status !== 'done'
        ? html`<button type="button" class="btn own" part="button own" aria-pressed=${item.own ? 'true' : 'false'} aria-describedby="name-${item.key}" ?disabled=${locked} @click=${() => this.toggleOwn(item)}>${t.ownChoice}</button>`
        : nothing}
      ${this.renderStatus(item, pct)}
    </li>`;
  }

  /** Document type and recipients: of one file (`id` its key), or of all files (`id` "all"). */
  private renderChoice(id: string, v: { typeId: string; shares: ShareTarget[]; invalid?: { type?: boolean } }, locked: boolean, set: (patch: { typeId?: string; shares?: ShareTarget[]; invalid?: Item['invalid'] }) => void) {
    const t = this.i18n.t.uploader;
    const scope = this.scopeValue!;
    const bad = !!v.invalid?.type;
    return html`<div class="field">
        <label for="type-${id}">${t.documentType}</label>
        <select
          id="type-${id}"
          class="input"
          part="input"
          required
          ?disabled=${locked}
          aria-invalid=${bad ? 'true' : 'false'}
          aria-describedby=${bad ? `type-err-${id}` : nothing}
          @change=${(e: Event) => set({ typeId: (e.target as HTMLSelectElement).value, invalid: { ...v.invalid, type: false } })}
        >
          <option value="" ?selected=${!v.typeId}>${t.chooseType}</option>
          ${typeOptions(this.types, v.typeId)}
        </select>
        ${bad ? html`<span class="error" id="type-err-${id}">${t.typeRequired}</span>` : nothing}
      </div>
      <share-picker
        exportparts=${PICKER_PARTS}
        .client=${this.api}
        scope="${scope.kind}:${scope.id}"
        locale=${this.i18n.locale}
        .label=${t.sharedWith}
        .value=${v.shares}
        ?disabled=${locked}
        @change=${(e: Event) => set({ shares: (e.target as HTMLElement & { value: ShareTarget[] }).value })}
      ></share-picker>`;
  }

  private renderStatus(item: Item, pct: number) {
    const t = this.i18n.t.uploader;
    switch (item.status) {
      case 'uploading':
        return html`<div class="status">
          <div class="bar" part="progress" role="progressbar" aria-label=${item.file.name} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${Math.round(pct * 100)}>
            <span part="progress-fill" style="width:${(pct * 100).toFixed(1)}%"></span>
          </div>
          <span class="muted">${this.i18n.percent(pct)}</span>
          <button type="button" class="btn" part="button cancel" id="cancel-${item.key}" aria-label=${t.cancelUpload(item.file.name)} @click=${() => item.ctl?.abort()}>${this.i18n.t.common.cancel}</button>
        </div>`;
      case 'done':
        return html`<div class="status"><span class="ok">${check} ${t.uploaded}</span></div>`;
      case 'waiting':
        return html`<div class="status"><span class="muted">${t.waiting}</span></div>`;
      case 'error':
      case 'cancelled':
        return errorNotice(this.i18n, item.error, {
          alert: true,
          id: `retry-${item.key}`,
          off: this.disabled,
          retry: () => void this.retryItem(item),
          text: html`<span class="sr-only">${item.file.name}: </span>${item.status === 'error' ? `${t.failed}: ` : ''}${this.i18n.error(item.error)}`,
        });
      default:
        return nothing;
    }
  }

  /** Several files under way: one bar for all their bytes, and how many are published. */
  private renderOverall() {
    const b = this.batch;
    const total = b.reduce((n, i) => n + i.file.size, 0) || 1;
    const pct = b.reduce((n, i) => n + i.loaded, 0) / total;
    const text = this.i18n.t.uploader.overall(this.i18n.number(b.filter((i) => i.status === 'done').length), this.i18n.number(b.length));
    return html`<div class="status overall" part="overall">
      <div class="bar" role="progressbar" aria-label=${text} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${Math.round(pct * 100)}><span style="width:${(pct * 100).toFixed(1)}%"></span></div>
      <span class="muted">${text}</span>
    </div>`;
  }

  /** The type and recipients all files share (those without their own). */
  private renderShared() {
    const lead = this.lead!;
    const open = this.open.filter((i) => !i.own);
    const invalid = { type: open.some((i) => i.invalid?.type) };
    return html`<fieldset class="shared" part="shared">
      <legend>${this.i18n.t.uploader.forAll}</legend>
      ${this.renderChoice('all', { typeId: lead.typeId, shares: lead.shares, invalid }, this.disabled || open.length === 0, (patch) => this.setShared(patch))}
    </fieldset>`;
  }

  protected override render(): TemplateResult {
    const t = this.i18n.t.uploader;
    if (!this.api) return this.renderSignedOut();
    if (!this.scopeValue) return html`<p class="error" part="base">${this.i18n.t.common.noScope}</p>`;
    const pending = this.items.filter((i) => i.status !== 'done').length;
    // On touch screens there is nothing to drag from and no Ctrl+V: say "tap".
    const touch = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
    return html`<form class="wrap" part="base" novalidate @submit=${this.submit}>
      ${this.published.length
        ? html`<div class="success" part="success">
            ${heading(this.headingLevel, html`${check} ${this.successText()}`)}
            <ul>
              ${this.published.map((d) => html`<li>${d.title}</li>`)}
            </ul>
            <div><button type="button" class="btn" part="button" @click=${this.reset}>${t.uploadMore}</button></div>
          </div>`
        : nothing}
      ${renderResumeOffer(this.kept, t, () => void this.resumeKept(), () => void this.discardKept())}
      <button
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
        <span class="drop-title">${this.over ? t.dropActive : touch ? (this.single ? t.dropTouchOne : t.dropTouch) : this.single ? t.dropTitleOne : t.dropTitle}</span>
        <span class="drop-hint" id="drop-hint">${touch ? t.dropHintTouch : t.dropHint}</span>
      </button>
      <input type="file" tabindex="-1" aria-hidden="true" accept=${this.accept} ?multiple=${!this.single} @change=${this.onPicked} />
      ${this.typesError ? errorNotice(this.i18n, this.typesError, { alert: true, retry: () => void this.retryTypes() }) : nothing}
      ${this.rejections.map((r) => errorNotice(this.i18n, r, { alert: true, lead: t.rejected(r.name), text: r.message, dismiss: () => (this.rejections = this.rejections.filter((x) => x !== r)) }))}
      ${this.several && this.lead ? this.renderShared() : nothing}
      ${this.items.length
        ? html`<ul class="files" aria-label=${t.fileList}>
            ${repeat(this.items, (i) => i.key, (i) => this.renderItem(i))}
          </ul>`
        : nothing}
      ${this.busy && this.batch.length > 1 ? this.renderOverall() : nothing}
      ${pending
        ? html`<div class="actions">
            <button type="submit" class="btn primary end" part="button button--primary submit" ?disabled=${this.disabled} aria-disabled=${this.busy ? 'true' : nothing}>${t.submit(pending)}</button>
          </div>`
        : nothing}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </form>`;
  }
}
