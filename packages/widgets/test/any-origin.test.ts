/**
 * The elements on a plain-http host other than localhost (an intranet, a staging server): not a
 * secure context, so `crypto.randomUUID` and the other secure-context-only APIs do not exist.
 * Chromium resolves `docportal.test` to 127.0.0.1 (host-resolver rules); the page, the bundle and
 * the API come from the standalone mock server there (a service worker, and so MSW, needs a
 * secure context).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BuildOptions } from 'esbuild';
import type { Browser } from 'playwright-core';
import { makePdf } from '@docportal/mock-server/testing';
import { startTestPage, type TestPage } from './test-page.ts';
import type { RunningServer } from '@docportal/mock-server/http';

const { bundleOptions } = (await import(new URL('../build-bundle.mjs', import.meta.url).href)) as {
  bundleOptions: BuildOptions;
};

const HOST = 'docportal.test';

describe('on a plain-http host other than localhost', () => {
  let page: TestPage;
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    page = await startTestPage({
      name: 'origin',
      script: { ...bundleOptions, outfile: 'docportal-widgets.js' },
      html: `<!doctype html><html lang="de"><meta charset="utf-8"><link rel="icon" href="data:,"><title>intranet</title>
      <script type="module" src="./docportal-widgets.js"></script>
      <script>
        window.seen = [];
        for (const type of ['doc-uploaded', 'doc-upload-error']) document.addEventListener(type, (e) => window.seen.push(e.detail.error ? { type, error: { name: e.detail.error.name, message: e.detail.error.message } } : { type }));
      </script>
      <doc-uploader base-url="/api/v1" token="manager" scope="property:rosenweg-24" document-type="objektunterlagen"></doc-uploader>`,
      args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
    });
    ({ server, browser } = page);
  });

  after(() => page?.close());

  it('an upload through <doc-uploader> succeeds', async () => {
    // Arrange
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`http://${HOST}:${new URL(server.url).port}/index.html`);
    const context = await page.evaluate(() => ({
      secure: isSecureContext,
      randomUUID: typeof crypto.randomUUID,
      host: location.hostname,
    }));
    assert.deepEqual(
      context,
      { secure: false, randomUUID: 'undefined', host: HOST },
      'the page is not a secure context',
    );
    // Act
    await page.locator('doc-uploader input[type=file]').setInputFiles({
      name: 'Hausordnung.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(makePdf('Hausordnung im Intranet')),
    });
    await page.getByRole('button', { name: 'Dokument hochladen' }).click();
    await page.waitForFunction(() => (window as unknown as { seen: unknown[] }).seen.length > 0, undefined, {
      timeout: 15_000,
    });
    // Assert
    const seen = await page.evaluate(() => (window as unknown as { seen: unknown[] }).seen);
    assert.deepEqual(seen, [{ type: 'doc-uploaded' }]);
    const res = await fetch(`${server.url}/api/v1/documents?scope=property:rosenweg-24&q=Hausordnung`, {
      headers: { Authorization: 'Bearer manager' },
    });
    const { items } = (await res.json()) as { items: Array<{ title: string }> };
    assert.deepEqual(
      items.map((d) => d.title),
      ['Hausordnung'],
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});
