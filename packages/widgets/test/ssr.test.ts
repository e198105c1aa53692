import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../scripts/chromium.mjs';
import { nodeSha256, startHttpServer, type RunningServer } from '@docportal/mock-server/http';
import { createStore } from '@docportal/mock-server/testing';

const run = promisify(execFile);

// Each import runs in a fresh Node process, as in server-side rendering: no window, no document,
// no localStorage (feature checks like `typeof document` are fine; using them is not).
async function importAlone(specifier: string): Promise<string> {
  const code = `
    const m = await import(${JSON.stringify(specifier)});
    if (typeof window !== 'undefined' || typeof document !== 'undefined') throw new Error('a DOM appeared');
    console.log(Object.keys(m).sort().join(','));`;
  const { stdout } = await run(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', code],
    { cwd: new URL('../../..', import.meta.url).pathname },
  );
  return stdout.trim();
}

describe('server-side import', () => {
  it('@docportal/widgets imports in Node without a DOM and registers without throwing', async () => {
    const keys = await importAlone('@docportal/widgets');
    for (const name of ['DocProvider', 'DocUploader', 'SharePicker'])
      assert.ok(keys.split(',').includes(name), name);
  });

  it('@docportal/core-sdk imports in Node without a DOM', async () => {
    assert.match(await importAlone('@docportal/core-sdk'), /createClient/);
  });
});

// ------------------------------------------------------------------ rendering on the server

const ROOT = new URL('../../..', import.meta.url).pathname;
const TAGS = ['doc-provider', 'doc-folder-tree', 'doc-uploader', 'share-picker'];

interface Rendered {
  html: string;
  requests: string[];
  rejections: string[];
  dom: string[];
}

/**
 * Renders the example page (examples/ssr/page.mjs) in a fresh Node process, as a server does:
 * counts every request that leaves it (fetch, node:http, node:https) and every unhandled
 * rejection, and checks that no DOM global appeared.
 */
async function renderOnServer(baseUrl: string): Promise<Rendered> {
  const code = `
    import http from 'node:http';
    import https from 'node:https';
    const requests = [];
    const rejections = [];
    process.on('unhandledRejection', (e) => rejections.push(String(e)));
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => (requests.push('fetch ' + String(input)), realFetch(input, init));
    for (const [name, mod] of [['http', http], ['https', https]]) {
      for (const fn of ['request', 'get']) {
        const real = mod[fn];
        mod[fn] = (...args) => (requests.push(name + '.' + fn), real.apply(mod, args));
      }
    }
    const { renderPage } = await import(${JSON.stringify(new URL('../../../examples/ssr/page.mjs', import.meta.url).href)});
    const html = await renderPage({ baseUrl: ${JSON.stringify(baseUrl)} });
    // Let timers and promises the elements started run out: a late request or rejection shows.
    await new Promise((r) => setTimeout(r, 500));
    const dom = ['window', 'document', 'ShadowRoot', 'Node', 'navigator'].filter((g) => typeof globalThis[g] !== 'undefined');
    console.log(JSON.stringify({ html, requests, rejections, dom }));`;
  const { stdout } = await run(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', code],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as Rendered;
}

describe('server rendering (@lit-labs/ssr) and hydration (@lit-labs/ssr-client)', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let rendered: Rendered;

  before(async () => {
    rendered = await renderOnServer('/api/v1');
    dir = mkdtempSync(join(tmpdir(), 'docportal-ssr-'));
    const { buildClient } = (await import(
      new URL('../../../examples/ssr/serve.mjs', import.meta.url).href
    )) as { buildClient: (dir: string) => Promise<void> };
    await buildClient(dir);
    server = await startHttpServer({ port: 0, staticDir: dir, store: createStore({ sha256: nodeSha256 }) });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('each element renders to declarative shadow DOM in Node: no DOM globals, no request, no unhandled rejection (relative base-url)', () => {
    assert.deepEqual(rendered.requests, [], 'requests from the server');
    assert.deepEqual(rendered.rejections, [], 'unhandled rejections');
    assert.deepEqual(rendered.dom, [], 'DOM globals');
    for (const tag of TAGS)
      assert.match(
        rendered.html,
        new RegExp(`<${tag}[^>]*><template shadowroot="open" shadowrootmode="open">`),
        `${tag} with its shadow root`,
      );
    // What the elements show while their data loads in the browser, inside the provider too.
    assert.match(rendered.html, /Wird geladen …/, 'the tree loading');
    assert.match(rendered.html, /Dateien hierher ziehen oder klicken/, 'the drop zone');
    assert.match(rendered.html, /Alle Mieter/, 'the picker');
    assert.doesNotMatch(
      rendered.html,
      /Nicht angemeldet|kein Bereich/,
      'inside the provider the elements have its token and scope',
    );
  });

  it('hydrates in Chromium without a flash of different content, then loads its data there', async () => {
    // Arrange: the server's page, with a classic script that notes what the server rendered
    // before the module (hydration) runs
    writeFileSync(
      join(dir, 'index.html'),
      rendered.html.replace(
        '</body>',
        `<script>
          // What the server sent (before any script ran), and the first render in the browser
          // (right after hydration, before any answer can have come: no task runs in between).
          const textOf = (el) => [...el.shadowRoot.childNodes].filter((n) => (n.nodeType === 1 && n.nodeName !== 'STYLE') || n.nodeType === 3).map((n) => n.textContent).join('').replace(/\\s+/g, ' ').trim();
          window.first = Promise.all([...document.querySelectorAll('doc-folder-tree, doc-uploader, share-picker')].map((el) => {
            const server = textOf(el);
            const base = el.shadowRoot.querySelector('[part~="base"]');
            return customElements.whenDefined(el.localName).then(() => el.updateComplete).then(() => ({ tag: el.localName, server, browser: textOf(el), sameNodes: !!base && el.shadowRoot.querySelector('[part~="base"]') === base }));
          }));
        </script></body>`,
      ),
    );
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(m.text()));
    // Act
    await page.goto(`${server.url}/index.html`);
    // Assert: the first render in the browser (after hydration, before any answer) is what the server sent, on the same nodes
    const first = await page.evaluate(
      () =>
        (
          window as unknown as {
            first: Promise<Array<{ tag: string; server: string; browser: string; sameNodes: boolean }>>;
          }
        ).first,
    );
    for (const f of first) {
      assert.equal(f.browser, f.server, `${f.tag}: the browser's first render is what the server sent`);
      assert.ok(f.sameNodes, `${f.tag}: hydrated on the server's nodes, not rendered again`);
    }
    // And then the data, loaded in the browser
    await page
      .locator('doc-folder-tree')
      .getByRole('treeitem', { name: /Objektunterlagen/ })
      .waitFor({ timeout: 10_000 });
    await page
      .locator('share-picker')
      .getByText(/Alle Mieter \(\d+\)/)
      .waitFor({ timeout: 10_000 });
    await page.locator('doc-uploader input[type=file]').setInputFiles({
      name: 'Plan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await page
      .locator('doc-uploader select')
      .first()
      .locator('option', { hasText: 'Objektunterlagen' })
      .waitFor({ state: 'attached', timeout: 10_000 });
    assert.deepEqual(
      errors.filter((e) => !/Lit is in dev mode/.test(e)),
      [],
      'errors and warnings in the browser',
    );
    await page.close();
  });
});
