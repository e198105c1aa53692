/**
 * The size budgets of ../shared/spec/QUALITY.md, measured as `npm run bench size` does
 * (bench/size.ts: esbuild, ESM, minified, brotli 11): what a portal loads for every element with
 * the SDK and all dependencies, both as the shipped script-tag bundle and when the portal
 * bundles `@docportal/widgets` itself; and the SDK with its dependencies.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundleSize, shippedBundleSize } from '../../../bench/size.ts';

describe('size budgets (brotli 11, KB)', () => {
  it('the script-tag bundle dist/docportal-widgets.js: ≤ 55 KB', async () => {
    const kb = await shippedBundleSize();
    assert.ok(kb <= 55, `${kb} KB`);
  });

  it('a portal bundling @docportal/widgets with esbuild: ≤ 55 KB', async () => {
    const kb = await bundleSize(`import '@docportal/widgets';`);
    assert.ok(kb <= 55, `${kb} KB`);
  });

  it('the SDK with its dependencies: ≤ 36 KB', async () => {
    const kb = await bundleSize(`export * from '@docportal/core-sdk';`);
    assert.ok(kb <= 36, `${kb} KB`);
  });
});
