/**
 * The daily digests (GET /notifications/digests, the rendered e-mails) over real HTTP with a
 * fixed clock.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ShareTarget } from '@docportal/core-sdk';
import { makePdf } from '../src/fixtures/files.ts';
import { api, F, assertProblem, assertInvalid, clock, sorted, residents } from './recipients-setup.ts';

// ------------------------------------------------------------------ digests

interface DigestDay {
  date: string;
  digests: Array<{
    contact: { id: string; name: string; email: string; locale: string };
    documents: Array<{ id: string; title: string; documentTypeName: string; propertyName: string }>;
  }>;
}

const digests = async (date: string): Promise<DigestDay> => {
  const r = await api.get(`/notifications/digests?date=${date}`, 'manager');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.date, date);
  for (const d of r.body.digests) assert.ok(d.documents.length > 0, `${d.contact.id}: no empty digests`);
  return r.body;
};
/** contactId → sorted document ids of that day. */
const digestMap = async (date: string) =>
  Object.fromEntries(
    (await digests(date)).digests.map((d) => [d.contact.id, d.documents.map((x) => x.id).sort()]),
  );

async function upload(
  title: string,
  at: string,
  scope: { kind: 'property' | 'unit'; id: string },
  shares: ShareTarget[],
  documentTypeId = 'objektunterlagen',
) {
  await clock(at);
  const r = await api.upload(
    { name: `${title}.pdf`, bytes: makePdf(title), type: 'application/pdf' },
    { title, documentTypeId, scope, shares },
  );
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body as { id: string; title: string };
}
const share = async (id: string, at: string, shares: ShareTarget[]) => {
  await clock(at);
  const r = await api.patch(`/documents/${id}`, { shares }, 'manager');
  assert.equal(r.status, 200, JSON.stringify(r.body));
};

const R24 = { kind: 'property', id: 'rosenweg-24' } as const;
const MP = { kind: 'property', id: 'max-planck-12' } as const;
const W002 = { kind: 'unit', id: 'max-planck-12-w002' } as const;
const R24_TENANTS: ShareTarget = { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] };
const KRISTINA: ShareTarget = { kind: 'contact', contactId: 'kristina-maiblume' };
const JONAS: ShareTarget = { kind: 'contact', contactId: 'jonas-becker' };

describe('GET /notifications/digests', () => {
  it('a document shared on D−1 appears on D for its recipients only, with its type and property', async () => {
    const d = await upload('Hausordnung', '2026-11-27T10:00:00Z', R24, [R24_TENANTS]);
    const day = await digests('2026-11-28');
    assert.deepEqual(
      sorted(day.digests.map((x) => x.contact.id)),
      sorted(residents((u) => u.propertyId === 'rosenweg-24', ['tenant'])),
    );
    assert.deepEqual(sorted(day.digests.map((x) => x.contact.id)), [
      'ahmet-yilmaz',
      'claire-dubois',
      'elif-demir',
      'markus-schneider',
    ]);
    for (const x of day.digests) {
      const c = F.contacts.find((k) => k.id === x.contact.id)!;
      assert.deepEqual(x.contact, { id: c.id, name: c.name, email: c.email, locale: c.locale });
      assert.deepEqual(x.documents, [
        { id: d.id, title: 'Hausordnung', documentTypeName: 'Objektunterlagen', propertyName: 'Rosenweg 24' },
      ]);
    }
    // Not the day itself, not the day after.
    assert.deepEqual((await digests('2026-11-27')).digests, []);
    assert.deepEqual((await digests('2026-11-29')).digests, []);
    // Nobody else: not the owners, not the former or future tenant.
    const ids = day.digests.map((x) => x.contact.id);
    for (const who of ['paul-klein', 'jan-novak', 'sophie-wagner', 'thomas-richter', 'kristina-maiblume'])
      assert.ok(!ids.includes(who), who);
  });

  it('several documents for one contact, across properties; an unshared document notifies nobody', async () => {
    const a = await upload('Aushang Rosenweg', '2026-11-27T07:00:00Z', R24, [
      { kind: 'address', addressId: 'rosenweg-24a', roles: ['tenant'] },
    ]);
    const b = await upload(
      'Protokoll Max-Planck',
      '2026-11-27T12:00:00Z',
      MP,
      [{ kind: 'property', propertyId: 'max-planck-12', roles: ['owner'] }],
      'eigentuemerversammlungen',
    );
    await upload('Intern', '2026-11-27T13:00:00Z', R24, []);
    const day = await digests('2026-11-28');
    const markus = day.digests.find((x) => x.contact.id === 'markus-schneider')!;
    assert.deepEqual(
      markus.documents.map((x) => [x.id, x.propertyName, x.documentTypeName]).sort(),
      [
        [a.id, 'Rosenweg 24', 'Objektunterlagen'],
        [b.id, 'Max-Planck-Straße 12', 'Eigentümerversammlungen'],
      ].sort(),
    );
    assert.deepEqual(await digestMap('2026-11-28'), {
      'markus-schneider': [a.id, b.id].sort(),
      'claire-dubois': [a.id],
      'jonas-becker': [b.id],
      'friedrich-lang': [b.id],
    });
  });

  it('the day is the Berlin calendar day: 23:00 UTC in winter and 22:00 UTC in summer are already the next day', async () => {
    const winterLate = await upload('Winter 23:59 Berlin', '2026-11-27T22:59:59Z', W002, [KRISTINA]);
    const winterNext = await upload('Winter 00:00 Berlin', '2026-11-27T23:00:00Z', W002, [KRISTINA]);
    const winterHalf = await upload('Winter 00:30 Berlin', '2026-11-27T23:30:00Z', W002, [KRISTINA]);
    const summerLate = await upload('Sommer 23:59 Berlin', '2026-06-30T21:59:59Z', W002, [KRISTINA]);
    const summerNext = await upload('Sommer 00:00 Berlin', '2026-06-30T22:00:00Z', W002, [KRISTINA]);
    assert.deepEqual(await digestMap('2026-11-28'), { 'kristina-maiblume': [winterLate.id] });
    assert.deepEqual(await digestMap('2026-11-29'), {
      'kristina-maiblume': [winterNext.id, winterHalf.id].sort(),
    });
    assert.deepEqual(await digestMap('2026-07-01'), { 'kristina-maiblume': [summerLate.id] });
    assert.deepEqual(await digestMap('2026-07-02'), { 'kristina-maiblume': [summerNext.id] });
    assert.deepEqual(await digestMap('2026-06-30'), {});
  });

  it('a later share change lists the document for the newcomers only, on the next day only', async () => {
    const d = await upload('Wartungsbericht', '2026-11-27T10:00:00Z', R24, [
      { kind: 'unit', unitId: 'rosenweg-24-w001', roles: ['tenant'] },
    ]);
    await share(d.id, '2026-11-28T10:00:00Z', [
      { kind: 'unit', unitId: 'rosenweg-24-w001', roles: ['tenant'] },
      { kind: 'group', groupId: 'rosenweg-24-beirat' },
    ]);
    assert.deepEqual(await digestMap('2026-11-28'), { 'ahmet-yilmaz': [d.id] });
    assert.deepEqual(await digestMap('2026-11-29'), { 'sophie-wagner': [d.id], 'thomas-richter': [d.id] });
    assert.deepEqual(await digestMap('2026-11-30'), {});
    // An unshared upload shared the next day: notified then.
    const later = await upload('Nachgereicht', '2026-11-27T11:00:00Z', W002, []);
    assert.deepEqual((await digestMap('2026-11-28'))['kristina-maiblume'], undefined);
    await share(later.id, '2026-11-28T11:00:00Z', [KRISTINA]);
    assert.deepEqual((await digestMap('2026-11-29'))['kristina-maiblume'], [later.id]);
    assert.deepEqual((await digestMap('2026-11-28'))['kristina-maiblume'], undefined);
  });

  it('each document at most once per contact, ever (a share removed and added again)', async () => {
    const d = await upload('Bedienungsanleitung', '2026-11-27T10:00:00Z', W002, [KRISTINA]);
    await share(d.id, '2026-11-28T09:00:00Z', []);
    await share(d.id, '2026-11-28T10:00:00Z', [KRISTINA]);
    await share(d.id, '2026-11-29T09:00:00Z', [
      { kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant'] },
    ]);
    await share(d.id, '2026-11-30T09:00:00Z', [JONAS]);
    await share(d.id, '2026-11-30T10:00:00Z', [KRISTINA, JONAS]);
    assert.deepEqual(await digestMap('2026-11-28'), { 'kristina-maiblume': [d.id] });
    assert.deepEqual(await digestMap('2026-11-29'), {});
    assert.deepEqual(await digestMap('2026-11-30'), {});
    assert.deepEqual(await digestMap('2026-12-01'), { 'jonas-becker': [d.id] });
    // Removed and added again on the same day as the upload: still once.
    const e = await upload('Zweimal', '2026-12-05T08:00:00Z', W002, [KRISTINA]);
    await share(e.id, '2026-12-05T09:00:00Z', []);
    await share(e.id, '2026-12-05T10:00:00Z', [KRISTINA, KRISTINA]);
    const day = await digests('2026-12-06');
    assert.deepEqual(
      day.digests.map((x) => [x.contact.id, x.documents.map((y) => y.id)]),
      [['kristina-maiblume', [e.id]]],
    );
  });

  it('a document no longer visible (shares changed away, or deleted) disappears from the digest', async () => {
    const moved = await upload('Umgeleitet', '2026-11-27T08:00:00Z', W002, [KRISTINA]);
    const gone = await upload('Gelöscht', '2026-11-27T09:00:00Z', W002, [KRISTINA, JONAS]);
    const stays = await upload('Bleibt', '2026-11-27T10:00:00Z', W002, [KRISTINA]);
    assert.deepEqual(await digestMap('2026-11-28'), {
      'kristina-maiblume': [moved.id, gone.id, stays.id].sort(),
      'jonas-becker': [gone.id],
    });
    await share(moved.id, '2026-11-27T20:00:00Z', [JONAS]);
    assert.equal((await api.del(`/documents/${gone.id}`, 'manager')).status, 204);
    assert.deepEqual(await digestMap('2026-11-28'), {
      'kristina-maiblume': [stays.id],
      'jonas-becker': [moved.id],
    });
    // Taken away on the day the digest goes out (before it is asked for): gone as well.
    await share(stays.id, '2026-11-28T06:00:00Z', []);
    assert.deepEqual(await digestMap('2026-11-28'), { 'jonas-becker': [moved.id] });
  });

  it('a future tenant gets nothing; moving in does not notify; a personal document does', async () => {
    const d = await upload('Hausordnung', '2026-11-27T10:00:00Z', R24, [
      { kind: 'unit', unitId: 'rosenweg-24-w002', roles: ['tenant', 'owner'] },
      R24_TENANTS,
    ]);
    const day = await digestMap('2026-11-28');
    assert.equal(day['jan-novak'], undefined);
    assert.deepEqual(sorted(Object.keys(day)), [
      'ahmet-yilmaz',
      'claire-dubois',
      'elif-demir',
      'markus-schneider',
      'sophie-wagner',
    ]);
    // Jan moves in on 2030-02-01: he sees the document from then on, but is not notified of it.
    await clock('2030-02-01T10:00:00Z');
    assert.equal((await api.get(`/documents/${d.id}`, 'contact:jan-novak')).status, 200);
    assert.deepEqual(await digestMap('2030-02-01'), {});
    assert.deepEqual(await digestMap('2030-02-02'), {});
    // A share change after he moved in: the owners it adds are notified, he (already reached) is not.
    await share(d.id, '2030-02-01T11:00:00Z', [
      { kind: 'unit', unitId: 'rosenweg-24-w002', roles: ['tenant', 'owner'] },
      { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant', 'owner'] },
    ]);
    assert.deepEqual(await digestMap('2030-02-02'), { 'thomas-richter': [d.id] });
    // A personal document reaches him even before he moves in.
    const mine = await upload('Willkommen', '2026-11-27T12:00:00Z', R24, [
      { kind: 'contact', contactId: 'jan-novak' },
    ]);
    assert.deepEqual((await digestMap('2026-11-28'))['jan-novak'], [mine.id]);
  });

  it('a bad or missing date → 422 naming date', async () => {
    for (const query of ['date=2026-13-01', 'date=2026-02-30', 'date=28.11.2026', 'date=morgen', 'date=', ''])
      assertInvalid(await api.get(`/notifications/digests?${query}`, 'manager'), 'date', query);
  });
});

describe('GET /notifications/digests/{date}/{contactId}', () => {
  it('renders German for a "de" contact and English for lena-hoffmann ("en")', async () => {
    await upload(
      'Bedienungsanleitung Therme',
      '2026-11-27T10:00:00Z',
      MP,
      [KRISTINA, { kind: 'contact', contactId: 'lena-hoffmann' }],
      'bedienungsanleitungen',
    );
    const de = await api.get('/notifications/digests/2026-11-28/kristina-maiblume', 'manager');
    assert.equal(de.status, 200);
    assert.deepEqual(Object.keys(de.body).sort(), ['html', 'subject', 'text']);
    assert.ok(de.body.subject.includes('Bedienungsanleitung Therme'), de.body.subject);
    assert.match(de.body.subject, /Dokument/);
    assert.match(de.body.text, /Hallo Kristina Maiblume/);
    assert.match(de.body.text, /27\. November 2026/);
    assert.ok(
      de.body.text.includes('Bedienungsanleitung Therme (Bedienungsanleitungen, Max-Planck-Straße 12)'),
      de.body.text,
    );
    assert.doesNotMatch(de.body.text, /Hello|shared with you/);
    assert.match(de.body.html, /^<!doctype html>/i);
    assert.match(de.body.html, /<html lang="de">/);
    assert.ok(de.body.html.includes('Bedienungsanleitung Therme'));
    const en = await api.get('/notifications/digests/2026-11-28/lena-hoffmann', 'manager');
    assert.equal(en.status, 200);
    assert.match(en.body.subject, /New document/);
    assert.ok(en.body.subject.includes('Bedienungsanleitung Therme'));
    assert.match(en.body.text, /Hello Lena Hoffmann/);
    assert.match(en.body.text, /27 November 2026/);
    assert.doesNotMatch(en.body.text, /Hallo|Dokument/);
    assert.match(en.body.html, /<html lang="en">/);
    // Several documents: all of them, in both forms.
    await upload('Zweites Dokument', '2026-11-27T11:00:00Z', MP, [KRISTINA]);
    const two = await api.get('/notifications/digests/2026-11-28/kristina-maiblume', 'manager');
    for (const title of ['Bedienungsanleitung Therme', 'Zweites Dokument']) {
      assert.ok(two.body.text.includes(title) && two.body.html.includes(title), title);
    }
    assert.match(two.body.subject, /2/);
  });

  it('escapes titles in the HTML (no raw markup from data)', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    await upload(evil, '2026-11-27T10:00:00Z', W002, [KRISTINA]);
    await upload('Tom & "Jerry" <script>alert(2)</script>', '2026-11-27T11:00:00Z', W002, [KRISTINA]);
    const r = await api.get('/notifications/digests/2026-11-28/kristina-maiblume', 'manager');
    assert.equal(r.status, 200);
    assert.ok(!r.body.html.includes('<img'), r.body.html);
    assert.ok(!r.body.html.includes('<script'), r.body.html);
    assert.ok(r.body.html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(r.body.html.includes('Tom &amp; &quot;Jerry&quot; &lt;script&gt;alert(2)&lt;/script&gt;'));
    assert.ok(r.body.text.includes(evil), 'the plain text keeps the title as it is');
  });

  it('404 for a contact with nothing that day (or an unknown contact); a bad date → 422', async () => {
    await upload('Nur für Kristina', '2026-11-27T10:00:00Z', W002, [KRISTINA]);
    assert.equal(
      (await api.get('/notifications/digests/2026-11-28/kristina-maiblume', 'manager')).status,
      200,
    );
    for (const path of [
      '2026-11-28/lena-hoffmann',
      '2026-11-28/jonas-becker',
      '2026-11-29/kristina-maiblume',
      '2026-11-27/kristina-maiblume',
      '2026-11-28/nobody',
    ]) {
      assertProblem(await api.get(`/notifications/digests/${path}`, 'manager'), 404, 'not_found', path);
    }
    for (const date of ['2026-11-31', '2026-13-01', '28.11.2026', 'morgen', '2026-1-5']) {
      const r = await api.get(`/notifications/digests/${date}/kristina-maiblume`, 'manager');
      assertProblem(r, 422, 'validation_failed', date);
      assert.equal(r.body.errors[0].path, 'date');
    }
  });
});
