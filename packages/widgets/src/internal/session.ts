import { isServer } from 'lit';
import { DocPortalError, type DocPortalClient } from '@docportal/core-sdk';

/**
 * The reads of the SDK and the argument that holds their request options: the session's signal
 * joins it, so that reads of a session that ended are aborted. Writes are never aborted by a
 * session change (a change half sent is worse than one finished), but their answers are dropped
 * like every other.
 */
const READS: Record<string, Record<string, number>> = {
  '': { me: 0 },
  properties: { list: 0, get: 1, units: 1, groups: 1 },
  units: { get: 1 },
  recipients: { search: 0, resolve: 0 },
  documentTypes: { list: 0, tree: 0 },
  documents: { list: 0, get: 1, download: 1, downloads: 1 },
};

/** `AbortSignal.any` where it exists, else the same by hand. */
function either(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const ctl = new AbortController();
  const stop = () => ctl.abort();
  if (a.aborted || b.aborted) stop();
  a.addEventListener('abort', stop, { once: true });
  b.addEventListener('abort', stop, { once: true });
  return ctl.signal;
}

/** What a session asks its element when the API refuses the credentials; true keeps the refusal from the caller. */
export type OnAuthRefused = (error: DocPortalError, read: boolean) => boolean;

/**
 * One element's time with one signed-in identity. It hands out a view of the SDK client whose
 * answers land only while the session lasts: `restart()` ends it, aborts its reads, and every
 * answer of it that comes later (result or error) is dropped, so a previous user's data never
 * reaches the element. A 401 is reported to the element first. On the server, the view sends
 * nothing: its calls wait forever, and the element renders what it shows while loading.
 */
export class Session {
  private epoch = 0;
  private ctl = new AbortController();
  private view?: { raw: DocPortalClient; api: DocPortalClient };

  constructor(private readonly onAuthRefused: OnAuthRefused) {}

  /** Ends this session and starts the next. */
  restart(): void {
    this.epoch++;
    this.ctl.abort();
    this.ctl = new AbortController();
  }

  /** The view of `raw` for this element: the same object as long as `raw` stays. */
  api(raw: DocPortalClient): DocPortalClient {
    if (this.view?.raw !== raw) this.view = { raw, api: this.wrap(raw, READS['']!) as DocPortalClient };
    return this.view.api;
  }

  private wrap(target: object, reads: Record<string, number>): object {
    const resources = new Map<PropertyKey, object>();
    const methods = new Map<PropertyKey, unknown>();
    return new Proxy(target, {
      get: (t, prop) => {
        const v: unknown = Reflect.get(t, prop, t);
        if (typeof v === 'function') {
          if (!methods.has(prop)) methods.set(prop, (...args: unknown[]) => this.call(v as (...a: unknown[]) => unknown, t, args, typeof prop === 'string' ? reads[prop] : undefined));
          return methods.get(prop);
        }
        if (v && typeof v === 'object' && typeof prop === 'string' && READS[prop]) {
          if (!resources.has(prop)) resources.set(prop, this.wrap(v, READS[prop]!));
          return resources.get(prop);
        }
        return v;
      },
    });
  }

  private call(fn: (...a: unknown[]) => unknown, self: object, args: unknown[], optionsAt: number | undefined): unknown {
    // On the server: nothing goes out, nothing comes back.
    if (isServer) return new Promise(() => {});
    const epoch = this.epoch;
    const read = optionsAt !== undefined;
    if (read) {
      args = [...args];
      const o = (args[optionsAt] ?? {}) as { signal?: AbortSignal };
      args[optionsAt] = { ...o, signal: o.signal ? either(o.signal, this.ctl.signal) : this.ctl.signal };
    }
    let out: unknown;
    try {
      out = fn.apply(self, args);
    } catch (e) {
      out = Promise.reject(e);
    }
    if (!(out instanceof Promise)) return out;
    return new Promise((resolve, reject) => {
      out.then(
        (v) => {
          if (epoch === this.epoch) resolve(v);
        },
        (e: unknown) => {
          if (epoch !== this.epoch) return;
          if (e instanceof DocPortalError && e.status === 401 && this.onAuthRefused(e, read)) return;
          reject(e);
        },
      );
    });
  }
}
