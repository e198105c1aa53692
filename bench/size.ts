/**
 * Sizes: what a portal loads, bundled by esbuild (ESM, minified, browser), compressed with
 * brotli 11. Baselines measured in the same run: axios alone, lit + @lit/context alone.
 */
import { brotliCompressSync, constants } from 'node:zlib';
import { build, type BuildOptions, type BuildResult, type OutputFile } from 'esbuild';
import { round, type Row } from './lib.ts';

const root = new URL('../', import.meta.url).pathname;

/** The options of the shipped bundle (packages/widgets/build-bundle.mjs), so that every size is measured alike. */
const shippedOptions = async (): Promise<BuildOptions> =>
  (
    (await import(new URL('../packages/widgets/build-bundle.mjs', import.meta.url).href)) as {
      bundleOptions: BuildOptions;
    }
  ).bundleOptions;

/**
 * Brotli-11 size in KB (1,000 bytes) of a bundle of `contents` as a portal's own esbuild makes it,
 * optionally leaving packages external. Like the published packages (whose CSS tsup minifies), but
 * without what only the self-contained bundle does: its axios modules that are never run left out.
 */
export async function bundleSize(contents: string, external: string[] = []): Promise<number> {
  const { entryPoints: _, plugins = [], ...options } = await shippedOptions();
  return bundleKB(
    await build({
      ...options,
      plugins: plugins.filter((p) => p.name === 'docportal-minify-templates'),
      stdin: { contents, resolveDir: root, loader: 'ts' },
      external,
      write: false,
      logLevel: 'silent',
    }),
  );
}

/** Brotli-11 size in KB of the shipped self-contained bundle, built exactly as `npm run build` does. */
export const shippedBundleSize = async (): Promise<number> =>
  bundleKB(await build({ ...(await shippedOptions()), write: false, logLevel: 'silent' }));

/** Brotli-11 size in KB (1,000 bytes) of a build's output files. */
function bundleKB(out: BuildResult & { outputFiles: OutputFile[] }): number {
  const bytes = out.outputFiles
    .filter((f) => f.path.endsWith('.js') || f.path.endsWith('.css') || f.path === '<stdout>')
    .reduce(
      (n, f) =>
        n + brotliCompressSync(f.contents, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      0,
    );
  return round(bytes / 1000, 1);
}

export async function benchSize(): Promise<Row[]> {
  const sdk = `export * from '@docportal/core-sdk';`;
  const all = await bundleSize(sdk);
  const own = await bundleSize(sdk, ['axios', 'axios/*', 'zod', 'zod/mini']);
  const axios = await bundleSize(`export { default } from 'axios';`);
  // What a portal loads: the shipped self-contained bundle, built exactly as `npm run build` does.
  const widgets = await shippedBundleSize();
  // What a portal loads when it bundles the package itself (esbuild, ESM, minified).
  const portal = await bundleSize(`import '@docportal/widgets';`);
  const three = await bundleSize(
    `import '@docportal/widgets/doc-provider.js'; import '@docportal/widgets/doc-uploader.js'; import '@docportal/widgets/share-picker.js';`,
  );
  const lit = await bundleSize(`export * from 'lit'; export * from '@lit/context';`);
  /** A row of the kit's sizes, against axios + Lit measured in the same run, within 55 KB. */
  const kitRow = (name: string, value: number): Row => ({
    name,
    value,
    unit: 'KB',
    baseline: round(axios + lit, 1),
    ratio: round(value / (axios + lit)),
    budget: '≤ 55 KB',
    ok: value <= 55,
  });
  return [
    {
      name: 'size: SDK with its dependencies (everything exported)',
      value: all,
      unit: 'KB',
      baseline: axios,
      ratio: round(all / axios),
      budget: '≤ 36 KB',
      ok: all <= 36,
    },
    {
      name: 'size: SDK own code (schemas, client, upload engine, sniffing, errors)',
      value: own,
      unit: 'KB',
      budget: '≤ 8 KB',
      ok: own <= 8,
    },
    { name: 'size: axios alone (baseline)', value: axios, unit: 'KB', budget: 'info', ok: true },
    kitRow('size: provider + uploader + share picker + SDK + dependencies (CSS included)', three),
    kitRow('size: everything a portal loads for all elements + SDK + dependencies (CSS included)', widgets),
    kitRow('size: the same when a portal bundles @docportal/widgets itself (esbuild)', portal),
    { name: 'size: lit + @lit/context alone (baseline)', value: lit, unit: 'KB', budget: 'info', ok: true },
  ];
}
