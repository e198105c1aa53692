/**
 * The browser transport: axios' XHR adapter called directly, without axios' request pipeline,
 * whose adapter table would bring axios' fetch adapter into every portal's bundle (3.9 KB
 * brotli). It does what that pipeline does for the SDK's calls: plain objects go out as JSON,
 * JSON answers come back parsed. The `fetch` option sends through the given fetch (no upload
 * progress: fetch has none over HTTP/1.1; the upload engine reports progress per chunk then).
 */
import type { AxiosRequestConfig, AxiosResponse } from 'axios';
import xhr from 'axios/unsafe/adapters/xhr.js';
import { encode } from 'axios/unsafe/helpers/buildURL.js';

export type Send = (config: AxiosRequestConfig) => Promise<AxiosResponse>;

/** Headers and body as sent: a plain object or array as JSON, anything else (Blob, …) as it is. */
function prepare(c: AxiosRequestConfig): { headers: Record<string, string>; data: any } {
  const headers = { ...(c.headers as Record<string, string>) };
  const d = c.data;
  if (
    d === null ||
    typeof d !== 'object' ||
    (Object.getPrototypeOf(d) !== Object.prototype && !Array.isArray(d))
  )
    return { headers, data: d };
  if (!Object.keys(headers).some((h) => /^content-type$/i.test(h)))
    headers['Content-Type'] = 'application/json';
  return { headers, data: JSON.stringify(d) };
}

/**
 * The URL with its query, written as axios' `buildURL` writes the SDK's flat queries (`undefined`
 * left out, each key and value through axios' own `encode`): axios then never runs its general
 * form serializer (`toFormData`), which build-bundle.mjs leaves out of the bundle (1 KB brotli).
 */
function withQuery(url: string, params: AxiosRequestConfig['params']): string {
  const query = Object.entries((params ?? {}) as Record<string, unknown>)
    .filter(([, v]) => v != null)
    .map(([k, v]) => `${encode(k)}=${encode(String(v))}`)
    .join('&');
  const base = url.split('#')[0]!;
  return query ? base + (base.includes('?') ? '&' : '?') + query : url;
}

/** A JSON answer parsed; an empty one is undefined, a malformed one stays text (as axios does). */
function json(text: any): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

/** An error as axios would throw it: the request loop maps its code to a DocPortalError. */
const fail = (code: string, cause: unknown) => Object.assign(new Error(code, { cause }), { code });

export const transport =
  (send?: typeof fetch): Send =>
  async (c) => {
    const { headers, data } = prepare(c);
    const type = c.responseType ?? 'json';
    const url = withQuery(c.url!, c.params);
    if (!send) {
      const res = await (xhr as (c: AxiosRequestConfig) => Promise<AxiosResponse>)({
        ...c,
        url,
        params: undefined,
        headers,
        data,
      });
      return type === 'json' ? { ...res, data: json(res.data) } : res;
    }
    const ctl = new AbortController();
    const abort = () => ctl.abort();
    const timer = c.timeout ? setTimeout(abort, c.timeout) : 0;
    // A signal that aborted already (while a token was fetched, say) fires no more: abort now.
    if (c.signal?.aborted) abort();
    else (c.signal as AbortSignal | undefined)?.addEventListener('abort', abort);
    try {
      const res = await send(url, { method: c.method, headers, body: data, signal: ctl.signal }).catch(
        (e) => {
          throw fail(ctl.signal.aborted && !c.signal?.aborted ? 'ECONNABORTED' : 'ERR_NETWORK', e);
        },
      );
      let body: unknown;
      if (type === 'arraybuffer') body = await res.arrayBuffer();
      else if (type === 'blob') body = await res.blob();
      else body = await res.text();
      return {
        status: res.status,
        statusText: res.statusText,
        headers: Object.fromEntries(res.headers),
        data: type === 'json' ? json(body) : body,
        config: c,
      } as AxiosResponse;
    } finally {
      clearTimeout(timer);
      (c.signal as AbortSignal | undefined)?.removeEventListener('abort', abort);
    }
  };
