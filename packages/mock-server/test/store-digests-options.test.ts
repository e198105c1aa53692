import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Scope } from '@docportal/core-sdk';
import { buildFixtures } from '../src/fixtures/fixtures.ts';
import { digestDay, digestEmailOf, FirstShares } from '../src/store/digests.ts';
import { Directory } from '../src/store/directory.ts';
import { DocumentIndex } from '../src/store/document-index.ts';
import { documentRecords } from '../src/store/document-records.ts';
import { ApiError } from '../src/store/errors.ts';
import { contactDescription, OPTION_LABELS, recipientOptions } from '../src/store/recipient-options.ts';

const TODAY = '2026-11-27';
const at = (iso: string) => Date.parse(iso);

function world() {
  const data = buildFixtures();
  const directory = new Directory(data);
  directory.setDay(TODAY);
  const documents = new DocumentIndex(documentRecords(data));
  const typeName = (id: string) => data.types.find((t) => t.id === id)?.name ?? '';
  return { data, directory, documents, sources: { directory, documents, typeName } };
}

describe('digests (no HTTP)', () => {
  it('list, per contact by name, what was first shared with them the day before', () => {
    const { directory, documents, sources, data } = world();
    const shares = new FirstShares();
    const [first, second] = data.documents;
    for (const d of [first!, second!]) {
      const reached = directory.resolveAll(documents.get(d.id)!.shares);
      shares.record(d.id, reached, new Set(), at(`${TODAY}T10:00:00Z`));
    }
    const day = digestDay('2026-11-28', shares, sources);
    assert.equal(day.date, '2026-11-28');
    assert.ok(day.digests.length > 0);
    const names = day.digests.map((x) => x.contact.name);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b, 'de')),
    );
    for (const digest of day.digests) {
      for (const item of digest.documents) {
        assert.ok([first!.id, second!.id].includes(item.id));
        assert.notEqual(item.documentTypeName, '');
        assert.notEqual(item.propertyName, '');
      }
    }
    assert.deepEqual(digestDay('2026-11-29', shares, sources).digests, [], 'nothing the day after');
  });

  it('tell a contact once, ever: a later share and those reached before do not count', () => {
    const { sources } = world();
    const shares = new FirstShares();
    const doc = sources.documents.get(buildFixtures().documents[0]!.id)!;
    const contacts = [...sources.directory.resolveAll(doc.shares)];
    assert.ok(contacts.length >= 2);
    shares.record(doc.id, contacts.slice(0, 1), new Set(), at(`${TODAY}T08:00:00Z`));
    shares.record(doc.id, contacts, new Set(contacts.slice(1)), at('2026-11-28T08:00:00Z'));
    const today = digestDay('2026-11-28', shares, sources).digests.map((x) => x.contact.id);
    assert.deepEqual(today, [contacts[0]]);
    assert.deepEqual(digestDay('2026-11-29', shares, sources).digests, []);
  });

  it('leave out documents deleted or no longer shared with the contact', () => {
    const { sources } = world();
    const shares = new FirstShares();
    const [one, two] = buildFixtures().documents.map((d) => sources.documents.get(d.id)!);
    for (const d of [one!, two!])
      shares.record(d.id, sources.directory.resolveAll(d.shares), new Set(), at(`${TODAY}T08:00:00Z`));
    shares.forget(one!.id);
    two!.shares = [];
    assert.deepEqual(digestDay('2026-11-28', shares, sources).digests, []);
  });
});

describe('digests (no HTTP): e-mails', () => {
  it('render an e-mail for a contact with a digest, 404 for one without', () => {
    const { sources } = world();
    const shares = new FirstShares();
    const doc = sources.documents.get(buildFixtures().documents[0]!.id)!;
    shares.record(doc.id, sources.directory.resolveAll(doc.shares), new Set(), at(`${TODAY}T08:00:00Z`));
    const day = digestDay('2026-11-28', shares, sources);
    const email = digestEmailOf(day, day.digests[0]!.contact.id);
    assert.ok(JSON.stringify(email).includes(doc.title));
    assert.throws(
      () => digestEmailOf(day, 'nobody'),
      (e) => e instanceof ApiError && e.code === 'not_found',
    );
  });
});

const property: Scope = { kind: 'property', id: 'rosenweg-24' };
const unit: Scope = { kind: 'unit', id: 'max-planck-12-w002' };

describe('recipient options (no HTTP)', () => {
  it('label role-wide options in German by default and in English on request', () => {
    const { directory } = world();
    const german = recipientOptions(directory, property, 'rosenweg-24', {});
    const english = recipientOptions(directory, property, 'rosenweg-24', { locale: 'en' });
    assert.deepEqual(
      german.slice(0, 3).map((o) => o.label),
      ['Alle Mieter', 'Alle Eigentümer', 'Alle Mieter und Eigentümer'],
    );
    assert.deepEqual(
      english.slice(0, 3).map((o) => o.label),
      ['All tenants', 'All owners', 'All tenants and owners'],
    );
    assert.deepEqual(
      english.map((o) => o.target),
      german.map((o) => o.target),
      'the same options in both',
    );
    const address = german.find((o) => o.target.kind === 'address')!;
    assert.equal(address.description, 'Adresse · Mieter und Eigentümer');
    assert.equal(
      english.find((o) => o.target.kind === 'address')!.description,
      'Address · tenants and owners',
    );
    assert.match(german.find((o) => o.target.kind === 'unit')!.description, /^Einheit · /);
    assert.match(english.find((o) => o.target.kind === 'group')!.description, /^Group · \d+ members$/);
    assert.match(german.find((o) => o.target.kind === 'group')!.description, /^Gruppe · \d+ Mitglieder$/);
  });

  it('offer role-wide, address, unit, group, then contact options, each contact once', () => {
    const { directory } = world();
    const kinds = recipientOptions(directory, property, 'rosenweg-24', { limit: 500 }).map(
      (o) => o.target.kind,
    );
    const order = ['property', 'address', 'unit', 'group', 'contact'];
    assert.deepEqual(
      kinds,
      [...kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    );
    const contacts = recipientOptions(directory, property, 'rosenweg-24', { limit: 500 }).flatMap((o) =>
      o.target.kind === 'contact' ? [o.target.contactId] : [],
    );
    assert.equal(new Set(contacts).size, contacts.length);
  });
});

describe('recipient options (no HTTP): contacts and search', () => {
  it('describe a unit resident by their roles in the locale', () => {
    const { directory } = world();
    const de = recipientOptions(directory, unit, 'max-planck-12', {}).filter(
      (o) => o.target.kind === 'contact',
    );
    const en = recipientOptions(directory, unit, 'max-planck-12', { locale: 'en' }).filter(
      (o) => o.target.kind === 'contact',
    );
    assert.ok(de.length > 0);
    for (const o of de)
      assert.match(o.description, /^(Mieter|Eigentümer)( und (Mieter|Eigentümer))? · Wohnung 002$/);
    for (const o of en) assert.match(o.description, /^(Tenant|Owner)( and (Tenant|Owner))? · Wohnung 002$/);
    for (const o of de) assert.equal(o.recipientCount, 1);
  });

  it('filter by folded search text and stop at the limit', () => {
    const { directory } = world();
    const all = recipientOptions(directory, property, 'rosenweg-24', { q: 'EIGENTUMER' });
    assert.deepEqual(
      all.map((o) => o.label),
      ['Alle Eigentümer', 'Alle Mieter und Eigentümer'],
    );
    assert.equal(recipientOptions(directory, property, 'rosenweg-24', { limit: 2 }).length, 2);
  });

  it('describe a contact of the property by role and unit, else by group', () => {
    const { directory, data } = world();
    const labels = OPTION_LABELS.en;
    const resident = directory.residents('rosenweg-24-w001')[0]!;
    const text = contactDescription(directory, resident.contactId, 'rosenweg-24', labels);
    assert.match(text, new RegExp(`${labels.role[resident.role]} · Wohnung 001`));
    const beirat = data.groups.find((g) => g.id === 'rosenweg-24-beirat')!;
    const elsewhere = beirat.memberIds.find((id) =>
      contactDescription(directory, id, 'rosenweg-24', labels).startsWith('Group'),
    );
    if (elsewhere)
      assert.equal(
        contactDescription(directory, elsewhere, 'rosenweg-24', OPTION_LABELS.de),
        'Gruppe · Verwaltungsbeirat',
      );
  });
});
