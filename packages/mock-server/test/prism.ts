/**
 * A Prism validating proxy (`prism proxy openapi.json <upstream> --errors`) in front of a
 * server, for tests: it checks every request and answer against packages/core-sdk/openapi.json
 * and reports what breaks the document in the `sl-violations` header of the answer.
 *
 * Prism's limits, worked around by the callers: it re-encodes binary bodies as UTF-8 in both
 * directions (stoplightio/prism#1321, #2349), so upload chunks go straight to the server and
 * downloaded bytes are compared without the proxy; it reads a multipart part as a string and
 * ignores the document's `encoding` (the JSON `metadata` part of `POST /documents/upload` fails
 * as "must be object") and would re-encode the file part likewise, so one-request uploads go
 * straight to the server too; and it never answers malformed JSON, so
 * deliberately broken JSON is sent straight to the server too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const PRISM = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
export const OPENAPI = require.resolve('@docportal/core-sdk/openapi.json');

export interface Prism {
  /** The proxy's base URL: the API's paths go right after it (no base path). */
  url: string;
  /** Everything Prism printed. */
  log(): string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** Starts `prism proxy` for `upstream` (the API's base URL, e.g. `http://127.0.0.1:1234/api/v1`). */
export async function startPrism(upstream: string): Promise<Prism> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [PRISM, 'proxy', OPENAPI, upstream, '--errors', '--host', '127.0.0.1', '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (out.includes('Prism is listening')) done(resolve);
    };
    const onExit = (code: number | null) => done(() => reject(new Error(`prism exited (${code}):\n${out}`)));
    const done = (f: () => void) => {
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      f();
    };
    child.stdout!.on('data', onData);
    child.on('exit', onExit);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
