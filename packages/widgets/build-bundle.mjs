// The self-contained ESM bundle for a plain <script type="module">: every element, the SDK and
// all dependencies in one minified file, dist/docportal-widgets.js. Built for browsers, the SDK
// sends through axios' XHR adapter alone (its `#transport` import), so axios' fetch adapter is
// not in it, nor in a portal's own bundle of the package.
import { copyFileSync } from 'node:fs';
import { build } from 'esbuild';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

/**
 * Modules of axios that the bundle imports but never runs, replaced by empty ones. Only axios'
 * XHR adapter is in the bundle, called with the configs the SDK's browser transport makes
 * (packages/core-sdk/src/internal/transport.browser.ts), and the bundle exports no axios:
 * - `HttpStatusCode`: a table of status names that only a caller of axios itself would read (0.5 KB brotli).
 * - `cookies`: the XSRF cookie is read only when a config names `xsrfCookieName` and
 *   `xsrfHeaderName`, and the SDK's configs name neither (0.25 KB).
 * - `AxiosURLSearchParams` (and with it `toFormData`, axios' general form serializer): `buildURL`
 *   runs it only for a config with `params`, and the transport writes the query into the URL
 *   itself and sends none (1 KB).
 * A build that imports `axios` itself (as `npm run bench size` does for its axios baseline) keeps
 * every module whole, since a caller of axios may reach them all: that import is resolved before
 * any of these modules is loaded, as only axios' own files lead to them.
 */
const withoutUnusedAxios = {
  name: 'axios-without-unused-modules',
  setup(b) {
    let whole = false;
    b.onResolve({ filter: /^axios$/ }, () => void (whole = true));
    const unused = /[\\/]axios[\\/]lib[\\/]helpers[\\/](HttpStatusCode|cookies|AxiosURLSearchParams)\.js$/;
    b.onLoad({ filter: unused }, () =>
      whole ? undefined : { contents: 'export default {};', loader: 'js' },
    );
  },
};

export const bundleOptions = {
  entryPoints: [new URL('./src/bundle.ts', import.meta.url).pathname],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['source', 'browser', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  tsconfig: new URL('../../tsconfig.base.json', import.meta.url).pathname,
  logLevel: 'warning',
  plugins: [withoutUnusedAxios, minifyTemplatesPlugin],
};

if (import.meta.url === `file://${process.argv[1]}`) {
  await build({
    ...bundleOptions,
    outfile: new URL('./dist/docportal-widgets.js', import.meta.url).pathname,
    sourcemap: true,
  });
  // The themes beyond the default ship as a stylesheet of their own (`@docportal/widgets/themes.css`).
  copyFileSync(
    new URL('./src/styles/themes.css', import.meta.url),
    new URL('./dist/themes.css', import.meta.url),
  );
}
