/** `docportal-mock-server init-worker <dir>` copies the MSW worker that startWorker() registers. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const bin = fileURLToPath(new URL('../bin/docportal-mock-server.js', import.meta.url));
const worker = readFileSync(new URL('../public/mockServiceWorker.js', import.meta.url), 'utf8');
const run = (args: string[]) =>
  promisify(execFile)(process.execPath, [bin, ...args]).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

describe('docportal-mock-server init-worker', () => {
  it('writes mockServiceWorker.js of the MSW version in use into the folder, creating it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docportal-worker-'));
    try {
      const { code, out } = await run(['init-worker', join(dir, 'public')]);
      assert.equal(code, 0, out);
      const copied = readFileSync(join(dir, 'public', 'mockServiceWorker.js'), 'utf8');
      assert.equal(copied, worker);
      const msw = JSON.parse(
        readFileSync(new URL('../../../node_modules/msw/package.json', import.meta.url), 'utf8'),
      ) as { version: string };
      assert.match(copied, new RegExp(`PACKAGE_VERSION = '${msw.version.replace(/\./g, '\\.')}'`));
      assert.match(out, /Wrote .*mockServiceWorker\.js/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without a folder, or with a file for one, says what to do and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docportal-worker-'));
    try {
      const none = await run(['init-worker']);
      assert.equal(none.code, 2);
      assert.match(none.out, /init-worker public/);
      writeFileSync(join(dir, 'file'), 'x');
      const file = await run(['init-worker', join(dir, 'file')]);
      assert.equal(file.code, 2);
      assert.match(file.out, /is a file, not a folder/);
      assert.equal(readFileSync(join(dir, 'file'), 'utf8'), 'x');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
