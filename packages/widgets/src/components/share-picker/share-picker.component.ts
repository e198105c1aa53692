import {
  html,
  isServer,
  nothing,
  type PropertyValues,
  type PropertyDeclarations,
  type TemplateResult,
} from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { RecipientOption, Role, ShareTarget } from '@docportal/core-sdk';
import { Latest } from '../../controllers/latest.js';
import { listResize, rowHeight } from '../../controllers/virtual-window.js';
import { ConnectedElement } from '../../internal/connected-element.js';
import { state } from '../../internal/doc-element.js';
import { errorNotice } from '../../internal/error-notice.js';
import { mail } from '../../internal/icons.js';
import { base } from '../../styles/tokens.js';
import { loadLabels, renderChip } from './share-picker.chips.js';
import { scheduleResolve, summaryText } from './share-picker.count.js';
import { CAP, type Picker } from './share-picker.internals.js';
import { renderListbox, resultsText } from './share-picker.listbox.js';
import { loadRoleCounts, renderRole } from './share-picker.roles.js';
import { styles } from './share-picker.styles.js';
import { RecipientCombobox } from './combobox.js';
import { idKey, isScopeRole, rolesOf, targetKey, type Audience } from './targets.js';

export { targetKey } from './targets.js';

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
 * @csspart checkbox - One role checkbox.
 * @csspart input - The search field.
 * @csspart listbox - The list of suggestions.
 * @csspart option - One suggestion; `option--active` marks the highlighted one (`aria-selected` marks chosen ones).
 * @csspart list-note - The line under the list when results are capped, and the notice of a failed search.
 * @csspart notice - The notice of a failed search or count: the shared error notice (also `error`), with its `retry` button.
 * @csspart error - The same notice (the part every element's error notice has).
 * @csspart chips - The list of chosen recipients.
 * @csspart chip - One chosen recipient.
 * @csspart chip-remove - The remove button of a chip.
 * @csspart summary - The line with the number of recipients (its settled value is announced).
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
    liveText: state,
    count: state,
    counting: state,
    countError: state,
    roleCounts: state,
    formDisabled: state,
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

  private count: number | undefined;
  private counting = false;
  /** Why the last count failed (its notice replaces the count line until a count settles). */
  private countError: unknown;
  /** The live region's text: settled counts only, after the person changed the selection. */
  private liveText = '';
  private roleCounts: Partial<Record<Role, number>> = {};
  private formDisabled = false;

  private get input(): HTMLInputElement | null {
    return this.$<HTMLInputElement>('input[role="combobox"]');
  }
  private get listbox(): HTMLElement | null {
    return this.$('.listbox');
  }

  private readonly internals: ElementInternals;
  private readonly labels = new Map<string, string>();
  private readonly uid = `sp${++seq}`;
  private resolveTimer?: ReturnType<typeof setTimeout>;
  private readonly loads = new Latest();
  private loadedScope = '';
  private readonly combo = new RecipientCombobox(this, {
    search: (text, signal) => this.searchFor(text, signal),
    list: () => this.listbox,
    row: () => this.measure(),
    pick: (o) => this.toggle(o),
  });

  /** An option's height in CSS px, measured (options are 3.25rem); 52 until one is there. */
  private rowPx = 52;
  private measure(): number {
    return (this.rowPx = rowHeight(this.$('.option'), this.rowPx));
  }
  /** The options are measured when the list is first laid out with them and when the text size changes: the window follows. */
  private readonly watchList = listResize(() => {
    const before = this.rowPx;
    if (this.measure() !== before) this.requestUpdate();
  });
  /** A pointer is down outside the picker: closing waits until its click is done. */
  private pointerDown = false;
  private closeOnRelease = false;
  /** The selection was changed by the person: settled counts are announced from then on. */
  private touched = false;
  private readonly onPointerDown = (): void => void (this.pointerDown = true);
  private readonly onPointerUp = (): void => {
    this.pointerDown = false;
    // After the click of this release (dispatched in the same task), never before it.
    if (this.closeOnRelease) setTimeout(() => ((this.closeOnRelease = false), this.combo.close()));
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
    (this.$('input') ?? this).focus(options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A press anywhere on the page may close the list: there is no page on the server.
    if (isServer) return;
    addEventListener('pointerdown', this.onPointerDown, true);
    addEventListener('pointerup', this.onPointerUp, true);
    addEventListener('pointercancel', this.onPointerUp, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (isServer) return;
    removeEventListener('pointerdown', this.onPointerDown, true);
    removeEventListener('pointerup', this.onPointerUp, true);
    removeEventListener('pointercancel', this.onPointerUp, true);
    this.loads.abort('count');
    clearTimeout(this.resolveTimer);
  }

  private get off(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** Another user, or a retry after a refusal: drop every answer (the chosen targets stay; their labels load again). */
  protected override resetSession(sameUser: boolean): void {
    // (The session aborts the searches and counts still on their way.)
    this.combo.reset(sameUser);
    this.labels.clear();
    this.roleCounts = {};
    this.count = this.countError = undefined;
    this.counting = false;
    this.loadedScope = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const picker = this as unknown as Picker;
    if (changed.has('value')) {
      this.internals.setFormValue(JSON.stringify(this.value));
      scheduleResolve(picker);
      void loadLabels(picker);
    }
    const scope = this.scopeValue;
    const key = scope && this.api ? `${scope.kind}:${scope.id}:${this.i18n.locale}` : '';
    if (key && key !== this.loadedScope) {
      this.loadedScope = key;
      void loadRoleCounts(picker);
      void loadLabels(picker);
      scheduleResolve(picker);
    }
  }

  protected override updated(): void {
    this.watchList(this.listbox);
    // After render, so that the search field exists as the anchor of the validation bubble.
    const missing = this.required && this.value.length === 0;
    this.internals.setValidity(
      missing ? { valueMissing: true } : {},
      missing ? this.i18n.t.picker.required : '',
      this.input ?? undefined,
    );
  }

  private setValue(next: ShareTarget[]): void {
    this.touched = true;
    this.value = next;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
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
    this.combo.clear();
    this.input?.focus();
  }

  private removeTarget(t: ShareTarget): void {
    const key = targetKey(t);
    this.setValue(this.value.filter((x) => targetKey(x) !== key));
    this.input?.focus();
  }

  private setAudience(t: ShareTarget, audience: Audience): void {
    const key = targetKey(t);
    this.setValue(
      this.value.map((x) => (targetKey(x) === key && 'roles' in x ? { ...x, roles: rolesOf(audience) } : x)),
    );
  }

  private onInput(e: InputEvent): void {
    // Typing a query is not a change of the value: only the picker's own `input` event leaves it.
    e.stopPropagation();
    this.combo.input((e.target as HTMLInputElement).value);
  }

  /** The options for `text`, without the scope's own role choices (those are the checkboxes). */
  private async searchFor(text: string, signal: AbortSignal) {
    const api = this.api;
    const scope = this.scopeValue;
    if (!api || !scope) return { options: [], capped: false };
    // The role choices come first and count toward the limit: ask for them on top of the cap.
    const items = await api.recipients.search({
      scope,
      q: text,
      limit: CAP + 4,
      locale: this.i18n.locale,
      signal,
    });
    const found = items.filter((o) => !isScopeRole(o.target, scope));
    return { options: found.slice(0, CAP), capped: found.length > CAP || items.length === CAP + 4 };
  }

  private retrySearch(): void {
    this.combo.retry();
    this.input?.focus();
  }

  private onFocusOut(e: FocusEvent): void {
    // Only the notice under the list (its "try again") keeps it open; a chip or a checkbox does not.
    const to = e.relatedTarget as Element | null;
    if (to === this.input || to?.closest('.notice')) return;
    // A press outside: the list goes once the click is over, so nothing moves under the pointer.
    if (this.pointerDown) this.closeOnRelease = true;
    else this.combo.close();
  }

  /** The search field (a combobox, WAI-ARIA APG's list autocomplete) and its suggestions. */
  private renderSearch() {
    const p = this.i18n.t.picker;
    const c = this.combo;
    const activeId = c.open && c.active >= 0 ? `${this.uid}-o${c.active}` : nothing;
    const picker = this as unknown as Picker;
    return html`<div class="field combo">
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
        aria-expanded=${c.open ? 'true' : 'false'}
        aria-controls="${this.uid}-list"
        aria-activedescendant=${activeId}
        placeholder=${this.placeholder ?? p.placeholder}
        .value=${c.query}
        ?disabled=${this.off}
        @input=${this.onInput}
        @keydown=${(e: KeyboardEvent) => c.onKeyDown(e)}
      />
      ${renderListbox(picker)}
      <span class="sr-only" role="status">${resultsText(picker)}</span>
    </div>`;
  }

  protected override render(): TemplateResult {
    const p = this.i18n.t.picker;
    const scope = this.scopeValue;
    if (!this.api) return this.renderSignedOut();
    if (!scope) return html`<p class="error" part="base">${this.i18n.t.common.noScope}</p>`;
    const chips = this.value.filter((t) => !isScopeRole(t, scope));
    const picker = this as unknown as Picker;
    return html`
      <fieldset part="base" ?disabled=${this.off} @focusout=${this.onFocusOut}>
        <legend>
          ${this.label ?? this.i18n.t.uploader.sharedWith}${this.required ? html` <span class="muted">${p.requiredMark}</span>` : nothing}
        </legend>
        <div class="roles" part="roles" role="group" aria-label=${p.roles}>
          ${renderRole(picker, 'tenant', p.tenants)} ${renderRole(picker, 'owner', p.owners)}
        </div>
        ${this.renderSearch()}
        ${
          chips.length
            ? html`<ul class="chips" part="chips" aria-label=${p.selected}>
                ${repeat(chips, targetKey, (t) => renderChip(picker, t))}
              </ul>`
            : nothing
        }
        ${
          this.countError
            ? html`<div class="failed">
                ${errorNotice(this.i18n, this.countError, { alert: true, lead: p.countFailed, retry: () => scheduleResolve(picker) })}
              </div>`
            : html`<p class="summary" part="summary">
                ${mail}<span
                  class="stack"
                  data-counting=${p.counting}
                  data-settled=${summaryText(picker, picker.count || 10)}
                  ><span>${this.counting ? p.counting : summaryText(picker)}</span></span
                >
              </p>`
        }
        <span class="sr-only" role="status">${this.liveText}</span>
      </fieldset>
    `;
  }
}
