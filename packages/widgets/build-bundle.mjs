// The self-contained ESM bundle for a plain <script type="module">: every element, the SDK and
// all dependencies in one minified file, dist/docportal-widgets.js.
import { build } from 'esbuild';

/**
 * The elements talk through axios' XHR adapter; in this bundle nothing but the SDK's `fetch`
 * option could ask for axios' fetch adapter, so it is left out, as axios' own browser build
 * leaves out its Node adapter: 3.9 KB brotli. The bundle's `createClient` therefore sends through
 * XHR only; `createClient({ fetch })` fails with axios' "adapter fetch is not available in the
 * build" (the README says so; a portal that needs it bundles `@docportal/core-sdk` itself).
 */
const withoutFetchAdapter = {
  name: 'axios-without-fetch-adapter',
  setup(b) {
    b.onLoad({ filter: /[\\/]axios[\\/]lib[\\/]adapters[\\/]fetch\.js$/ }, () => ({ contents: 'export const getFetch = () => null;', loader: 'js' }));
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
  plugins: [withoutFetchAdapter],
};

if (import.meta.url === `file://${process.argv[1]}`) {
  await build({ ...bundleOptions, outfile: new URL('./dist/docportal-widgets.js', import.meta.url).pathname, sourcemap: true });
}
