import { html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { RecipientOption, Role, Scope, ShareTarget } from '@docportal/core-sdk';
import { scrollToRow, visibleRange } from '../../controllers/virtual-window.js';
import { ConnectedElement } from '../../internal/connected-element.js';
import { close, mail } from '../../internal/icons.js';
import { base } from '../../styles/tokens.js';
import { styles } from './share-picker.styles.js';

const ROW = 52; // px; matches --_row (3.25rem at 16px)
const SEARCH_DEBOUNCE = 150;
const RESOLVE_DEBOUNCE = 120;

export const targetKey = (t: ShareTarget): string =>
  t.kind === 'property' ? `property:${t.propertyId}:${[...t.roles].sort()}`
  : t.kind === 'address' ? `address:${t.addressId}:${[...t.roles].sort()}`
  : t.kind === 'unit' ? `unit:${t.unitId}:${[...t.roles].sort()}`
  : t.kind === 'group' ? `group:${t.groupId}`
  : `contact:${t.contactId}`;

/** Whether a target is the scope-wide role choice (offered as checkboxes, not as a chip). */
const isScopeRole = (t: ShareTarget, s: Scope | undefined) =>
  !!s && ((t.kind === 'property' && s.kind === 'property' && t.propertyId === s.id) || (t.kind === 'unit' && s.kind === 'unit' && t.unitId === s.id));

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
  private options: RecipientOption[] = [];
  private open = false;
  private active = -1;
  private searching = false;
  private count: number | undefined;
  private counting = false;
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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
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

  private add(o: RecipientOption): void {
    const key = targetKey(o.target);
    this.labels.set(key, o.label);
    if (!this.value.some((t) => targetKey(t) === key)) this.setValue([...this.value, o.target]);
    this.query = '';
    this.open = false;
    this.active = -1;
    this.input?.focus();
  }

  private removeTarget(t: ShareTarget): void {
    const key = targetKey(t);
    this.setValue(this.value.filter((x) => targetKey(x) !== key));
    this.input?.focus();
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
    const missing = this.value.filter((t) => !isScopeRole(t, scope) && !this.labels.has(targetKey(t)));
    if (!api || !scope || missing.length === 0) return;
    try {
      const found = await api.recipients.search({ scope, limit: 100, locale: this.i18n.locale });
      for (const o of found) this.labels.set(targetKey(o.target), o.label);
      const contacts = missing.filter((t) => t.kind === 'contact' && !this.labels.has(targetKey(t)));
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
    this.counting = true;
    this.resolveTimer = setTimeout(() => void this.resolve(), RESOLVE_DEBOUNCE);
  }

  private async resolve(): Promise<void> {
    const api = this.api;
    const scope = this.scopeValue;
    this.resolveCtl?.abort();
    if (!api || !scope) return;
    if (this.value.length === 0) {
      this.count = 0;
      this.counting = false;
      return;
    }
    const ctl = (this.resolveCtl = new AbortController());
    try {
      const r = await api.recipients.resolve({ scope, targets: this.value, signal: ctl.signal });
      if (ctl.signal.aborted) return;
      this.count = r.count;
    } catch {
      if (ctl.signal.aborted) return;
      this.count = undefined;
    }
    this.counting = false;
  }

  private onInput(e: InputEvent): void {
    // Typing a query is not a change of the value: only the picker's own `input` event leaves it.
    e.stopPropagation();
    this.query = (e.target as HTMLInputElement).value;
    this.open = true;
    this.scheduleSearch();
  }

  private scheduleSearch(delay = SEARCH_DEBOUNCE): void {
    clearTimeout(this.searchTimer);
    this.searching = true;
    this.searchTimer = setTimeout(() => void this.search(), delay);
  }

  /** Runs the search for the current query; an older answer never replaces a newer one. */
  private async search(): Promise<void> {
    const api = this.api;
    const scope = this.scopeValue;
    if (!api || !scope) return;
    this.searchCtl?.abort();
    const ctl = (this.searchCtl = new AbortController());
    const mine = ++this.latestSearch;
    try {
      const items = await api.recipients.search({ scope, q: this.query.trim(), limit: 100, locale: this.i18n.locale, signal: ctl.signal });
      if (mine !== this.latestSearch) return;
      this.options = items.filter((o) => !isScopeRole(o.target, scope));
      this.active = this.options.length ? 0 : -1;
      this.listScroll = 0;
      if (this.listbox) this.listbox.scrollTop = 0;
    } catch {
      if (mine !== this.latestSearch) return;
      this.options = [];
    }
    this.searching = false;
  }

  private onFocus(): void {
    if (!this.open && !this.off) {
      this.open = true;
      this.scheduleSearch(0);
    }
  }

  private onFocusOut(e: FocusEvent): void {
    if (!this.renderRoot.contains(e.relatedTarget as Node | null)) this.open = false;
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

  private onKeyDown(e: KeyboardEvent): void {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.open) this.onFocus();
        else this.moveActive(this.active + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        this.moveActive(this.active - 1);
        break;
      case 'PageDown':
        if (this.open) (e.preventDefault(), this.moveActive(this.active + 5));
        break;
      case 'PageUp':
        if (this.open) (e.preventDefault(), this.moveActive(this.active - 5));
        break;
      case 'Enter': {
        const o = this.open ? this.options[this.active] : undefined;
        // Enter picks the highlighted suggestion; it never submits the surrounding form meanwhile.
        if (o) {
          e.preventDefault();
          this.add(o);
        }
        break;
      }
      case 'Escape':
        if (this.open) {
          e.preventDefault();
          e.stopPropagation();
          this.open = false;
        } else if (this.query) {
          e.preventDefault();
          this.query = '';
        }
        break;
    }
  }

  private chipLabel(t: ShareTarget): string {
    const kind = this.i18n.t.picker.kind[t.kind];
    const known = this.labels.get(targetKey(t));
    if (known) return known;
    const id = t.kind === 'property' ? t.propertyId : t.kind === 'address' ? t.addressId : t.kind === 'unit' ? t.unitId : t.kind === 'group' ? t.groupId : t.contactId;
    return `${kind} ${id}`;
  }

  private renderListbox() {
    const p = this.i18n.t.picker;
    const list = this.listbox;
    const viewport = list?.clientHeight || ROW * 6.5;
    const r = visibleRange(this.options.length, ROW, this.listScroll, viewport);
    const rows = this.options.slice(r.start, r.end);
    return html`
      <ul
        class="listbox"
        part="listbox"
        id="${this.uid}-list"
        role="listbox"
        tabindex="-1"
        aria-label=${p.options}
        ?hidden=${!this.open || (!this.options.length && !this.searching && !this.query)}
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
            return html`<li
              class="option"
              part=${activeRow ? 'option option--active' : 'option'}
              id="${this.uid}-o${index}"
              role="option"
              aria-selected=${activeRow ? 'true' : 'false'}
              aria-setsize=${this.options.length}
              aria-posinset=${index + 1}
              @click=${() => this.add(o)}
            >
              <span class="option-text"><span class="option-label">${o.label}</span><span class="option-desc">${o.description}</span></span>
              <span class="option-count">${p.people(this.i18n.number(o.recipientCount), o.recipientCount)}</span>
            </li>`;
          },
        )}
        ${r.after ? html`<li role="presentation" style="height:${r.after}px"></li>` : nothing}
        ${!this.options.length ? html`<li class="status" role="presentation">${this.searching ? p.searching : p.noResults(this.query)}</li>` : nothing}
      </ul>
    `;
  }

  protected override render(): TemplateResult {
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
            @focus=${this.onFocus}
            @click=${this.onFocus}
          />
          ${this.renderListbox()}
          <span class="sr-only" role="status">${this.open && !this.searching ? (this.options.length ? p.results(this.i18n.number(this.options.length)) : this.query ? p.noResults(this.query) : '') : ''}</span>
        </div>
        ${chips.length
          ? html`<ul class="chips" part="chips" aria-label=${p.selected}>
              ${repeat(
                chips,
                targetKey,
                (t) => html`<li class="chip" part="chip">
                  <span class="chip-label">${this.chipLabel(t)}</span>
                  <button type="button" class="icon-btn" aria-label=${this.i18n.t.common.remove(this.chipLabel(t))} ?disabled=${this.off} @click=${() => this.removeTarget(t)}>${close}</button>
                </li>`,
              )}
            </ul>`
          : nothing}
        <p class="summary" part="summary" aria-live="polite">
          ${mail}
          <span>${this.counting && this.count === undefined ? p.counting : this.count === undefined ? '' : this.count === 0 ? p.summaryNone : (this.existing ? p.summaryExisting : p.summary)(this.i18n.number(this.count), this.count)}</span>
        </p>
      </fieldset>
    `;
  }
}
