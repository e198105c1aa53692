/**
 * One contract: the endpoint table the mock server checks requests with and the OpenAPI document
 * is made from is built on the routes the SDK sends through, and no other SDK module writes a path.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { endpoints } from '../src/contract.ts';
import { pathOf } from '../src/internal/http.ts';
import * as routes from '../src/routes.ts';

const src = new URL('../src/', import.meta.url);

describe('the SDK’s routes', () => {
  it('are the contract’s endpoints: the same names, methods, paths and answer schemas', () => {
    assert.deepEqual(Object.keys(routes).sort(), Object.keys(endpoints).sort());
    for (const [name, endpoint] of Object.entries(endpoints)) {
      const route = routes[name as keyof typeof routes];
      assert.equal(endpoint.method, route.method, name);
      assert.equal(endpoint.path, route.path, name);
      assert.equal(endpoint.response, route.response, `${name}: the very same schema`);
    }
  });

  it('are the only place of the SDK that writes a path of the API', () => {
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const first = new Set(Object.values(routes).map((r) => r.path.split('/')[1]));
    const literal = new RegExp(`['\`]/(${[...first].join('|')})\\b`);
    // The code, without its comments (which may name a path to explain one).
    const code = (f: string) =>
      readFileSync(new URL(f, src), 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    const writers = files.filter((f) => !['routes.ts', 'contract.ts'].includes(f) && literal.test(code(f)));
    assert.deepEqual(writers, []);
  });

  it('fill every parameter as one encoded segment, and refuse "", "." and ".."', () => {
    assert.equal(
      pathOf(routes.getDigestEmail.path, { date: '2026-03-01', contactId: 'a/b?c#d' }),
      '/notifications/digests/2026-03-01/a%2Fb%3Fc%23d',
    );
    assert.equal(pathOf(routes.getDocument.path, { id: '..%2F' }), '/documents/..%252F');
    for (const id of ['', '.', '..'])
      assert.throws(() => pathOf(routes.getDocument.path, { id }), { name: 'ValidationError' });
    assert.throws(() => pathOf(routes.getDocument.path, {}), { name: 'ValidationError' });
  });
});
