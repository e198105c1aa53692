import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startHttpServer, type RunningServer } from '../src/http.ts';

// A raw GET, so that "../" reaches the server as written (fetch would normalise it away).
const rawGet = (url: string, path: string) =>
  new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
    const u = new URL(url);
    request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () =>
        resolve({ status: res.statusCode!, body, type: String(res.headers['content-type']) }),
      );
    })
      .on('error', reject)
      .end();
  });

describe('startHttpServer({ staticDir })', () => {
  let dir: string;
  let server: RunningServer;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'docportal-static-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Demo</title>');
    writeFileSync(join(dir, 'app.js'), 'export {};');
    server = await startHttpServer({ port: 0, staticDir: dir });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the folder on the API origin, index.html for a folder, with content types', async () => {
    const index = await rawGet(server.url, '/');
    assert.equal(index.status, 200);
    assert.match(index.type, /^text\/html/);
    assert.match(index.body, /<title>Demo<\/title>/);
    const js = await rawGet(server.url, '/app.js');
    assert.match(js.type, /^text\/javascript/);
  });

  it('never serves a file outside the folder, and the API still answers beside it', async () => {
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/nothing.html']) {
      const r = await rawGet(server.url, path);
      assert.equal(r.status, 404, path);
      assert.doesNotMatch(r.body, /root:/, path);
    }
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { Authorization: 'Bearer manager' } });
    assert.equal(me.status, 200);
  });
});
