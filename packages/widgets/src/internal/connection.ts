import {
  createClient,
  parseScope,
  type DocPortalClient,
  type Scope,
  type TokenSource,
} from '@docportal/core-sdk';

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
 * The client made from `base-url` and `token`: made once, and again only when one of them
 * changes, so that its identity is the signed-in identity. A token function is called before
 * each request, so the same function keeps its client. Without a token there is no client: the
 * element waits, not signed in, and requests nothing.
 */
export class ClientFromAttributes {
  private made?: { baseUrl: string; token: TokenSource; client: DocPortalClient };

  get(baseUrl: string | undefined, token: TokenSource | undefined): DocPortalClient | undefined {
    if (!baseUrl || !token) return (this.made = undefined);
    if (this.made?.baseUrl !== baseUrl || this.made.token !== token)
      this.made = { baseUrl, token, client: createClient({ baseUrl, token }) };
    return this.made.client;
  }
}
