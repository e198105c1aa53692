/**
 * How the SDK sends a request when the caller brings no axios instance: axios itself (its XHR
 * adapter in browsers, its http adapter in Node, its fetch adapter for the `fetch` option).
 * Browser builds resolve `#transport` to transport.browser.ts instead, which leaves axios'
 * fetch adapter out of every portal's bundle.
 */
import axios, { type AxiosRequestConfig, type AxiosResponse } from 'axios';

export type Send = (config: AxiosRequestConfig) => Promise<AxiosResponse>;

export function transport(fetchFn?: typeof fetch): Send {
  const ax = axios.create();
  return (config) => ax.request(fetchFn ? { ...config, adapter: 'fetch', env: { fetch: fetchFn } } : config);
}
