import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../src/store/errors.ts';
import { IDEMPOTENCY_TTL_MS, IdempotencyLedger, stableJson } from '../src/store/idempotency.ts';

const answer = (status: number, body = '') => ({ status, body });

describe('idempotency ledger (no HTTP)', () => {
  it('canonical JSON ignores key order, not array order', () => {
    assert.equal(stableJson({ b: 1, a: [{ y: 2, x: 1 }] }), stableJson({ a: [{ x: 1, y: 2 }], b: 1 }));
    assert.notEqual(stableJson([1, 2]), stableJson([2, 1]));
    assert.equal(stableJson({ a: 'x' }), '{"a":"x"}');
  });

  it('replays the first answer for the same key and request, without running again', async () => {
    const ledger = new IdempotencyLedger();
    let runs = 0;
    const run = async () => answer(201, `run ${++runs}`);
    const first = await ledger.once('manager', 'createUpload', 'k1', { a: 1, b: 2 }, run, 0);
    const again = await ledger.once('manager', 'createUpload', 'k1', { b: 2, a: 1 }, run, 1000);
    assert.equal(runs, 1);
    assert.equal(again, first);
  });

  it('a key used with another request is a 409 conflict', async () => {
    const ledger = new IdempotencyLedger();
    await ledger.once('manager', 'op', 'k1', { a: 1 }, async () => answer(200), 0);
    assert.throws(
      () => ledger.once('manager', 'op', 'k1', { a: 2 }, async () => answer(200), 0),
      (e) => e instanceof ApiError && e.code === 'conflict',
    );
  });

  it('keys are per caller and per operation', async () => {
    const ledger = new IdempotencyLedger();
    let runs = 0;
    const run = async () => answer(200, String(++runs));
    await ledger.once('manager', 'op', 'k', {}, run, 0);
    await ledger.once('contact-a', 'op', 'k', {}, run, 0);
    await ledger.once('manager', 'other', 'k', {}, run, 0);
    assert.equal(runs, 3);
  });
});

describe('idempotency ledger (no HTTP): forgetting', () => {
  it('a refused or failed write frees its key', async () => {
    const ledger = new IdempotencyLedger();
    await ledger.once('manager', 'op', 'k', { a: 1 }, async () => answer(422), 0);
    const second = await ledger.once('manager', 'op', 'k', { a: 2 }, async () => answer(201, 'ok'), 0);
    assert.equal(second.body, 'ok');
    await assert.rejects(
      ledger.once('manager', 'op', 'j', {}, async () => Promise.reject(new Error('boom')), 0),
    );
    const after = await ledger.once(
      'manager',
      'op',
      'j',
      { other: true },
      async () => answer(200, 'fresh'),
      0,
    );
    assert.equal(after.body, 'fresh');
  });

  it('forgets keys after 24 hours', async () => {
    const ledger = new IdempotencyLedger();
    let runs = 0;
    const run = async () => answer(200, String(++runs));
    await ledger.once('manager', 'op', 'k', {}, run, 0);
    await ledger.once('manager', 'op', 'k', {}, run, IDEMPOTENCY_TTL_MS - 1);
    assert.equal(runs, 1);
    await ledger.once('manager', 'op', 'k', { changed: true }, run, IDEMPOTENCY_TTL_MS);
    assert.equal(runs, 2);
  });
});
