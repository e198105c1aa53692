import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const bin = fileURLToPath(new URL('../bin/docportal-mock-server.js', import.meta.url));

function start(args: string[]): { child: ChildProcess; output: () => string; ready: Promise<string> } {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const ready = new Promise<string>((resolve, reject) => {
    const check = () => {
      const m = /API at (http:\/\/\S+)\/api\/v1/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return { child, output: () => out, ready };
}

describe('docportal-mock-server (bin)', () => {
  it('serves on 127.0.0.1, logs one line per request and stops on SIGTERM', async () => {
    const s = start(['--port', '0']);
    const url = await s.ready;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/api/v1/me`, {
      headers: { Authorization: 'Bearer manager', Origin: 'http://portal.example' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, 50));
    assert.match(s.output(), /^GET \/api\/v1\/me 200 [\d.]+ms$/m);
    s.child.kill('SIGTERM');
    const [code] = await once(s.child, 'exit');
    assert.equal(code, 0);
  });

  it('starts with the large data set on request', async () => {
    const s = start(['--port', '0', '--dataset', 'large', '--quiet']);
    const url = await s.ready;
    const props = await (
      await fetch(`${url}/api/v1/properties`, { headers: { Authorization: 'Bearer manager' } })
    ).json();
    assert.ok(props.items.some((p: { id: string }) => p.id === 'grosssiedlung'));
    assert.ok(props.items.length >= 202);
    s.child.kill('SIGTERM');
    await once(s.child, 'exit');
  });

  it('refuses a bad port with a clear message', async () => {
    const s = start(['--port', 'abc']);
    s.ready.catch(() => undefined);
    const [code] = await once(s.child, 'exit');
    assert.equal(code, 2);
    assert.match(s.output(), /Invalid --port "abc"/);
  });
});
