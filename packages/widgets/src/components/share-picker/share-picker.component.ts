import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { RecipientOption, Role, ShareTarget } from '@docportal/core-sdk';
import { scrollToRow, visibleRange } from '../../controllers/virtual-window.js';
import { ConnectedElement } from '../../internal/connected-element.js';
import { check, close, mail, retry } from '../../internal/icons.js';
import { base } from '../../styles/tokens.js';
import { styles } from './share-picker.styles.js';
import { AUDIENCES, audienceOf, fold, idKey, isScopeRole, rolesOf, targetId, targetKey, type Audience } from './targets.js';

export { targetKey } from './targets.js';

const ROW = 52; // px; matches --_row (3.25rem at 16px)
const SEARCH_DEBOUNCE = 150;
const RESOLVE_DEBOUNCE = 120;

/** Suggestions shown at most; more matches ask for a narrower search. */
const CAP = 50;

let seq = 0;

/**
 * Chooses who may see a document: everyone of a role in the scope, and addresses, units, groups
 * or single people found by a search. Says live how many people that is and that they will be
 * e-mailed tomorrow. Form-associated: its form value is the JSON of the targets.
 *
 * @tagname share-picker
 * @summary Share targets for a document, with a live count of recipients.
 * @event input - The selection changed (as the user acts).
 * @event change - The selection changed (as the user acts).
 * @csspart base - The fieldset around everything.
 * @csspart roles - The role checkboxes.
 * @csspart input - The search field.
 * @csspart listbox - The list of suggestions.
 * @csspart option - One suggestion; `option--active` marks the highlighted one.
 * @csspart chips - The list of chosen recipients.
 * @csspart chip - One chosen recipient.
 * @csspart summary - The live line with the number of recipients.
 * @cssproperty [--doc-color-accent=#1d5fb4] - Accent (checkboxes, active option, chips).
 * @cssproperty [--doc-color-border=#8a93a3] - Borders of fields and the list.
 * @cssproperty [--doc-radius=6px] - Corner radius.
 */
export class SharePicker extends ConnectedElement {
  static formAssociated = true;
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = {
    value: { attribute: false },
    name: { reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    placeholder: {},
    label: {},
    existing: { type: Boolean },
    query: { state: true },
    options: { state: true },
    answered: { state: true },
    capped: { state: true },
    failed: { state: true },
    said: { state: true },
    open: { state: true },
    active: { state: true },
    searching: { state: true },
    count: { state: true },
    counting: { state: true },
    roleCounts: { state: true },
    listScroll: { state: true },
    formDisabled: { state: true },
  };

  /** The chosen targets; setting it replaces the selection (no events). */
  value: ShareTarget[] = [];
  /** Name of the form field; the form value is the JSON of `value`. */
  name = '';
  /** A form with this picker does not submit while nothing is chosen. */
  required = false;
  disabled = false;
  /** Placeholder of the search field. */
  placeholder?: string;
  /** Visible name of the whole control. @default "Geteilt mit" / "Shared with" */
  label?: string;
  /** The document exists already: only people newly added will be notified, and the live line says so. */
  existing = false;

  private query = '';
  /** The trimmed text the shown options answer; undefined while they only filter an older answer. */
  private answered: string | undefined;
  private options: RecipientOption[] = [];
  private capped = false;
  private failed: unknown;
  private open = false;
  /** The option the person highlighted with the arrow keys; -1 until they do. */
  private active = -1;
  private searching = false;
  private count: number | undefined;
  private counting = false;
  /** The live region's text: settled counts only, after the person changed the selection. */
  private said = '';
  private roleCounts: Partial<Record<Role, number>> = {};
  private listScroll = 0;
  private formDisabled = false;

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('input[role="combobox"]');
  }
  private get listbox(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.listbox');
  }

  private readonly internals: ElementInternals;
  private readonly labels = new Map<string, string>();
  private readonly uid = `sp${++seq}`;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private resolveTimer?: ReturnType<typeof setTimeout>;
  private searchCtl?: AbortController;
  private resolveCtl?: AbortController;
  private latestSearch = 0;
  private loadedScope = '';
  /** Arrow and Enter keys pressed before the answer to the current text arrived, replayed on it. */
  private waiting: Array<'down' | 'up' | 'enter'> = [];
  /** A pointer is down outside the picker: closing waits until its click is done. */
  private pointerDown = false;
  private closeOnRelease = false;
  /** The selection was changed by the person: settled counts are announced from then on. */
  private touched = false;
  private readonly onPointerDown = (): void => void (this.pointerDown = true);
  private readonly onPointerUp = (): void => {
    this.pointerDown = false;
    // After the click of this release (dispatched in the same task), never before it.
    if (this.closeOnRelease) setTimeout(() => ((this.closeOnRelease = false), this.close()));
  };

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** The form this picker belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  formResetCallback(): void {
    this.value = [];
  }
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }
  formStateRestoreCallback(state: string | File | FormData | null): void {
    try {
      if (typeof state === 'string') this.value = JSON.parse(state) as ShareTarget[];
    } catch {
      // A state we did not write: ignore it.
    }
  }

  override focus(options?: FocusOptions): void {
    (this.renderRoot.querySelector<HTMLElement>('input') ?? this).focus(options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('pointerdown', this.onPointerDown, true);
    addEventListener('pointerup', this.onPointerUp, true);
    addEventListener('pointercancel', this.onPointerUp, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pointerdown', this.onPointerDown, true);
    removeEventListener('pointerup', this.onPointerUp, true);
    removeEventListener('pointercancel', this.onPointerUp, true);
    this.searchCtl?.abort();
    this.resolveCtl?.abort();
    clearTimeout(this.searchTimer);
    clearTimeout(this.resolveTimer);
  }

  private get off(): boolean {
    return this.disabled || this.formDisabled;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) {
      this.internals.setFormValue(JSON.stringify(this.value));
      this.scheduleResolve();
      void this.loadLabels();
    }
    const scope = this.scopeValue;
    const key = scope && this.api ? `${scope.kind}:${scope.id}:${this.i18n.locale}` : '';
    if (key && key !== this.loadedScope) {
      this.loadedScope = key;
      void this.loadRoleCounts();
      this.scheduleResolve();
    }
  }

  protected override updated(): void {
    // After render, so that the search field exists as the anchor of the validation bubble.
    const missing = this.required && this.value.length === 0;
    this.internals.setValidity(missing ? { valueMissing: true } : {}, missing ? this.i18n.t.picker.required : '', this.input ?? undefined);
  }

  /** The roles chosen for the whole scope. */
  private get scopeRoles(): Role[] {
    const s = this.scopeValue;
    const t = this.value.find((x) => isScopeRole(x, s));
    return t && 'roles' in t ? t.roles : [];
  }

  private setValue(next: ShareTarget[]): void {
    this.touched = true;
    this.value = next;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private toggleRole(role: Role, on: boolean): void {
    const s = this.scopeValue;
    if (!s) return;
    const roles = new Set(this.scopeRoles);
    if (on) roles.add(role);
    else roles.delete(role);
    const rest = this.value.filter((x) => !isScopeRole(x, s));
    const ordered = (['tenant', 'owner'] as const).filter((r) => roles.has(r));
    const scopeTarget: ShareTarget[] = ordered.length === 0 ? [] : s.kind === 'property' ? [{ kind: 'property', propertyId: s.id, roles: ordered }] : [{ kind: 'unit', unitId: s.id, roles: ordered }];
    this.setValue([...scopeTarget, ...rest]);
  }

  private chosen(o: RecipientOption): boolean {
    const key = idKey(o.target);
    return this.value.some((t) => idKey(t) === key);
  }

  /** Adds an option, or takes it away when it is chosen already (the list shows it checked). */
  private toggle(o: RecipientOption): void {
    const key = idKey(o.target);
    this.labels.set(key, o.label);
    this.setValue(this.chosen(o) ? this.value.filter((t) => idKey(t) !== key) : [...this.value, o.target]);
    this.query = '';
    this.answered = undefined;
    this.options = [];
    this.close();
    this.input?.focus();
  }

  private removeTarget(t: ShareTarget): void {
    const key = targetKey(t);
    this.setValue(this.value.filter((x) => targetKey(x) !== key));
    this.input?.focus();
  }

  private setAudience(t: ShareTarget, audience: Audience): void {
    const key = targetKey(t);
    this.setValue(this.value.map((x) => (targetKey(x) === key && 'roles' in x ? { ...x, roles: rolesOf(audience) } : x)));
  }

  private async loadRoleCounts(): Promise<void> {
    const api = this.api;
    const scope = this.scopeValue;
    if (!api || !scope) return;
    try {
      const items = await api.recipients.search({ scope, limit: 3, locale: this.i18n.locale });
      const counts: Partial<Record<Role, number>> = {};
      for (const o of items) if (isScopeRole(o.target, scope) && 'roles' in o.target && o.target.roles.length === 1) counts[o.target.roles[0]!] = o.recipientCount;
      this.roleCounts = counts;
    } catch {
      this.roleCounts = {};
    }
  }

  /** Labels for targets set from outside (an existing document's shares). */
  private async loadLabels(): Promise<void> {
    const api = this.api;
    const scope = this.scopeValue;
    const missing = this.value.filter((t) => !isScopeRole(t, scope) && !this.labels.has(idKey(t)));
    if (!api || !scope || missing.length === 0) return;
    try {
      const found = await api.recipients.search({ scope, limit: 100, locale: this.i18n.locale });
      for (const o of found) this.labels.set(idKey(o.target), o.label);
      const contacts = missing.filter((t) => t.kind === 'contact' && !this.labels.has(idKey(t)));
      if (contacts.length) {
        const r = await api.recipients.resolve({ scope, targets: contacts });
        for (const c of r.contacts) this.labels.set(`contact:${c.id}`, c.name);
      }
      this.requestUpdate();
    } catch {
      // Chips then show the kind and id; nothing is lost.
    }
  }

  private scheduleResolve(): void {
    clearTimeout(this.resolveTimer);
    this.resolveCtl?.abort();
    this.counting = true;
    this.resolveTimer = setTimeout(() => void this.resolve(), RESOLVE_DEBOUNCE);
  }

  /** Counts the current selection; only the answer for it settles the line (and is announced once). */
  private async resolve(): Promise<void> {
    const api = this.api;
    const scope = this.scopeValue;
    if (!api || !scope) return;
    const ctl = (this.resolveCtl = new AbortController());
    try {
      this.count = this.value.length === 0 ? 0 : (await api.recipients.resolve({ scope, targets: this.value, signal: ctl.signal })).count;
    } catch {
      if (ctl.signal.aborted) return;
      this.count = undefined;
    }
    if (ctl.signal.aborted) return;
    this.counting = false;
    if (this.touched) this.said = this.summaryText();
  }

  private summaryText(): string {
    const p = this.i18n.t.picker;
    const n = this.count;
    return n === undefined ? '' : n === 0 ? p.summaryNone : (this.existing ? p.summaryExisting : p.summary)(this.i18n.number(n), n);
  }

  private onInput(e: InputEvent): void {
    // Typing a query is not a change of the value: only the picker's own `input` event leaves it.
    e.stopPropagation();
    this.query = (e.target as HTMLInputElement).value;
    // What no longer answers the text goes at once; the highlight and any waiting keys go with it.
    const needle = fold(this.query.trim());
    this.options = this.options.filter((o) => fold(o.label).includes(needle));
    this.answered = undefined;
    this.capped = false;
    this.failed = undefined;
    this.active = -1;
    this.waiting = [];
    this.open = true;
    this.scheduleSearch();
  }

  /** Whether the shown options are the answer to the text in the field. */
  private get current(): boolean {
    return this.answered === this.query.trim() && !this.failed;
  }

  private scheduleSearch(delay = SEARCH_DEBOUNCE): void {
    clearTimeout(this.searchTimer);
    this.searching = true;
    this.searchTimer = setTimeout(() => void this.search(), delay);
  }

  /** Runs the search for the current text; an answer to any other text is never shown. */
  private async search(): Promise<void> {
    const api = this.api;
    const scope = this.scopeValue;
    if (!api || !scope) return;
    this.searchCtl?.abort();
    const ctl = (this.searchCtl = new AbortController());
    const mine = ++this.latestSearch;
    const q = this.query.trim();
    try {
      // The scope's own role choices come first and are not offered in the list: ask for them too.
      const items = await api.recipients.search({ scope, q, limit: CAP + 4, locale: this.i18n.locale, signal: ctl.signal });
      if (mine !== this.latestSearch || q !== this.query.trim()) return;
      const found = items.filter((o) => !isScopeRole(o.target, scope));
      this.options = found.slice(0, CAP);
      this.capped = found.length > CAP || items.length === CAP + 4;
      this.answered = q;
      this.failed = undefined;
      this.listScroll = 0;
      if (this.listbox) this.listbox.scrollTop = 0;
    } catch (error) {
      if (mine !== this.latestSearch) return;
      this.options = [];
      this.failed = error;
    }
    this.searching = false;
    const keys = this.failed ? [] : this.waiting;
    this.waiting = [];
    for (const k of keys) this.onKey(k);
  }

  private retrySearch(): void {
    this.failed = undefined;
    this.open = true;
    this.input?.focus();
    this.scheduleSearch(0);
  }

  /** Opens the list for the current text, asking for its answer when there is none yet. */
  private openList(): void {
    this.open = true;
    if (!this.current && !this.searching) this.scheduleSearch(0);
  }

  private close(): void {
    this.open = false;
    this.active = -1;
    this.waiting = [];
  }

  private onFocusOut(e: FocusEvent): void {
    if (this.renderRoot.contains(e.relatedTarget as Node | null)) return;
    // A press outside: the list goes once the click is over, so nothing moves under the pointer.
    if (this.pointerDown) this.closeOnRelease = true;
    else this.close();
  }

  private moveActive(to: number): void {
    if (!this.options.length) return;
    this.active = Math.max(0, Math.min(this.options.length - 1, to));
    const list = this.listbox;
    if (list) {
      const top = scrollToRow(this.active, ROW, list.scrollTop, list.clientHeight);
      if (top !== undefined) {
        list.scrollTop = top;
        this.listScroll = top;
      }
    }
  }

  /** One navigation key, on options that answer the current text. */
  private onKey(k: 'down' | 'up' | 'enter'): void {
    if (k === 'down') this.moveActive(this.active + 1);
    else if (k === 'up') this.moveActive(this.active < 0 ? this.options.length - 1 : this.active - 1);
    else if (this.active >= 0 && this.options[this.active]) this.toggle(this.options[this.active]!);
  }

  private onKeyDown(e: KeyboardEvent): void {
    const ready = this.open && this.current;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        const k = e.key === 'ArrowDown' ? 'down' : 'up';
        this.openList();
        // Alt+ArrowDown only shows the list; a plain arrow highlights, now or when the answer comes.
        if (e.altKey) break;
        if (this.current) this.onKey(k);
        else this.waiting.push(k);
        break;
      }
      case 'PageDown':
      case 'PageUp':
        if (ready && this.active >= 0) (e.preventDefault(), this.moveActive(this.active + (e.key === 'PageDown' ? 5 : -5)));
        break;
      case 'Enter':
        // Only an option the person highlighted for this text; otherwise Enter is the page's.
        if (ready && this.active >= 0) {
          e.preventDefault();
          this.onKey('enter');
        } else if (this.open && this.waiting.length) {
          e.preventDefault();
          this.waiting.push('enter');
        }
        break;
      case 'Escape':
        if (this.open) {
          e.preventDefault();
          e.stopPropagation();
          this.close();
        } else if (this.query) {
          e.preventDefault();
          this.query = '';
          this.answered = undefined;
          this.options = [];
        }
        break;
    }
  }

  private chipLabel(t: ShareTarget): string {
    return this.labels.get(idKey(t)) ?? `${this.i18n.t.picker.kind[t.kind]} ${targetId(t)}`;
  }

  private renderListbox() {
    const p = this.i18n.t.picker;
    const list = this.listbox;
    const viewport = list?.clientHeight || ROW * 6.5;
    const r = visibleRange(this.options.length, ROW, this.listScroll, viewport);
    const rows = this.options.slice(r.start, r.end);
    const shown = this.open && !this.failed && (this.options.length > 0 || (this.current && !!this.query.trim()));
    return html`
      <ul
        class="listbox"
        part="listbox"
        id="${this.uid}-list"
        role="listbox"
        tabindex="-1"
        aria-multiselectable="true"
        aria-label=${p.options}
        aria-busy=${this.current ? 'false' : 'true'}
        ?hidden=${!shown}
        @scroll=${(e: Event) => (this.listScroll = (e.target as HTMLElement).scrollTop)}
        @mousedown=${(e: Event) => e.preventDefault()}
      >
        ${r.before ? html`<li role="presentation" style="height:${r.before}px"></li>` : nothing}
        ${repeat(
          rows,
          (o) => targetKey(o.target),
          (o, i) => {
            const index = r.start + i;
            const activeRow = index === this.active;
            const on = this.chosen(o);
            return html`<li
              class="option ${activeRow ? 'active' : ''}"
              part=${activeRow ? 'option option--active' : 'option'}
              id="${this.uid}-o${index}"
              role="option"
              aria-selected=${on ? 'true' : 'false'}
              aria-setsize=${this.options.length}
              aria-posinset=${index + 1}
              @click=${() => this.toggle(o)}
            >
              <span class="option-check">${on ? check : nothing}</span>
              <span class="option-text"><span class="option-label">${o.label}</span><span class="option-desc">${o.description}</span></span>
              <span class="option-count">${p.people(this.i18n.number(o.recipientCount), o.recipientCount)}</span>
            </li>`;
          },
        )}
        ${r.after ? html`<li role="presentation" style="height:${r.after}px"></li>` : nothing}
        ${!this.options.length ? html`<li class="status" role="presentation">${this.current ? p.noResults(this.query.trim()) : p.searching}</li>` : nothing}
      </ul>
      ${this.open && this.current && this.capped ? html`<p class="list-note" part="list-note">${p.capped(this.i18n.number(CAP))}</p>` : nothing}
      ${this.open && this.failed
        ? html`<div class="list-note failed" part="list-note" role="alert">
            <span>${p.searchFailed} ${this.i18n.error(this.failed)}</span>
            <button type="button" class="btn" @click=${this.retrySearch}>${retry} ${this.i18n.t.common.retry}</button>
          </div>`
        : nothing}
    `;
  }

  private resultsText(): string {
    const p = this.i18n.t.picker;
    if (!this.open || !this.current) return '';
    if (!this.options.length) return this.query.trim() ? p.noResults(this.query.trim()) : '';
    return `${p.results(this.i18n.number(this.options.length))}${this.capped ? ` ${p.capped(this.i18n.number(CAP))}` : ''}`;
  }

  private renderChip(t: ShareTarget) {
    const p = this.i18n.t.picker;
    const label = this.chipLabel(t);
    return html`<li class="chip" part="chip">
      <span class="chip-label">${label}</span>
      <span class="chip-kind">· ${p.kind[t.kind]}${'roles' in t ? ' ·' : ''}</span>
      ${'roles' in t
        ? html`<select class="chip-audience" aria-label=${p.audienceOf(label)} ?disabled=${this.off} @input=${(e: Event) => e.stopPropagation()} @change=${(e: Event) => (e.stopPropagation(), this.setAudience(t, (e.target as HTMLSelectElement).value as Audience))}>
            ${AUDIENCES.map((a) => html`<option value=${a} ?selected=${audienceOf(t.roles) === a}>${p.audience[a]}</option>`)}
          </select>`
        : nothing}
      <button type="button" class="icon-btn" aria-label=${this.i18n.t.common.remove(label)} ?disabled=${this.off} @click=${() => this.removeTarget(t)}>${close}</button>
    </li>`;
  }

  protected override render() {
    const p = this.i18n.t.picker;
    const scope = this.scopeValue;
    if (!scope) return html`<p class="error" part="base">${this.i18n.t.common.noScope}</p>`;
    const roles = this.scopeRoles;
    const chips = this.value.filter((t) => !isScopeRole(t, scope));
    const activeId = this.open && this.active >= 0 ? `${this.uid}-o${this.active}` : nothing;
    const roleBox = (role: Role, text: string) => html`<label class="role">
      <input type="checkbox" .checked=${roles.includes(role)} ?disabled=${this.off} @input=${(e: Event) => e.stopPropagation()} @change=${(e: Event) => this.toggleRole(role, (e.target as HTMLInputElement).checked)} />
      <span>${text}${this.roleCounts[role] !== undefined ? html` <span class="count">(${this.i18n.number(this.roleCounts[role]!)})</span>` : nothing}</span>
    </label>`;
    return html`
      <fieldset part="base" ?disabled=${this.off} @focusout=${this.onFocusOut}>
        <legend>${this.label ?? this.i18n.t.uploader.sharedWith}${this.required ? html` <span class="muted">${p.requiredMark}</span>` : nothing}</legend>
        <div class="roles" part="roles" role="group" aria-label=${p.roles}>${roleBox('tenant', p.tenants)} ${roleBox('owner', p.owners)}</div>
        <div class="field combo">
          <label for="${this.uid}-q">${p.search}</label>
          <input
            id="${this.uid}-q"
            class="input"
            part="input"
            type="text"
            role="combobox"
            autocomplete="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-expanded=${this.open ? 'true' : 'false'}
            aria-controls="${this.uid}-list"
            aria-activedescendant=${activeId}
            placeholder=${this.placeholder ?? p.placeholder}
            .value=${this.query}
            ?disabled=${this.off}
            @input=${this.onInput}
            @keydown=${this.onKeyDown}
          />
          ${this.renderListbox()}
          <span class="sr-only" role="status">${this.resultsText()}</span>
        </div>
        ${chips.length ? html`<ul class="chips" part="chips" aria-label=${p.selected}>${repeat(chips, targetKey, (t) => this.renderChip(t))}</ul>` : nothing}
        <p class="summary" part="summary">${mail}<span>${this.counting ? p.counting : this.summaryText()}</span></p>
        <span class="sr-only" role="status">${this.said}</span>
      </fieldset>
    `;
  }
}
