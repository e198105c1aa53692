/**
 * A random 128-bit key for `Idempotency-Key` (two 64-bit numbers), from
 * `crypto.getRandomValues`, which exists everywhere: `crypto.randomUUID` exists only in secure
 * contexts (https, localhost), not on a plain-http intranet host.
 */
export const randomKey = (): string => crypto.getRandomValues(new BigUint64Array(2)).join('-');
