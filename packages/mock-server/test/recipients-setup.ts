/** What the recipient and digest tests share: one server per test file, and helpers. */
import assert from 'node:assert/strict';
import { beforeEach } from 'node:test';
import type { ShareTarget } from '@docportal/core-sdk';
import { buildFixtures } from '../src/fixtures/fixtures.ts';
import { useServer, type Answer, type Api } from './helpers.ts';

export const api = useServer();
export const F = buildFixtures();
export const TODAY = '2026-11-27';
// A fixed day, so that relations (some begin in 2030) resolve the same whenever the suite runs.
beforeEach(() => api.control('POST', '/clock', { now: `${TODAY}T09:00:00Z` }));

export interface Option {
  target: ShareTarget;
  label: string;
  description: string;
  recipientCount: number;
}

export function assertProblem(r: Answer, status: number, code: string, what = ''): void {
  assert.equal(r.status, status, `${what}: got ${r.status} ${JSON.stringify(r.body)}`);
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(r.body.code, code, what);
}
export function assertInvalid(r: Answer, path: string, what = ''): void {
  assertProblem(r, 422, 'validation_failed', what);
  assert.ok(
    r.body.errors?.some((e: { path: string }) => e.path === path),
    `${what}: errors name ${path}: ${JSON.stringify(r.body.errors)}`,
  );
}

export const clock = (now: string, on: Api = api) => on.control('POST', '/clock', { now });
export const options = async (query: string, on: Api = api): Promise<Option[]> => {
  const r = await on.get(`/recipients?${query}`, 'manager');
  assert.equal(r.status, 200, `${query}: ${JSON.stringify(r.body)}`);
  return r.body.items;
};
export const labels = (xs: Option[]) => xs.map((o) => o.label);
export const sorted = (xs: Iterable<string>) => [...xs].sort();

/** Rank of an option's kind in the contract's order (in a property scope, the role-wide options are property targets). */
export const rank = (o: Option) =>
  ({ property: 0, address: 1, unit: 2, group: 3, contact: 4 })[o.target.kind];

/** Current residents (from ≤ today < to) of units matching `unitFilter`, from the fixture data alone. */
export const residents = (
  unitFilter: (u: { id: string; propertyId: string; addressId: string }) => boolean,
  roles: Array<'tenant' | 'owner'> = ['tenant', 'owner'],
) => {
  const units = new Set(F.units.filter(unitFilter).map((u) => u.id));
  return new Set(
    F.relations
      .filter(
        (r) =>
          units.has(r.unitId) &&
          roles.includes(r.role) &&
          r.from <= TODAY &&
          (r.to === undefined || TODAY < r.to),
      )
      .map((r) => r.contactId),
  );
};
