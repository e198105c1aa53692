/**
 * A real reload in the middle of a 40 MiB upload (a 20 MiB one goes in a single PATCH from the
 * server's 16 MiB hint, so a reload could only restart it; browser tests in Chromium's test
 * runner interrupt 20 MiB uploads after a first chunk), in Debian Chromium against the standalone mock
 * server: the page's client keeps unfinished uploads in IndexedDB (`@docportal/core-sdk/resume`);
 * after the reload `<doc-uploader>` offers the upload, and "fortsetzen" sends only what the server
 * does not have yet. The latency fault slows every request, so that the reload lands mid-upload.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { makePdf } from '@docportal/mock-server/testing';
import { startTestPage, type TestPage } from './test-page.ts';
import type { RunningServer } from '@docportal/mock-server/http';

const MiB = 1024 * 1024;
const root = new URL('../../../', import.meta.url).pathname;

const ENTRY = `
import '@docportal/widgets';
import { createClient } from '@docportal/core-sdk';
import { indexedDbResumeStore } from '@docportal/core-sdk/resume';
document.querySelector('doc-provider').client = createClient({ baseUrl: '/api/v1', token: 'manager', resumeStore: indexedDbResumeStore() });
`;

describe('a reload in the middle of an upload', () => {
  let page: TestPage;
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    page = await startTestPage({
      name: 'reload',
      script: {
        stdin: { contents: ENTRY, resolveDir: root, loader: 'ts' },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        conditions: ['source', 'browser'],
        tsconfig: join(root, 'tsconfig.base.json'),
        outfile: 'page.js',
      },
      html: `<!doctype html><html lang="de"><meta charset="utf-8"><link rel="icon" href="data:,"><title>reload</title>
      <doc-provider scope="property:rosenweg-24"><doc-uploader document-type="objektunterlagen"></doc-uploader></doc-provider>
      <script type="module" src="./page.js"></script>`,
    });
    ({ server, browser } = page);
  });

  after(() => page?.close());

  it('offers the unfinished upload after the reload; "fortsetzen" sends the remaining bytes only, byte-exact', async () => {
    const bytes = randomBytes(40 * MiB);
    bytes.set(makePdf('Hausordnung'));
    const page = await browser.newPage();
    await page.goto(`${server.url}/index.html`);
    await page
      .locator('doc-uploader input[type=file]')
      .setInputFiles({ name: 'Hausordnung.pdf', mimeType: 'application/pdf', buffer: bytes });
    await page.getByRole('checkbox', { name: 'Alle Mieter' }).check();
    server.store.setFaults({ latencyMs: 800 });
    // The reload once the server has taken the first chunk (16 MiB), while the next one waits out
    // its latency. The page's own answer says so: a byte count at the server could also be reached
    // by a chunk a few bytes short of its end, which the server drops whole when the reload cuts it.
    const firstChunk = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.status() === 204, {
      timeout: 20_000,
    });
    await page.getByRole('button', { name: 'Dokument hochladen' }).click();
    assert.equal((await firstChunk).headers()['upload-offset'], String(16 * MiB), 'the first chunk is in');
    await page.reload();
    // What the cut request had in flight still drains into the server's counters: wait until they rest.
    for (let last = -1, same = 0; same < 4; await new Promise((r) => setTimeout(r, 150))) {
      const now = server.store.stats().bytesReceived;
      same = now === last ? same + 1 : 0;
      last = now;
    }
    server.store.setFaults({});
    const kept = server.store.stats();
    assert.deepEqual([kept.documents, kept.openUploads], [0, 1], 'an open session, no document');

    const offer = page.locator('doc-uploader [part="resume-offer"]');
    await offer.waitFor({ timeout: 10_000 });
    assert.match((await offer.textContent()) ?? '', /1 Upload nicht abgeschlossen/);
    await page.getByRole('button', { name: 'fortsetzen' }).click();
    for (let i = 0; server.store.stats().documents < 1; i++) {
      assert.ok(i < 400, 'the document was made');
      await new Promise((r) => setTimeout(r, 25));
    }
    const done = server.store.stats();
    const resent = done.bytesReceived - kept.bytesReceived;
    assert.ok(
      resent <= bytes.length - 16 * MiB + 64 * 1024,
      `only the remaining bytes were sent again (${resent} of ${bytes.length})`,
    );
    assert.equal(done.openUploads, 0);
    const res = await fetch(`${server.url}/api/v1/documents?scope=property:rosenweg-24&q=Hausordnung`, {
      headers: { Authorization: 'Bearer manager' },
    });
    const { items } = (await res.json()) as {
      items: Array<{ title: string; sha256: string; size: number; shares: unknown[] }>;
    };
    assert.equal(items.length, 1);
    assert.equal(items[0]!.size, bytes.length);
    assert.equal(items[0]!.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.deepEqual(items[0]!.shares, [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }]);
    await page.getByRole('heading', { name: /veröffentlicht/ }).waitFor({ timeout: 10_000 });
    assert.equal(await offer.count(), 0, 'nothing left to offer');
    await page.close();
  });
});
