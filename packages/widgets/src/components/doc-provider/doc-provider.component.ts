import { ContextProvider } from '@lit/context';
import { css, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { DocPortalClient, Locale, TokenSource } from '@docportal/core-sdk';
import { DocBus, docContext } from '../../context/doc-context.js';
import { ClientFromAttributes, scopeOf } from '../../internal/connection.js';
import { DocElement } from '../../internal/doc-element.js';

/**
 * Shares an API client, a scope and a locale with every docportal element inside it, and a bus
 * so that an upload in one element refreshes the others. It takes no space of its own
 * (`display: contents`).
 *
 * @tagname doc-provider
 * @summary Context for the docportal elements inside it.
 * @slot - The elements that share this context.
 */
export class DocProvider extends DocElement {
  // Written out, not shared with ConnectedElement's: the manifest's analyzer reads only literals.
  static override properties: PropertyDeclarations = {
    baseUrl: { attribute: 'base-url' },
    token: {},
    scope: {},
    locale: {},
    client: { attribute: false },
  };

  /** Base URL of the API, e.g. `/api/v1`. */
  baseUrl?: string;
  /**
   * Bearer token: a string, or (as a property) a function that returns one, called before each
   * request. Without one (and without `client`) the elements wait, not signed in, and request
   * nothing; a new one is a new session: what the previous one loaded is dropped.
   */
  token?: TokenSource;
  /** `property:<id>` or `unit:<id>`. */
  scope?: string;
  /** `de` or `en`. */
  locale?: Locale;
  /** An SDK client of your own; wins over `base-url` and `token`. */
  client?: DocPortalClient;

  // A controller rather than the `@provide` decorator, which would bring the decorator and its
  // helper into every bundle for the same thing.
  private readonly provider = new ContextProvider(this, {
    context: docContext,
    initialValue: { bus: new DocBus() },
  });

  private readonly made = new ClientFromAttributes();

  /**
   * The bus the elements inside share. After changing documents or folders in your own code,
   * `provider.bus.publish('documents-changed')` (or `'types-changed'`) makes them reload.
   */
  get bus(): DocBus {
    return this.provider.value.bus;
  }

  protected override willUpdate(): void {
    const { baseUrl, token } = this;
    const client = this.client ?? this.made.get(baseUrl, token);
    const scope = scopeOf(this.scope);
    const locale = this.locale === 'de' || this.locale === 'en' ? this.locale : undefined;
    const v = this.provider.value;
    // Another user (or none): nothing loaded for the previous one may be shown again.
    if (v.client !== client) v.bus.cache.clear();
    if (
      v.client !== client ||
      v.baseUrl !== baseUrl ||
      v.token !== token ||
      v.scope?.kind !== scope?.kind ||
      v.scope?.id !== scope?.id ||
      v.locale !== locale
    ) {
      // A new object: context consumers are told only when the identity changes.
      this.provider.setValue({ client, baseUrl, token, scope, locale, bus: v.bus });
    }
  }

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
