// The self-contained ESM bundle for a plain <script type="module">: every element, the SDK and
// all dependencies in one minified file, dist/docportal-widgets.js. Built for browsers, the SDK
// sends through axios' XHR adapter alone (its `#transport` import), so axios' fetch adapter is
// not in it, nor in a portal's own bundle of the package.
import { copyFileSync } from 'node:fs';
import { build } from 'esbuild';
import { minifyCssPlugin } from './minify-css.mjs';

/**
 * Nothing in the bundle can reach `axios.HttpStatusCode`, a table of status names that only a
 * caller of axios itself would read: 0.5 KB brotli.
 */
const withoutStatusTable = {
  name: 'axios-without-status-table',
  setup(b) {
    b.onLoad({ filter: /[\\/]axios[\\/]lib[\\/]helpers[\\/]HttpStatusCode\.js$/ }, () => ({
      contents: 'export default {};',
      loader: 'js',
    }));
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
  plugins: [withoutStatusTable, minifyCssPlugin],
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
