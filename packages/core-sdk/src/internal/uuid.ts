/**
 * A random version-4 UUID. `crypto.randomUUID` exists only in secure contexts (https, localhost):
 * on a plain-http intranet host it is missing, so the same is made from `getRandomValues`,
 * which exists everywhere.
 */
export const uuid = (): string =>
  crypto.randomUUID?.() ?? '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) => (Number(c) ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (Number(c) / 4)))).toString(16));
