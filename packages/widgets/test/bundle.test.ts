/**
 * The self-contained bundle (dist/docportal-widgets.js, built with the same options as
 * `npm run build`) in Debian Chromium, served by the standalone mock server: a plain page with a
 * `<script type="module">` uploads a file through `<doc-uploader>` and finds it in
 * `<doc-folder-tree>`. It proves the bundle works through XHR without axios' fetch adapter.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { BuildOptions } from 'esbuild';
import type { Browser } from 'playwright-core';
import { makePdf } from '@docportal/mock-server/testing';
import { startTestPage, type TestPage } from './test-page.ts';
import type { RunningServer } from '@docportal/mock-server/http';

const { bundleOptions } = (await import(new URL('../build-bundle.mjs', import.meta.url).href)) as {
  bundleOptions: BuildOptions;
};

describe('the self-contained bundle', () => {
  let page: TestPage;
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    page = await startTestPage({
      name: 'bundle',
      script: { ...bundleOptions, outfile: 'docportal-widgets.js' },
      html: `<!doctype html><html lang="de"><meta charset="utf-8"><link rel="icon" href="data:,"><title>bundle</title>
      <script type="module" src="./docportal-widgets.js"></script>
      <doc-provider base-url="/api/v1" token="manager" scope="property:rosenweg-24">
        <doc-uploader document-type="objektunterlagen"></doc-uploader>
        <doc-folder-tree mode="manage"></doc-folder-tree>
      </doc-provider>`,
    });
    ({ server, browser } = page);
  });

  after(() => page?.close());

  it('uploads real bytes through <doc-uploader> and the tree shows the new document', async () => {
    // Arrange
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}/index.html`);
    const bytes = makePdf('Hausordnung aus dem Bundle');
    // Act: choose the file, keep the prefilled title and type, share with all tenants, upload.
    await page
      .locator('doc-uploader input[type=file]')
      .setInputFiles({ name: 'Hausordnung.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
    await page.getByRole('checkbox', { name: 'Alle Mieter' }).check();
    await page.getByRole('button', { name: 'Dokument hochladen' }).click();
    // Assert: stored byte-exact, and listed by the tree (its provider's bus refreshed it).
    await page.getByRole('treeitem', { name: /Objektunterlagen/ }).click();
    await page.getByRole('treeitem', { name: /Hausordnung/ }).waitFor({ timeout: 10_000 });
    const res = await fetch(`${server.url}/api/v1/documents?scope=property:rosenweg-24&q=Hausordnung`, {
      headers: { Authorization: 'Bearer manager' },
    });
    const { items } = (await res.json()) as { items: Array<{ title: string; sha256: string; size: number }> };
    assert.equal(items.length, 1);
    assert.equal(items[0]!.title, 'Hausordnung');
    assert.equal(items[0]!.size, bytes.length);
    assert.equal(items[0]!.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.deepEqual(errors, []);
    await page.close();
  });
});
