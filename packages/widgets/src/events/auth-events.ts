import type { DocPortalError } from '@docportal/core-sdk';

export interface DocAuthRequiredDetail {
  /** The refusal: an `AuthError` (status 401). */
  error: DocPortalError;
  /** Loads again with the current token or client (e.g. once a token function has a fresh token). */
  retry: () => void;
}

/**
 * `doc-auth-required`: the API refused the element's credentials (401). Bubbles, crosses shadow
 * roots, cancelable. Not canceled, the element loads once more after the listeners ran (a token
 * or client set in the listener is used); canceled, it waits as "not signed in" until a new
 * token or client is set or `detail.retry()` is called.
 */
export type DocAuthRequiredEvent = CustomEvent<DocAuthRequiredDetail>;

declare global {
  interface HTMLElementEventMap {
    'doc-auth-required': DocAuthRequiredEvent;
  }
}
