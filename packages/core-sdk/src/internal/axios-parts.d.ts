// Types of the axios building blocks the browser transport imports (axios ships no declarations
// for its `axios/unsafe/*` files).
declare module 'axios/unsafe/adapters/xhr.js' {
  import type { AxiosAdapter } from 'axios';
  const xhr: AxiosAdapter | false;
  export default xhr;
}
declare module 'axios/unsafe/helpers/buildURL.js' {
  export default function buildURL(url: string, params?: unknown): string;
  /** `encodeURIComponent`, keeping `:`, `$`, `,` and writing a space as `+`. */
  export function encode(value: string): string;
}
