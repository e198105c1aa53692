// The self-contained ESM bundle for a plain <script type="module">: every element, the SDK and
// all dependencies in one minified file, dist/docportal-widgets.js.
import { build } from 'esbuild';
import { minifyCssPlugin } from './minify-css.mjs';

/**
 * The elements talk through axios' XHR adapter; nothing in this bundle can ask for its fetch
 * adapter (only the SDK's `fetch` option does, and the bundle does not export `createClient`).
 * So it is left out, as axios' own browser build leaves out its Node adapter: 3.9 KB brotli.
 * Asking for it anyway fails with axios' "adapter fetch is not available in the build".
 */
const withoutFetchAdapter = {
  name: 'axios-without-fetch-adapter',
  setup(b) {
    b.onLoad({ filter: /[\\/]axios[\\/]lib[\\/]adapters[\\/]fetch\.js$/ }, () => ({ contents: 'export const getFetch = () => null;', loader: 'js' }));
  },
};

/**
 * Nor can anything in it reach `axios.HttpStatusCode`, a table of status names that only a
 * caller of axios itself would read: 0.5 KB brotli.
 */
const withoutStatusTable = {
  name: 'axios-without-status-table',
  setup(b) {
    b.onLoad({ filter: /[\\/]axios[\\/]lib[\\/]helpers[\\/]HttpStatusCode\.js$/ }, () => ({ contents: 'export default {};', loader: 'js' }));
  },
};

export const bundleOptions = {
  entryPoints: [new URL('./src/index.ts', import.meta.url).pathname],
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
  plugins: [withoutFetchAdapter, withoutStatusTable, minifyCssPlugin],
};

if (import.meta.url === `file://${process.argv[1]}`) {
  await build({ ...bundleOptions, outfile: new URL('./dist/docportal-widgets.js', import.meta.url).pathname, sourcemap: true });
}
