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
