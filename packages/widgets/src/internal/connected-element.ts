import { html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { DocPortalClient, DocPortalError, Locale, Scope, TokenSource } from '@docportal/core-sdk';
import { DocBus, docContext, type DocContext } from '../context/doc-context.js';
import { LocalizeController } from '../controllers/localize.js';
import type { DocAuthRequiredDetail } from '../events/auth-events.js';
import { ClientFromAttributes, scopeOf } from './connection.js';
import { DocElement, state } from './doc-element.js';
import { Session } from './session.js';

/**
 * An element that talks to the API: it takes client, scope and locale from a surrounding
 * `<doc-provider>`, or works standalone with its own `client` / `base-url` + `token`. Each may
 * be set or changed at any time.
 *
 * The signed-in identity is the client (the one given, or the one made from base URL and
 * token). When it changes, the session ends before the next render: its reads are aborted, its
 * late answers dropped, and `resetSession` forgets what was loaded. Without a client the element
 * waits, not signed in, and requests nothing. A 401 fires `doc-auth-required`.
 *
 * @event doc-auth-required - `{ error, retry }` the API refused the token (401); cancelable. Not canceled, the element loads once more; canceled, it waits until a new token or client, or `retry()`.
 *
 * Every one reads the theming tokens (themes.css sets them per theme):
 * @cssproperty [--doc-color-accent=#1d5fb4] - Primary buttons, progress, checkboxes, the selected row's edge.
 * @cssproperty [--doc-color-accent-contrast=#ffffff] - Text on the accent.
 * @cssproperty [--doc-color-text=#1c1f24] - Text.
 * @cssproperty [--doc-color-muted=#5a6270] - Secondary text, hints and placeholders.
 * @cssproperty [--doc-color-surface=#ffffff] - Background of fields, cards and the tree.
 * @cssproperty [--doc-color-subtle=#f3f5f8] - Hover, the drop zone, quiet backgrounds.
 * @cssproperty [--doc-color-border=#6b7380] - Borders of fields, buttons and the drop zone.
 * @cssproperty [--doc-color-danger=#b3261e] - Refusals, errors and delete buttons.
 * @cssproperty [--doc-color-success=#1e7b34] - The published state.
 * @cssproperty [--doc-color-focus=var(--doc-color-accent)] - The focus outline.
 * @cssproperty [--doc-focus-ring=none] - A box-shadow added to the focus outline.
 * @cssproperty [--doc-radius=6px] - Corner radius.
 * @cssproperty [--doc-space-xs=0.25rem] - Smallest gap (label to field).
 * @cssproperty [--doc-space-s=0.5rem] - Gaps between buttons and chips.
 * @cssproperty [--doc-space-m=0.75rem] - Gaps between fields and cards, paddings.
 * @cssproperty [--doc-space-l=1rem] - Gaps between sections.
 * @cssproperty [--doc-font-family=system-ui] - Type.
 * @cssproperty [--doc-font-size=1rem] - Base size; everything scales with it and with the root font size.
 */
export class ConnectedElement extends DocElement {
  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    baseUrl: { attribute: 'base-url' },
    token: {},
    scope: {},
    locale: {},
    ctx: state,
  };

  /** An SDK client; wins over `base-url`/`token` and over the provider's. */
  client?: DocPortalClient;
  /** Base URL of the API when standalone, e.g. `/api/v1`. */
  baseUrl?: string;
  /** Bearer token: a string, or (as a property) a function returning one. Without one the element waits, not signed in. */
  token?: TokenSource;
  /** `property:<id>` or `unit:<id>`; defaults to the provider's. */
  scope?: string;
  /** `de` or `en`; defaults to the provider's, then the nearest `lang`, then `de`. */
  locale?: string;

  protected ctx?: DocContext;

  // A controller rather than the `@consume` decorator, which would bring the decorator and its
  // helper into every bundle for the same thing. The first controller, as the decorator's was.
  private readonly consumer = new ContextConsumer(this, {
    context: docContext,
    callback: (value) => (this.ctx = value),
    subscribe: true,
  });

  protected readonly i18n = new LocalizeController(this);
  private readonly own = new ClientFromAttributes();
  private readonly ownBus = new DocBus();
  private readonly session = new Session((error, read) => this.refused(error, read));
  /** The identity the current session belongs to. */
  private signedIn?: DocPortalClient;
  /** A refused load of this identity was retried already. */
  private retried = false;
  /** A `doc-auth-required` was canceled: waiting for a new token or `retry()`. */
  private waiting = false;

  get contextLocale(): Locale | undefined {
    return this.ctx?.locale;
  }

  /**
   * The signed-in client (the identity): the element's own `client`; else one made from its
   * `base-url` and `token`, each falling back to the provider's; else the provider's client.
   */
  protected get identity(): DocPortalClient | undefined {
    if (this.client) return this.client;
    if (this.baseUrl || this.token)
      return this.own.get(this.baseUrl ?? this.ctx?.baseUrl, this.token ?? this.ctx?.token);
    return this.ctx?.client;
  }

  /** The client to use, or undefined while nobody is signed in. Its answers land only while the session lasts. */
  protected get api(): DocPortalClient | undefined {
    const raw = this.waiting ? undefined : this.identity;
    return raw && this.session.api(raw);
  }

  /** The scope to work in, or undefined when none (or a malformed one) is set. */
  protected get scopeValue(): Scope | undefined {
    return this.scope ? scopeOf(this.scope) : this.ctx?.scope;
  }

  protected get bus(): DocBus {
    return this.ctx?.bus ?? this.ownBus;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const identity = this.identity;
    if (identity !== this.signedIn) {
      this.signedIn = identity;
      this.retried = this.waiting = false;
      this.session.restart();
      this.resetSession(false);
    }
  }

  /**
   * Forgets every answer of the session that ended, so that the next render shows none of it,
   * and makes the element load again. Called before that render: with `sameUser` false when
   * the identity changed (drop also what the previous user entered), true when a refused load
   * is retried. Elements override it; the default does nothing.
   */
  protected resetSession(_sameUser: boolean): void {}

  /** Loads again with the current token or client; with `wait`, only once a new one comes or `retry()` is called. */
  private retry(wait = false): void {
    this.waiting = wait;
    this.session.restart();
    this.resetSession(true);
    this.requestUpdate();
  }

  /** The API refused the credentials: asks the page, then retries once, waits, or lets the refusal show. */
  private refused(error: DocPortalError, read: boolean): boolean {
    if (this.waiting) return read;
    const detail: DocAuthRequiredDetail = { error, retry: () => this.retry() };
    const go = this.dispatchEvent(
      new CustomEvent('doc-auth-required', { detail, bubbles: true, composed: true, cancelable: true }),
    );
    // A refused change shows its refusal where it was made (with its own retry); a refused load
    // is retried once (not canceled), or waits (canceled).
    if (!read || (go && this.retried)) return false;
    this.retried = true;
    this.retry(!go);
    return true;
  }

  /** What an element shows while nobody is signed in: neutral, no error. */
  protected renderSignedOut(): TemplateResult {
    return html`<p class="muted" part="base">${this.i18n.t.common.signedOut}</p>`;
  }
}
