/**
 * A deliberately broken backend for the conformance kit's tests: the mock server behind a small
 * proxy that breaks three rules of the contract the way real backends do.
 * - drops `Upload-Offset` from the 204 of `PATCH /uploads/{id}`;
 * - answers a stale `If-Match` with 409 `conflict` instead of 412 `precondition_failed`;
 * - leaks: a contact's `GET /documents/{id}` that would be 404 answers the manager's view.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Broken {
  url: string;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of req) parts.push(p as Buffer);
  return Buffer.concat(parts);
}

const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

export async function startBrokenBackend(upstream: string): Promise<Broken> {
  const server = createServer(async (req, res) => {
    const bytes = await body(req);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (!HOP.has(k) && typeof v === 'string') headers[k] = v;
    const url = upstream + (req.url ?? '/');
    const forward = (h: Record<string, string>) =>
      fetch(url, {
        method: req.method,
        headers: h,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(bytes),
      });
    let answer = await forward(headers);
    let out = Buffer.from(await answer.arrayBuffer());
    const outHeaders: Record<string, string> = {};
    answer.headers.forEach((v, k) => {
      if (!HOP.has(k)) outHeaders[k] = v;
    });
    let status = answer.status;

    if (req.method === 'PATCH' && /\/uploads\/[^/]+$/.test(req.url ?? '') && status === 204)
      delete outHeaders['upload-offset'];
    if (status === 412) {
      status = 409;
      const p = JSON.parse(out.toString('utf8'));
      out = Buffer.from(JSON.stringify({ ...p, status: 409, code: 'conflict' }));
    }
    if (
      req.method === 'GET' &&
      /\/documents\/[^/]+$/.test(new URL(url).pathname) &&
      status === 404 &&
      /^Bearer contact:/.test(headers.authorization ?? '')
    ) {
      answer = await forward({ ...headers, authorization: 'Bearer manager' });
      if (answer.status === 200) {
        status = 200;
        out = Buffer.from(await answer.arrayBuffer());
        outHeaders['content-type'] = 'application/json';
      }
    }
    res.writeHead(status, { ...outHeaders, 'content-length': String(out.length) }).end(out);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
