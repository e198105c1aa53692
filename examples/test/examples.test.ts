/**
 * Each example as a person uses it, in Debian Chromium: started as `npm run example:<name>`
 * does (page and API on different ports, so every request is cross-origin), a PDF uploaded
 * through <doc-uploader>, and the document seen where the example shows it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.mjs';
import { makePdf } from '@docportal/mock-server/testing';
// @ts-expect-error plain JS module without declarations
import { startExample } from '../start.mjs';

type Example = { url: string; api: string; close: () => Promise<void> };

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/** Opens a page that records errors, and uploads "Hausordnung" for all tenants through the uploader. */
async function upload(page: Page, url: string, errors: string[]): Promise<void> {
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await page.getByRole('treeitem', { name: /Objektunterlagen/ }).waitFor({ timeout: 15_000 });
  await page.locator('doc-uploader input[type=file]').setInputFiles({
    name: 'Hausordnung.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(makePdf('Hausordnung')),
  });
  await page.getByRole('checkbox', { name: 'Alle Mieter' }).check();
  await page.getByRole('button', { name: 'Dokument hochladen' }).click();
}

for (const name of ['html', 'react', 'vue']) {
  describe(`examples/${name}`, () => {
    let ex: Example;
    before(async () => {
      ex = (await startExample(name)) as Example;
    });
    after(async () => {
      await ex?.close();
    });

    it('uploads across origins and shows the new document', async () => {
      assert.notEqual(new URL(ex.url).origin, new URL(ex.api).origin);
      const page = await browser.newPage();
      const errors: string[] = [];
      await upload(page, `${ex.url}/`, errors);
      if (name === 'html') {
        // The manager's tree lists it; the tenant's page (its own client) shows it to Ahmet.
        await page.getByRole('treeitem', { name: /Objektunterlagen/ }).click();
        await page.getByRole('treeitem', { name: /Hausordnung/ }).waitFor({ timeout: 10_000 });
        await page.getByRole('link', { name: /Mieter Ahmet Yilmaz/ }).click();
        await page.getByRole('treeitem', { name: /Objektunterlagen/ }).click();
        await page.getByRole('treeitem', { name: /Hausordnung/ }).waitFor({ timeout: 10_000 });
      } else {
        // The framework's own event prop saw the upload (React: ondoc-uploaded, Vue: onDocUploaded).
        await page
          .getByRole('status')
          .filter({ hasText: 'Veröffentlicht: Hausordnung' })
          .waitFor({ timeout: 10_000 });
      }
      const res = await fetch(`${ex.api}/documents?scope=property:rosenweg-24&q=Hausordnung`, {
        headers: { Authorization: 'Bearer manager' },
      });
      assert.equal(((await res.json()) as { items: unknown[] }).items.length, 1);
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}
