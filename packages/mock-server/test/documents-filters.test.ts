/**
 * Listing documents over real HTTP: filters (type, subtypes, scope, search), and listings on the
 * large data set (correctness, not timing).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ShareTarget } from '@docportal/core-sdk';
import { useServer, type Answer } from './helpers.ts';
import { api, type Doc, mk, ids, byId, pages } from './documents-setup.ts';

// ------------------------------------------------------------------ listing

describe('GET /documents: filters', () => {
  it('a property scope includes the documents of its units; a unit scope only its own', async () => {
    const w001 = await mk('Zählerstand w001', { scope: { kind: 'unit', id: 'max-planck-12-w001' } });
    const prop = await mk('Aushang Max-Planck', { scope: { kind: 'property', id: 'max-planck-12' } });
    const sortIds = (r: Answer) => ids(r).sort();
    assert.deepEqual(
      sortIds(await api.get('/documents?scope=property:max-planck-12', 'manager')),
      ['grundriss-max-planck-12-w002', 'protokoll-eigentuemerversammlung-2026', w001.id, prop.id].sort(),
    );
    assert.deepEqual(ids(await api.get('/documents?scope=unit:max-planck-12-w002', 'manager')), [
      'grundriss-max-planck-12-w002',
    ]);
    assert.deepEqual(ids(await api.get('/documents?scope=unit:max-planck-12-w001', 'manager')), [w001.id]);
    assert.deepEqual(ids(await api.get('/documents?scope=unit:max-planck-12-w003', 'manager')), []);
    assert.deepEqual(sortIds(await api.get('/documents?scope=property:rosenweg-24', 'manager')), [
      'energieausweis-rosenweg-24',
      'wirtschaftsplan-2027-rosenweg-24',
    ]);
  });

  it('documentTypeId filters one type; includeSubtypes=true its subtree', async () => {
    const own = await mk('Objektunterlage selbst', {
      type: 'objektunterlagen',
      scope: { kind: 'property', id: 'rosenweg-24' },
    });
    const deep = await mk('Nebenkosten 2026', {
      type: 'nebenkostenabrechnungen',
      scope: { kind: 'property', id: 'rosenweg-24' },
    });
    const listed = async (s: string) => ids(await api.get(`/documents?${s}`, 'manager')).sort();
    assert.deepEqual(await listed('documentTypeId=objektunterlagen'), [own.id]);
    assert.deepEqual(await listed('documentTypeId=objektunterlagen&includeSubtypes=false'), [own.id]);
    assert.deepEqual(
      await listed('documentTypeId=objektunterlagen&includeSubtypes=true'),
      [own.id, 'energieausweis-rosenweg-24', 'grundriss-max-planck-12-w002'].sort(),
    );
    assert.deepEqual(await listed('documentTypeId=abrechnungen'), []);
    assert.deepEqual(
      await listed('documentTypeId=abrechnungen&includeSubtypes=true'),
      [deep.id, 'wirtschaftsplan-2027-rosenweg-24'].sort(),
    );
    assert.deepEqual(await listed('documentTypeId=plaene&includeSubtypes=true'), [
      'grundriss-max-planck-12-w002',
    ]);
    // Combined with a scope, and with a contact's visibility.
    assert.deepEqual(
      await listed('documentTypeId=objektunterlagen&includeSubtypes=true&scope=property:rosenweg-24'),
      [own.id, 'energieausweis-rosenweg-24'].sort(),
    );
    assert.deepEqual(
      await listed('documentTypeId=objektunterlagen&includeSubtypes=true&scope=unit:max-planck-12-w002'),
      ['grundriss-max-planck-12-w002'],
    );
    const kristina = await api.get(
      '/documents?documentTypeId=objektunterlagen&includeSubtypes=true',
      'contact:kristina-maiblume',
    );
    assert.deepEqual(ids(kristina), ['grundriss-max-planck-12-w002']);
    // A type that gains a subtype: the subtree follows.
    const sub = await api.post(
      '/document-types',
      { name: 'Heizung', parentId: 'objektunterlagen' },
      'manager',
    );
    const inSub = await mk('Heizungsplan', {
      type: sub.body.id,
      scope: { kind: 'property', id: 'rosenweg-24' },
    });
    assert.ok((await listed('documentTypeId=objektunterlagen&includeSubtypes=true')).includes(inSub.id));
    assert.ok(!(await listed('documentTypeId=objektunterlagen')).includes(inSub.id));
  });

  it('q is case- and accent-insensitive ("straße" = "strasse")', async () => {
    const street = await mk('Hausordnung Max-Planck-Straße', {
      scope: { kind: 'property', id: 'max-planck-12' },
      shares: [{ kind: 'property', propertyId: 'max-planck-12', roles: ['tenant'] }],
    });
    const cafe = await mk('Café im Erdgeschoss', { scope: { kind: 'property', id: 'max-planck-12' } });
    const found = async (s: string, token = 'manager') =>
      ids(await api.get(`/documents?q=${encodeURIComponent(s)}`, token)).sort();
    assert.deepEqual(await found('EIGENTUMER'), ['protokoll-eigentuemerversammlung-2026']);
    assert.deepEqual(await found('eigentümerversammlung'), ['protokoll-eigentuemerversammlung-2026']);
    assert.deepEqual(await found('energieausweis'), ['energieausweis-rosenweg-24']);
    for (const s of ['strasse', 'straße', 'STRASSE', 'Straße', 'max-planck-strasse'])
      assert.deepEqual(await found(s), [street.id], s);
    for (const s of ['cafe', 'CAFÉ', 'café']) assert.deepEqual(await found(s), [cafe.id], s);
    assert.deepEqual(await found('  grundriss wohnung  '), ['grundriss-max-planck-12-w002']);
    assert.deepEqual(await found('hausordnung'), [street.id]);
    assert.deepEqual(await found('kein solches dokument'), []);
    // With a contact: only what they see matches.
    assert.deepEqual(await found('hausordnung', 'contact:lena-hoffmann'), [street.id]);
    assert.deepEqual(await found('hausordnung', 'contact:jonas-becker'), []);
    assert.deepEqual(await found('protokoll', 'contact:kristina-maiblume'), []);
    assert.deepEqual(await found('protokoll', 'contact:jonas-becker'), [
      'protokoll-eigentuemerversammlung-2026',
    ]);
    // q and paging together.
    const paged = await pages(`/documents?q=${encodeURIComponent('a')}&sort=title:asc`, 'manager', 1);
    assert.deepEqual(paged.items.map((d) => d.id).sort(), (await found('a')).sort());
  });
});

// ------------------------------------------------------------------ the large data set

describe('large data set: listings are correct', () => {
  const big = useServer({ resetEach: false });
  /** Every document of the estate, as the manager sees it (createdAt:desc). */
  let estate: Doc[] = [];

  before(async () => {
    await big.reset({ dataset: 'large' });
    await big.control('POST', '/clock', { now: '2026-11-27T09:00:00Z' });
  });

  async function bigPages(path: string, token = 'manager', limit = 50): Promise<Doc[]> {
    const items: Doc[] = [];
    let cursor: string | null = null;
    const sep = path.includes('?') ? '&' : '?';
    do {
      const r: Answer = await big.get(
        `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        token,
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      if (r.body.nextCursor !== null) assert.equal(r.body.items.length, limit);
      items.push(...r.body.items);
      cursor = r.body.nextCursor;
    } while (cursor);
    return items;
  }

  it('pages of 50 through scope property:grosssiedlung: each document once, in order, as many as the type tree counts', async () => {
    estate = await bigPages('/documents?scope=property:grosssiedlung');
    assert.equal(new Set(estate.map((d) => d.id)).size, estate.length, 'no duplicates');
    assert.ok(estate.length >= 20_000, `${estate.length} documents`);
    for (let i = 1; i < estate.length; i++) {
      const a = estate[i - 1]!;
      const b = estate[i]!;
      assert.ok(a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id), `order at ${i}`);
    }
    const types = await big.get('/document-types?scope=property:grosssiedlung', 'manager');
    const counted = types.body.items.reduce(
      (n: number, t: { documentCount: number }) => n + t.documentCount,
      0,
    );
    assert.equal(estate.length, counted);
    for (const d of estate.slice(0, 200))
      assert.ok(
        d.scope.kind === 'property'
          ? d.scope.id === 'grosssiedlung'
          : d.scope.id.startsWith('grosssiedlung-'),
        d.id,
      );
  });

  it('title:asc and title:desc pages and a unit scope agree with the full listing', async () => {
    assert.ok(estate.length > 0, 'runs after the paging test');
    // The expected title order, computed here: folded titles (no case, no accents, "ß" as "ss"), ties by id.
    const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');
    const keyed = estate.map((d) => ({ id: d.id, key: fold(d.title) }));
    keyed.sort((a, b) => byId(a.key, b.key) || byId(a.id, b.id));
    const expected = keyed.map((d) => d.id);
    let cursor: string | null = null;
    const got: string[] = [];
    for (let page = 0; page < 4; page++) {
      const r: Answer = await big.get(
        `/documents?scope=property:grosssiedlung&sort=title:asc&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        'manager',
      );
      got.push(...ids(r));
      cursor = r.body.nextCursor;
    }
    assert.deepEqual(got, expected.slice(0, 200));
    const desc = await big.get(
      '/documents?scope=property:grosssiedlung&sort=title:desc&limit=200',
      'manager',
    );
    assert.deepEqual(ids(desc), expected.slice(-200).reverse());
    // Title order together with q.
    const middle = await big.get(
      `/documents?scope=property:grosssiedlung&sort=title:asc&limit=200&q=${encodeURIComponent('wartungsbericht aufzug 2025')}`,
      'manager',
    );
    assert.deepEqual(
      ids(middle),
      estate
        .filter((d) => fold(d.title).includes('wartungsbericht aufzug 2025'))
        .map((d) => ({ id: d.id, key: fold(d.title) }))
        .sort((a, b) => byId(a.key, b.key) || byId(a.id, b.id))
        .slice(0, 200)
        .map((d) => d.id),
    );
    const unitDocs = estate.filter((d) => d.scope.kind === 'unit');
    const someUnit = unitDocs[0]!.scope.id;
    const inUnit = await bigPages(`/documents?scope=unit:${someUnit}`, 'manager', 2);
    assert.deepEqual(
      inUnit.map((d) => d.id),
      estate.filter((d) => d.scope.kind === 'unit' && d.scope.id === someUnit).map((d) => d.id),
    );
  });

  it('contact views: a contact pages through exactly the documents their shares reach', async () => {
    assert.ok(estate.length > 0, 'runs after the paging test');
    const units = (await big.get('/properties/grosssiedlung/units', 'manager')).body.items as Array<{
      id: string;
      addressId: string;
      residents: Array<{ contactId: string; role: 'tenant' | 'owner' }>;
    }>;
    const groups = (await big.get('/properties/grosssiedlung/groups', 'manager')).body.items as Array<{
      id: string;
      memberIds: string[];
    }>;
    assert.ok(units.length >= 4000);
    const reacherOf = (who: string) => {
      const mine = units.filter((u) => u.residents.some((r) => r.contactId === who));
      const memberOf = new Set(groups.filter((g) => g.memberIds.includes(who)).map((g) => g.id));
      return (shares: ShareTarget[]) =>
        shares.some((t) => {
          if (t.kind === 'contact') return t.contactId === who;
          if (t.kind === 'group') return memberOf.has(t.groupId);
          return mine.some(
            (u) =>
              ((t.kind === 'property' && t.propertyId === 'grosssiedlung') ||
                (t.kind === 'address' && u.addressId === t.addressId) ||
                (t.kind === 'unit' && u.id === t.unitId)) &&
              u.residents.some((r) => r.contactId === who && t.roles.includes(r.role)),
          );
        });
    };
    const tenant = units[0]!.residents.find((r) => r.role === 'tenant')!.contactId;
    const investor = units
      .find((u) => u.id === 'grosssiedlung-31-w001')!
      .residents.find((r) => r.role === 'owner')!.contactId;
    assert.ok(
      groups.find((g) => g.id === 'grosssiedlung-beirat')!.memberIds.includes(investor),
      'the investor sits on the board',
    );
    for (const who of [tenant, investor]) {
      const reaches = reacherOf(who);
      const expected = estate.filter((d) => reaches(d.shares)).map((d) => d.id);
      assert.ok(expected.length > 50, `${who} sees more than a page`);
      const mine = await bigPages('/documents', `contact:${who}`);
      assert.deepEqual(
        mine.map((d) => d.id),
        expected,
        `${who}: all their documents, newest first`,
      );
      for (const d of mine.slice(0, 60))
        assert.ok(!('shares' in d) && !('downloadCount' in d) && !('recipientCount' in d));
      const scoped = await bigPages(
        '/documents?scope=property:grosssiedlung&sort=title:desc',
        `contact:${who}`,
        200,
      );
      assert.deepEqual(scoped.map((d) => d.id).sort(), [...expected].sort(), `${who}: the estate scope`);
      assert.deepEqual((await big.get('/documents?scope=property:p-001', `contact:${who}`)).body, {
        items: [],
        nextCursor: null,
      });
    }
    // Fixture contacts are unchanged by the generated data.
    assert.deepEqual(ids(await big.get('/documents', 'contact:kristina-maiblume')), [
      'grundriss-max-planck-12-w002',
    ]);
    assert.deepEqual(ids(await big.get('/documents', 'contact:paul-klein')), []);
  });
});
