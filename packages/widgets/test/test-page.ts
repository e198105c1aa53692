/**
 * A page of our own on the standalone mock server, in Debian Chromium: the Node tests that load
 * the widgets as a portal would (the script-tag bundle, a page bundled with esbuild) build their
 * script into a temporary folder beside an HTML page, serve the folder and open a browser.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../scripts/chromium.mjs';
import { createStore } from '@docportal/mock-server/testing';
import { nodeSha256, startHttpServer, type RunningServer } from '@docportal/mock-server/http';

export interface TestPage {
  server: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

export interface TestPageOptions {
  /** Names the temporary folder. */
  name: string;
  /** How esbuild makes the page's script; `outfile` is a name inside the folder. */
  script: BuildOptions & { outfile: string };
  /** index.html of the folder. */
  html: string;
  /** Extra Chromium flags. */
  args?: string[];
}

/** Builds the script, writes the page, serves both with a fresh store, and launches Chromium. */
export async function startTestPage({ name, script, html, args = [] }: TestPageOptions): Promise<TestPage> {
  const dir = mkdtempSync(join(tmpdir(), `docportal-${name}-`));
  await build({ ...script, outfile: join(dir, script.outfile), logLevel: 'silent' });
  writeFileSync(join(dir, 'index.html'), html);
  const server = await startHttpServer({
    port: 0,
    staticDir: dir,
    store: createStore({ sha256: nodeSha256 }),
  });
  const browser = await launchChromium({ args });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
