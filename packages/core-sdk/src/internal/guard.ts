import { AbortError, DocPortalError } from '../errors.js';

/**
 * Any failure as a DocPortalError: one already is; the platform's abort (a DOMException named
 * `AbortError`) becomes an AbortError; anything else (a token function that threw, a file that
 * cannot be read, a bug) is wrapped with code `unexpected`, the original kept as `cause`.
 */
export function asDocPortalError(e: unknown): DocPortalError {
  if (e instanceof DocPortalError) return e;
  const name = (e as { name?: unknown } | null)?.name;
  if (name === 'AbortError') return new AbortError('The request was aborted.', { code: 'aborted', cause: e });
  const message = e instanceof Error ? e.message : String(e);
  return new DocPortalError(`Something unexpected failed: ${message}`, { code: 'unexpected', cause: e });
}

export const rethrow = (e: unknown): never => {
  throw asDocPortalError(e);
};

/**
 * A resource whose methods fail only with DocPortalErrors, whatever failed inside. Methods run
 * with the guarded resource as `this`, so that `iterate` fails through the guarded `list`.
 */
export function guard<T extends object>(resource: T): T {
  const guarded: T = new Proxy(resource, {
    get(target, prop) {
      const v: unknown = Reflect.get(target, prop);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        try {
          const out: unknown = v.apply(guarded, args);
          return out instanceof Promise ? out.catch(rethrow) : out;
        } catch (e) {
          return Promise.reject(asDocPortalError(e));
        }
      };
    },
  });
  return guarded;
}
