import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setupMockServer } from '../src/node.ts';

// The same handlers behind MSW's request interception in Node: no socket, fetch is intercepted.
const server = setupMockServer();
const base = 'http://portal.test/api/v1';
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

const call = async (path: string, init: RequestInit & { token?: string } = {}) => {
  const res = await fetch(base + path, {
    ...init,
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.headers as Record<string, string>),
    },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: res.status === 204 ? undefined : await res.json(),
  };
};

describe('setupMockServer (MSW in Node)', () => {
  it('answers the contract on any origin', async () => {
    const me = await call('/me', { token: 'contact:kristina-maiblume' });
    assert.equal(me.status, 200);
    assert.equal(me.body.name, 'Kristina Maiblume');
  });

  it('answers problem+json for refusals and unknown routes', async () => {
    const anon = await call('/documents');
    assert.equal(anon.status, 401);
    assert.equal(anon.type, 'application/problem+json');
    assert.equal(anon.body.code, 'unauthorized');
    const unknown = await call('/nothing-here', { token: 'manager' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'not_found');
  });

  it('injects status faults deterministically and exposes the store', async () => {
    const faults = await fetch('http://portal.test/__mock/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ failRate: 1, failStatus: 429, retryAfter: 0 }),
    });
    assert.equal(faults.status, 200);
    const limited = await fetch(`${base}/me`, { headers: { Authorization: 'Bearer manager' } });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '0');
    server.store.setFaults({});
    assert.equal((await call('/me', { token: 'manager' })).status, 200);
    assert.ok(server.store.stats().requests >= 2);
  });
});
