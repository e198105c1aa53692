import { createClient, parseScope, type DocPortalClient, type Scope, type TokenSource } from '@docportal/core-sdk';

/** `property:<id>` or `unit:<id>` read from an attribute; undefined when unset or malformed. */
export function scopeOf(value: string | undefined): Scope | undefined {
  if (!value) return undefined;
  try {
    return parseScope(value);
  } catch {
    return undefined;
  }
}

/**
 * The client an element gets from its `client` property, or else makes from `base-url` and
 * `token`: made once, and again only when one of them changes. A token function is called before
 * each request, so the same function keeps its client.
 */
export class ClientFromAttributes {
  private made?: { baseUrl: string; token?: TokenSource; client: DocPortalClient };

  get(o: { client?: DocPortalClient; baseUrl?: string; token?: TokenSource }): DocPortalClient | undefined {
    if (o.client) return o.client;
    if (!o.baseUrl) return undefined;
    if (this.made?.baseUrl !== o.baseUrl || this.made.token !== o.token) this.made = { baseUrl: o.baseUrl, token: o.token, client: createClient({ baseUrl: o.baseUrl, token: o.token }) };
    return this.made.client;
  }
}
