import type { PropertyDeclarations } from 'lit';
import { consume } from '@lit/context';
import { createClient, parseScope, type DocPortalClient, type Locale, type Scope, type TokenSource } from '@docportal/core-sdk';
import { DocBus, docContext, type DocContext } from '../context/doc-context.js';
import { LocalizeController } from '../controllers/localize.js';
import { DocElement } from './doc-element.js';

/**
 * An element that talks to the API: it takes client, scope and locale from a surrounding
 * `<doc-provider>`, or works standalone with its own `client` / `base-url` + `token`.
 */
export class ConnectedElement extends DocElement {
  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    baseUrl: { attribute: 'base-url' },
    token: {},
    scope: {},
    locale: {},
    ctx: { state: true },
  };

  /** An SDK client; wins over `base-url`/`token` and over the provider's. */
  client?: DocPortalClient;
  /** Base URL of the API when standalone, e.g. `/api/v1`. */
  baseUrl?: string;
  /** Bearer token when standalone: a string, or (as a property) a function returning one. */
  token?: TokenSource;
  /** `property:<id>` or `unit:<id>`; defaults to the provider's. */
  scope?: string;
  /** `de` or `en`; defaults to the provider's, then the nearest `lang`, then `de`. */
  locale?: string;

  @consume({ context: docContext, subscribe: true })
  protected ctx?: DocContext;

  protected readonly i18n = new LocalizeController(this);
  private own?: { key: string; client: DocPortalClient };
  private readonly ownBus = new DocBus();

  get contextLocale(): Locale | undefined {
    return this.ctx?.locale;
  }

  /** The client to use, or undefined when none is configured yet. */
  protected get api(): DocPortalClient | undefined {
    if (this.client) return this.client;
    if (this.baseUrl) {
      const key = `${this.baseUrl}\n${typeof this.token === 'string' ? this.token : ''}`;
      if (this.own?.key !== key || typeof this.token === 'function') this.own = { key, client: createClient({ baseUrl: this.baseUrl, token: this.token }) };
      return this.own.client;
    }
    return this.ctx?.client;
  }

  /** The scope to work in, or undefined when none (or a malformed one) is set. */
  protected get scopeValue(): Scope | undefined {
    if (this.scope) {
      try {
        return parseScope(this.scope);
      } catch {
        return undefined;
      }
    }
    return this.ctx?.scope;
  }

  protected get bus(): DocBus {
    return this.ctx?.bus ?? this.ownBus;
  }
}
