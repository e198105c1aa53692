import type { PropertyDeclarations } from 'lit';
import { consume } from '@lit/context';
import type { DocPortalClient, Locale, Scope, TokenSource } from '@docportal/core-sdk';
import { DocBus, docContext, type DocContext } from '../context/doc-context.js';
import { LocalizeController } from '../controllers/localize.js';
import { ClientFromAttributes, scopeOf } from './connection.js';
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
  private readonly own = new ClientFromAttributes();
  private readonly ownBus = new DocBus();

  get contextLocale(): Locale | undefined {
    return this.ctx?.locale;
  }

  /** The client to use, or undefined when none is configured yet. */
  protected get api(): DocPortalClient | undefined {
    return this.own.get(this) ?? this.ctx?.client;
  }

  /** The scope to work in, or undefined when none (or a malformed one) is set. */
  protected get scopeValue(): Scope | undefined {
    return this.scope ? scopeOf(this.scope) : this.ctx?.scope;
  }

  protected get bus(): DocBus {
    return this.ctx?.bus ?? this.ownBus;
  }
}
