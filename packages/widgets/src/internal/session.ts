import { isServer } from 'lit';
import { DocPortalError, type DocPortalClient } from '@docportal/core-sdk';

/**
 * The SDK's reads, by method name, and the argument that holds their request options: the
 * session's signal joins it, so that reads of a session that ended are aborted. Writes are never
 * aborted by a session change (a change half sent is worse than one finished), but their answers
 * are dropped like every other.
 */
const READS: Record<string, number> = {
  me: 0,
  list: 0,
  tree: 0,
  search: 0,
  resolve: 0,
  get: 1,
  units: 1,
  groups: 1,
  download: 1,
  downloads: 1,
};
const RESOURCES = ['properties', 'units', 'recipients', 'documentTypes', 'documents'];

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

  /**
   * Ends this session and starts the next, with a new view: an element given the view (a picker
   * inside an uploader) sees a new client and starts again too.
   */
  restart(): void {
    this.epoch++;
    this.ctl.abort();
    this.ctl = new AbortController();
    this.view = undefined;
  }

  /** The view of `raw` for this element: the same object as long as `raw` and the session stay. */
  api(raw: DocPortalClient): DocPortalClient {
    if (this.view?.raw !== raw) this.view = { raw, api: this.wrap(raw, true) };
    return this.view.api;
  }

  private wrap<T extends object>(target: T, top = false): T {
    return new Proxy(target, {
      get: (t, prop: string) => {
        const v: unknown = Reflect.get(t, prop);
        if (typeof v === 'function')
          return (...args: unknown[]) => this.call(v as (...a: unknown[]) => unknown, t, args, READS[prop]);
        return top && RESOURCES.includes(prop) ? this.wrap(v as object) : v;
      },
    });
  }

  private call(
    fn: (...a: unknown[]) => unknown,
    self: object,
    args: unknown[],
    optionsAt: number | undefined,
  ): unknown {
    // On the server: nothing goes out, nothing comes back.
    if (isServer) return new Promise(() => {});
    const epoch = this.epoch;
    const read = optionsAt !== undefined;
    if (read) {
      args = [...args];
      const o = (args[optionsAt] ?? {}) as { signal?: AbortSignal };
      args[optionsAt] = {
        ...o,
        signal: o.signal ? AbortSignal.any([o.signal, this.ctl.signal]) : this.ctl.signal,
      };
    }
    // (The SDK's methods return promises, or an async iterator, which passes as it is.)
    const out = fn.apply(self, args);
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
