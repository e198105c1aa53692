/**
 * One route table, two transports: MSW matches URLs with its own rules, the standalone server
 * with `router()`. Both must pick the same route for the same URL, or the browser worker and
 * the node server would answer differently.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getResponse } from 'msw';
import { handlers, routes } from '../src/handlers/index.ts';
import { fromFetch, router } from '../src/handlers/route.ts';
import { createStore } from '../src/store/store.ts';
import { useServer } from './helpers.ts';

const api = useServer({ resetEach: false });

const ORIGIN = 'http://127.0.0.1:4010';

const cases: Array<[method: string, path: string]> = [
  ['GET', '/api/v1/me'],
  ['GET', '/api/v1/me/'],
  ['GET', '/api/v1/ME'],
  ['GET', '/api/v1/me?x=1'],
  ['GET', '/api/v1/properties/rosenweg-24'],
  ['GET', '/api/v1/properties/rosenweg-24/'],
  ['GET', '/api/v1/properties/rosenweg%2D24/units'],
  ['GET', '/api/v1/properties/rosenweg-24/units/extra'],
  ['GET', '/api/v1/properties//units'],
  ['GET', '/api/v1/units/rosenweg-24-w001'],
  ['GET', '/api/v1/documents'],
  ['GET', '/api/v1/documents/nope/content'],
  ['GET', '/api/v1/notifications/digests/2026-11-27/ahmet-yilmaz'],
  ['GET', '/api/v1/notifications/digests/not-a-date/ahmet-yilmaz'],
  ['POST', '/api/v1/me'],
  ['DELETE', '/api/v1/uploads/nope'],
  ['PUT', '/api/v1/documents/nope'],
  ['GET', '/api/v1/no-such-endpoint'],
  ['GET', '/api/v1/'],
  ['GET', '/prefix/api/v1/me'],
  ['GET', '/api/v1/api/v1/me'],
  ['GET', '/x/api/v1/documents/nope'],
  ['GET', '/__mock/stats'],
  ['POST', '/__mock/stats'],
  ['GET', '/elsewhere/__mock/stats'],
  ['GET', '/index.html'],
];

describe('routes', () => {
  it('the standalone server answers a misplaced base path with 404 problem+json', async () => {
    for (const path of ['/x/api/v1/me', '/api/v1/api/v1/me']) {
      const r = await fetch(api.url + path, { headers: { Authorization: 'Bearer manager' } });
      assert.equal(r.status, 404, path);
      assert.equal(r.headers.get('content-type'), 'application/problem+json', path);
      assert.equal(((await r.json()) as { code: string }).code, 'not_found', path);
    }
    assert.equal(
      (await fetch(`${api.url}/api/v1/me`, { headers: { Authorization: 'Bearer manager' } })).status,
      200,
    );
  });

  it('a base path not right after the origin finds no endpoint: 404 problem+json from both transports', async () => {
    const viaMsw = handlers(createStore(), { transport: 'http' });
    for (const path of ['/x/api/v1/me', '/api/v1/api/v1/me', '/prefix/api/v1/documents']) {
      const r = await getResponse(
        viaMsw,
        new Request(ORIGIN + path, { headers: { Authorization: 'Bearer manager' } }),
      );
      assert.equal(r?.status, 404, path);
      assert.equal(r?.headers.get('content-type'), 'application/problem+json', path);
      assert.equal((await r!.json()).code, 'not_found', path);
    }
  });

  it('MSW and the standalone router pick the same route for the same URL', async () => {
    const viaMsw = handlers(createStore(), { transport: 'http' });
    const match = router(routes(createStore(), { transport: 'http' }));
    for (const [method, path] of cases) {
      const init = { method, headers: { Authorization: 'Bearer manager' } };
      const a = await getResponse(viaMsw, new Request(ORIGIN + path, init));
      const url = new URL(ORIGIN + path);
      const found = match(method, url);
      const b = found && (await found.route.handle(fromFetch(new Request(url, init)), found.params));
      assert.equal(b?.status, a?.status, `${method} ${path}`);
      if (a && b) assert.equal(typeof b.body === 'string' ? b.body : '', await a.text(), `${method} ${path}`);
    }
  });
});
