import { createContext } from '@lit/context';
import type { DocPortalClient, Locale, Scope, TokenSource } from '@docportal/core-sdk';

/** What a `<doc-provider>` shares with the elements inside it. */
export interface DocContext {
  /** The signed-in client; its identity is the session's: a new one means another user (or none). */
  client?: DocPortalClient;
  /** The provider's `base-url` and `token`, for an element that sets only one of them itself. */
  baseUrl?: string;
  token?: TokenSource;
  scope?: Scope;
  locale?: Locale;
  /** One bus per provider: an upload in one element refreshes the others. */
  bus: DocBus;
}

/** Events on the bus. */
export type DocBusEvent = 'documents-changed' | 'types-changed';

/** A stable EventTarget shared by the elements of one provider. */
export class DocBus extends EventTarget {
  /** What the elements loaded, kept while the provider lives (a tree shown again starts from it); emptied by every change. */
  readonly cache = new Map<string, unknown>();

  publish(type: DocBusEvent): void {
    this.cache.clear();
    this.dispatchEvent(new Event(type));
  }
}

export const docContext = createContext<DocContext>(Symbol('docportal'));
