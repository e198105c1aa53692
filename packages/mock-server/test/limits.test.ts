/**
 * Limits and edges of the standalone server (API.md "Exactly once, and limits", "Mock-only
 * control endpoints"), over real HTTP and raw sockets: session lifecycle (expiry, stalls, busy),
 * body limits, odd hosts, huge sizes, long names, downloads that break off, bidi in titles,
 * validation before bytes, and a control plane that stays local.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { makePdf } from '../src/fixtures/files.ts';
import { startHttpServer, type RunningServer } from '../src/http.ts';
import { makeApi, problem, stats as statsOf, useServer, type Api } from './helpers.ts';
import { makePaddedPdf } from '../src/testing.ts';

const api = useServer();
const M = 'manager';
const ROSENWEG = { kind: 'property', id: 'rosenweg-24' } as const;
const stats = () => statsOf(api);
const chunkHeaders = (offset: number) => ({
  'Upload-Offset': String(offset),
  'Content-Type': 'application/offset+octet-stream',
});
const createUpload = (fileName: string, size: number, extra: Record<string, unknown> = {}) =>
  api.post('/uploads', { fileName, size, mimeType: 'application/pdf', ...extra }, M);
const port = () => Number(new URL(api.url).port);

/** Sends raw bytes on a fresh socket; resolves what came back before the server closed or `ms` passed. */
function raw(text: string | Buffer, ms = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port(), '127.0.0.1');
    let got = '';
    const done = () => {
      socket.destroy();
      resolve(got);
    };
    socket.on('data', (d) => {
      got += d.toString('latin1');
      if (/\r\n\r\n/.test(got)) setTimeout(done, 50);
    });
    socket.on('error', done);
    socket.on('close', done);
    setTimeout(done, ms);
    socket.write(text);
  });
}

describe('upload sessions have a lifecycle', () => {
  it('an expired session is purged: GET and DELETE say 404, openUploads no longer counts it', async () => {
    const c = await createUpload('a.pdf', 100);
    assert.equal(
      (
        await api.call('PATCH', `/uploads/${c.body.id}`, {
          token: M,
          body: new Uint8Array(50),
          headers: chunkHeaders(0),
        })
      ).status,
      204,
    );
    assert.equal((await stats()).openUploads, 1);
    await api.control('POST', '/clock', { now: new Date(Date.parse(c.body.expiresAt) + 1000).toISOString() });
    problem(await api.get(`/uploads/${c.body.id}`, M), 404, 'not_found');
    problem(await api.del(`/uploads/${c.body.id}`, M), 404, 'not_found');
    assert.equal((await stats()).openUploads, 0);
    await api.control('POST', '/clock', { now: null });
    problem(await api.get(`/uploads/${c.body.id}`, M), 404, 'not_found');
  });

  it('a PATCH meeting a session another PATCH is writing gets 409 upload_busy with Retry-After; a stalled PATCH is cut and its bytes count', async () => {
    const server = await startHttpServer({ port: 0, uploadIdleMs: 300 });
    try {
      const s: Api = makeApi(server);
      const c = await s.post('/uploads', { fileName: 'a.pdf', size: 1000, mimeType: 'application/pdf' }, M);
      // A PATCH that announces 1000 bytes, sends 100 and stalls.
      const stalled = request(`${server.url}/api/v1/uploads/${c.body.id}`, {
        method: 'PATCH',
        headers: { Authorization: 'Bearer manager', ...chunkHeaders(0), 'Content-Length': '1000' },
      });
      stalled.on('error', () => undefined);
      stalled.write(Buffer.alloc(100, 0x25));
      let busy;
      for (let i = 0; i < 100; i++) {
        busy = await s.call('PATCH', `/uploads/${c.body.id}`, {
          token: M,
          body: new Uint8Array(10),
          headers: chunkHeaders(0),
        });
        if (busy.status !== 204 && busy.body?.code === 'upload_busy') break;
      }
      problem(busy!, 409, 'upload_busy');
      assert.ok(Number(busy!.headers.get('retry-after')) >= 1, 'Retry-After');
      assert.doesNotMatch(busy!.body.detail, /offset (\d+), not \1\b/);
      // The server cuts the stalled PATCH; the 100 bytes before the stall count and the session is free.
      let offset = 0;
      for (let i = 0; i < 200 && offset === 0; i++) {
        await new Promise((r) => setTimeout(r, 25));
        offset = (await s.get(`/uploads/${c.body.id}`, M)).body.offset;
      }
      assert.equal(offset, 100);
      const next = await s.call('PATCH', `/uploads/${c.body.id}`, {
        token: M,
        body: new Uint8Array(900),
        headers: chunkHeaders(100),
      });
      assert.equal(next.status, 204);
      assert.equal(next.headers.get('upload-offset'), '1000');
      stalled.destroy();
    } finally {
      await server.close();
    }
  });
});

describe('limits', () => {
  it('a JSON body over 1 MiB → 413 body_too_large, with or without Content-Length, and nothing changes', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1_100_000) });
    problem(
      await api.post('/document-types', big, M, { 'Content-Type': 'application/json' }),
      413,
      'body_too_large',
    );
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${api.url}/api/v1/document-types`,
        {
          method: 'POST',
          headers: {
            Authorization: 'Bearer manager',
            'Content-Type': 'application/json',
            'Transfer-Encoding': 'chunked',
          },
        },
        (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 20; i++)
        req.write(i === 0 ? '{"name":"' + 'y'.repeat(99_990) : 'y'.repeat(100_000));
      req.end('"}');
    });
    assert.equal(chunked.status, 413);
    assert.equal(JSON.parse(chunked.body).code, 'body_too_large');
    assert.equal((await api.get('/document-types', M)).body.items.length > 0, true);
    assert.equal((await api.get('/me', M)).status, 200);
  });

  it('an invalid Host header → 400 problem+json, no stack trace', async () => {
    for (const host of ['a b', '[', 'x:99999']) {
      const r = await raw(
        `GET /api/v1/me HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer manager\r\nConnection: close\r\n\r\n`,
      );
      assert.match(r, /^HTTP\/1\.1 400/, `${host}: ${r.slice(0, 80)}`);
      assert.doesNotMatch(r, /at .*\.ts:\d+/);
    }
  });

  it('a chunked PATCH past size → 422, nothing written', async () => {
    const c = await createUpload('a.pdf', 100);
    const r = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${api.url}/api/v1/uploads/${c.body.id}`,
        {
          method: 'PATCH',
          headers: { Authorization: 'Bearer manager', ...chunkHeaders(0), 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on('error', reject);
      req.write(Buffer.alloc(80));
      req.end(Buffer.alloc(80));
    });
    assert.equal(r.status, 422, r.body);
    assert.equal((await api.get(`/uploads/${c.body.id}`, M)).body.offset, 0);
  });

  it('a size of 2^53 or 1e308 → 413 file_too_large', async () => {
    for (const size of ['9007199254740992', '1e308']) {
      const r = await api.post(
        '/uploads',
        `{"fileName":"a.pdf","size":${size},"mimeType":"application/pdf"}`,
        M,
        { 'Content-Type': 'application/json' },
      );
      problem(r, 413, 'file_too_large');
    }
    assert.equal((await stats()).uploads, 0);
  });

  it('a file name over 4,096 characters is cleaned, not refused', async () => {
    const c = await createUpload(`${'Ä'.repeat(5000)}.pdf`, 10);
    assert.equal(c.status, 201, JSON.stringify(c.body));
  });
});

describe('validation before bytes: POST /uploads checks the document to be', () => {
  it('a 201-character title, an unknown type, an unknown or out-of-scope share target → 422, no session', async () => {
    problem(await createUpload('a.pdf', 10, { title: 'T'.repeat(201) }), 422, 'validation_failed');
    problem(
      await createUpload('a.pdf', 10, { title: 'Gut', documentTypeId: 'gibt-es-nicht' }),
      422,
      'validation_failed',
    );
    problem(
      await createUpload('a.pdf', 10, {
        scope: ROSENWEG,
        shares: [{ kind: 'contact', contactId: 'niemand' }],
      }),
      422,
      'validation_failed',
    );
    problem(
      await createUpload('a.pdf', 10, {
        scope: ROSENWEG,
        shares: [{ kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant'] }],
      }),
      422,
      'target_out_of_scope',
    );
    assert.equal((await stats()).uploads, 0);
    assert.equal(
      (
        await createUpload('a.pdf', 10, {
          title: 'Gut',
          documentTypeId: 'plaene',
          scope: ROSENWEG,
          shares: [],
        })
      ).status,
      201,
    );
  });
});

describe('titles and downloads', () => {
  it('bidi overrides and isolates are stripped from titles as from file names', async () => {
    const r = await api.patch(
      '/documents/energieausweis-rosenweg-24',
      { title: 'Rechnung\u202Efdp.exe\u2066x\u2069' },
      M,
    );
    assert.equal(r.status, 200);
    assert.equal(r.body.title, 'Rechnungfdp.exex');
  });

  it('the ASCII fallback of Content-Disposition holds no %XX', async () => {
    const bytes = makePdf('Prozent');
    const c = await createUpload('Rabatt %41%20 100%.pdf', bytes.length);
    await api.call('PATCH', `/uploads/${c.body.id}`, { token: M, body: bytes, headers: chunkHeaders(0) });
    const d = await api.post(
      '/documents',
      { uploadId: c.body.id, title: 'Prozent', documentTypeId: 'plaene', scope: ROSENWEG, shares: [] },
      M,
    );
    const r = await api.get(`/documents/${d.body.id}/content`, M);
    const ascii = /filename="([^"]*)"/.exec(r.headers.get('content-disposition') ?? '')?.[1] ?? '';
    assert.doesNotMatch(ascii, /%[0-9A-Fa-f]{2}/);
    assert.match(
      r.headers.get('content-disposition') ?? '',
      /filename\*=UTF-8''Rabatt%20%2541%2520%20100%25\.pdf/,
    );
  });

  it('a download counts only when all its bytes were sent', async () => {
    const bytes = makePaddedPdf(24 * 1024 * 1024, 'Gross', 0x25);
    const c = await createUpload('Gross.pdf', bytes.length);
    await api.call('PATCH', `/uploads/${c.body.id}`, { token: M, body: bytes, headers: chunkHeaders(0) });
    const d = await api.post(
      '/documents',
      {
        uploadId: c.body.id,
        title: 'Gross',
        documentTypeId: 'plaene',
        scope: ROSENWEG,
        shares: [{ kind: 'contact', contactId: 'ahmet-yilmaz' }],
      },
      M,
    );
    assert.equal(d.status, 201);
    // Reads the first piece, then goes away.
    await new Promise<void>((resolve) => {
      const req = request(
        `${api.url}/api/v1/documents/${d.body.id}/content`,
        { headers: { Authorization: 'Bearer contact:ahmet-yilmaz' } },
        (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.on('error', () => undefined);
      req.end();
    });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal((await api.get(`/documents/${d.body.id}/downloads`, M)).body.total, 0);
    const whole = await api.get(`/documents/${d.body.id}/content`, 'contact:ahmet-yilmaz');
    assert.equal(whole.bytes.length, bytes.length);
    assert.equal((await api.get(`/documents/${d.body.id}/downloads`, M)).body.total, 1);
  });
});

describe('the control plane stays local', () => {
  const preflight = (origin: string, path = '/__mock/reset') =>
    fetch(`${api.url}${path}`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });

  it('answers preflights to /__mock only for localhost and trusted origins', async () => {
    for (const origin of ['http://localhost:6006', 'http://127.0.0.1:8000', api.url]) {
      const r = await preflight(origin);
      assert.equal(r.status, 204, origin);
      assert.equal(r.headers.get('access-control-allow-origin'), origin);
    }
    const evil = await preflight('https://evil.example');
    assert.notEqual(evil.status, 204);
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    const read = await fetch(`${api.url}/__mock/stats`, { headers: { Origin: 'https://evil.example' } });
    assert.equal(read.headers.get('access-control-allow-origin'), null);
    // The API itself stays open to every origin.
    assert.equal(
      (await preflight('https://evil.example', '/api/v1/documents')).headers.get(
        'access-control-allow-origin',
      ),
      '*',
    );
  });

  it('--trust-origin (trustOrigins) adds an origin', async () => {
    const server = await startHttpServer({ port: 0, trustOrigins: ['https://portal.test'] });
    try {
      const r = await fetch(`${server.url}/__mock/reset`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://portal.test', 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(r.status, 204);
      assert.equal(r.headers.get('access-control-allow-origin'), 'https://portal.test');
    } finally {
      await server.close();
    }
  });
});

let quiet: RunningServer;
const logged: string[] = [];
describe('disconnects are logged quietly', () => {
  before(async () => {
    quiet = await startHttpServer({ port: 0, log: (l) => logged.push(l) });
  });
  after(() => quiet.close());

  it('a client that goes away mid-body leaves one line and no stack trace', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...a: unknown[]) => void errors.push(a);
    try {
      const s = makeApi(quiet);
      const c = await s.post('/uploads', { fileName: 'a.pdf', size: 1000, mimeType: 'application/pdf' }, M);
      const req = request(`${quiet.url}/api/v1/uploads/${c.body.id}`, {
        method: 'PATCH',
        headers: { Authorization: 'Bearer manager', ...chunkHeaders(0), 'Content-Length': '1000' },
      });
      req.on('error', () => undefined);
      req.write(Buffer.alloc(100));
      await new Promise((r) => setTimeout(r, 100));
      req.destroy();
      await new Promise((r) => setTimeout(r, 200));
      assert.equal((await s.get(`/uploads/${c.body.id}`, M)).body.offset, 0);
    } finally {
      console.error = original;
    }
    assert.deepEqual(errors, []);
  });
});
