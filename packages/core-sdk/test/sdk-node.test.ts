/**
 * The SDK in Node 20 (the platform's File, Blob, AbortController; axios over node:http) against
 * a standalone mock server on a free port, over real HTTP: both walkthroughs of DOMAIN.md.
 * Errors: sdk-node.errors.test.ts; tokens, retries, chunk sizes: sdk-node.network.test.ts;
 * faults, aborts and pagination: sdk-node.faults.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makePdf } from '@docportal/mock-server/testing';
import { NotFoundError, type DocumentTypeNode } from '../src/index.ts';
import {
  control,
  manager,
  contact,
  file,
  sha256,
  bytesOf,
  rejects,
  ROSENWEG,
  W002,
  usesMockServer,
} from './sdk-node-setup.ts';

usesMockServer();

// -------------------------------------------------------------------------------- walkthroughs

describe('walkthroughs of DOMAIN.md through the SDK', () => {
  it('1: house rules for all tenants of Rosenweg 24, downloads, count and digest', async () => {
    await control('/clock', { now: '2026-11-27T10:00:00Z' });
    const m = manager();
    const me = await m.me();
    assert.deepEqual([me.kind, me.id], ['manager', 'manager']);
    const property = await m.properties.get('rosenweg-24');
    assert.equal(property.name, 'Rosenweg 24');
    assert.deepEqual(property.addresses.map((a) => a.id).sort(), ['rosenweg-24', 'rosenweg-24a']);

    // The type tree, nested, with the counts of the scope.
    const tree = await m.documentTypes.tree({ scope: ROSENWEG });
    const find = (nodes: DocumentTypeNode[], id: string): DocumentTypeNode | undefined => {
      for (const n of nodes) {
        if (n.id === id) return n;
        const inner = find(n.children, id);
        if (inner) return inner;
      }
      return undefined;
    };
    const folder = tree.find((n) => n.id === 'objektunterlagen');
    assert.ok(folder, 'Objektunterlagen is a top-level type');
    assert.equal(folder.name, 'Objektunterlagen');
    assert.equal(folder.parentId, null);
    assert.deepEqual(folder.children.map((c) => c.id).sort(), ['energieausweis', 'plaene']);
    for (const id of ['bedienungsanleitungen', 'abrechnungen', 'protokolle'])
      assert.ok(
        tree.some((n) => n.id === id),
        id,
      );
    assert.deepEqual(
      find(tree, 'abrechnungen')!
        .children.map((c) => c.id)
        .sort(),
      ['hausgeldabrechnungen', 'nebenkostenabrechnungen'],
    );
    assert.equal(folder.documentCount, 0);
    const subtreeBefore = folder.subtreeCount;

    // The share choice "Alle Mieter" and how many people it reaches.
    const [allTenants] = await m.recipients.search({ scope: ROSENWEG, q: 'Alle Mieter' });
    assert.ok(allTenants, 'an option "Alle Mieter"');
    assert.equal(allTenants.label, 'Alle Mieter');
    assert.deepEqual(allTenants.target, { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] });
    const resolved = await m.recipients.resolve({
      scope: { kind: 'property', id: 'rosenweg-24' },
      targets: [allTenants.target],
    });
    const tenants = resolved.contacts.map((c) => c.id).sort();
    assert.deepEqual(tenants, ['ahmet-yilmaz', 'claire-dubois', 'elif-demir', 'markus-schneider']);
    assert.equal(resolved.count, 4);
    assert.equal(allTenants.recipientCount, 4);

    // Upload: the title comes from the file name.
    const bytes = makePdf('Hausordnung', ['Ruhezeiten 22–6 Uhr']);
    const doc = await m.documents.upload(file(bytes, 'Hausordnung.pdf', 'application/pdf'), {
      documentTypeId: 'objektunterlagen',
      scope: ROSENWEG,
      shares: [allTenants.target],
    });
    assert.equal(doc.title, 'Hausordnung');
    assert.equal(doc.fileName, 'Hausordnung.pdf');
    assert.equal(doc.mimeType, 'application/pdf');
    assert.equal(doc.size, bytes.length);
    assert.equal(doc.sha256, sha256(bytes));
    assert.equal(doc.downloadCount, 0);
    assert.equal(doc.recipientCount, 4);
    assert.deepEqual(
      (await m.documents.list({ scope: ROSENWEG, documentTypeId: 'objektunterlagen' })).items.map(
        (d) => d.id,
      ),
      [doc.id],
    );
    const after = (await m.documentTypes.tree({ scope: ROSENWEG })).find((n) => n.id === 'objektunterlagen')!;
    assert.equal(after.documentCount, 1);
    assert.equal(after.subtreeCount, subtreeBefore + 1);

    // Ahmet sees and downloads it, byte-exact, named by Content-Disposition.
    const ahmet = contact('ahmet-yilmaz');
    const visible = (await ahmet.documents.list()).items;
    assert.ok(
      visible.some((d) => d.id === doc.id),
      'Ahmet sees the house rules',
    );
    assert.equal(visible.find((d) => d.id === doc.id)!.downloadCount, undefined, 'contacts never see counts');
    const progress: number[] = [];
    const downloaded = await ahmet.documents.download(doc.id, { onProgress: (p) => progress.push(p.loaded) });
    assert.ok(downloaded instanceof File, 'download gives a File');
    assert.equal(downloaded.name, 'Hausordnung.pdf');
    assert.equal(downloaded.type, 'application/pdf');
    assert.deepEqual(await bytesOf(downloaded), bytes);
    assert.equal(progress.at(-1), bytes.length);

    // Paul (former tenant) and Kristina (another property) do not see it.
    for (const who of ['paul-klein', 'kristina-maiblume']) {
      const c = contact(who);
      assert.ok(!(await c.documents.list()).items.some((d) => d.id === doc.id), who);
      await rejects(c.documents.get(doc.id), NotFoundError);
      // A refused download keeps the server's problem (the body arrives as bytes, not JSON).
      const refused = await rejects(c.documents.download(doc.id), NotFoundError);
      assert.deepEqual(
        [refused.status, refused.code, refused.problem?.code],
        [404, 'not_found', 'not_found'],
      );
    }

    // The manager's count reads 1; the manager's own download does not count.
    assert.equal((await m.documents.get(doc.id)).downloadCount, 1);
    assert.deepEqual(await bytesOf(await m.documents.download(doc.id)), bytes);
    assert.equal((await m.documents.get(doc.id)).downloadCount, 1);
    const downloads = await m.documents.downloads(doc.id);
    assert.equal(downloads.total, 1);
    assert.deepEqual(
      downloads.byContact.map((d) => [d.contactId, d.count]),
      [['ahmet-yilmaz', 1]],
    );

    // Tomorrow's digest: every current tenant of Rosenweg 24, no one else.
    const day = await m.notifications.digests({ date: '2026-11-28' });
    assert.equal(day.date, '2026-11-28');
    assert.deepEqual(day.digests.map((d) => d.contact.id).sort(), tenants);
    for (const d of day.digests)
      assert.deepEqual(
        d.documents.map((x) => [x.id, x.title, x.documentTypeName, x.propertyName]),
        [[doc.id, 'Hausordnung', 'Objektunterlagen', 'Rosenweg 24']],
      );
    const mail = await m.notifications.email({ date: '2026-11-28', contactId: 'ahmet-yilmaz' });
    assert.match(mail.subject, /\S/);
    assert.match(mail.text, /Hausordnung/);
    assert.match(mail.html, /Hausordnung/);
    await rejects(m.notifications.email({ date: '2026-11-28', contactId: 'paul-klein' }), NotFoundError);
    // Today's digest (documents of yesterday) does not hold it.
    const today = await m.notifications.digests({ date: '2026-11-27' });
    assert.ok(
      !today.digests.some((d) => d.documents.some((x) => x.id === doc.id)),
      'not in the digest of the upload day',
    );
  });

  it('2: operating manual for Kristina alone, reopened and edited in the unit', async () => {
    await control('/clock', { now: '2026-11-27T10:00:00Z' });
    const m = manager();
    const units = await m.properties.units('max-planck-12');
    assert.equal(units.find((u) => u.id === W002)?.name, 'Wohnung 002');
    const unit = await m.units.get(W002);
    assert.deepEqual(unit.residents.map((r) => `${r.contactId}:${r.role}`).sort(), [
      'jonas-becker:owner',
      'kristina-maiblume:tenant',
    ]);
    const options = await m.recipients.search({ scope: { kind: 'unit', id: W002 }, q: 'maiblume' });
    assert.deepEqual(
      options.map((o) => o.target),
      [{ kind: 'contact', contactId: 'kristina-maiblume' }],
    );

    const bytes = makePdf('Bedienungsanleitung Therme');
    const doc = await m.documents.upload(file(bytes, 'Bedienungsanleitung Therme.pdf'), {
      documentTypeId: 'bedienungsanleitungen',
      scope: { kind: 'unit', id: W002 },
      shares: options.map((o) => o.target),
    });
    assert.equal(doc.title, 'Bedienungsanleitung Therme');
    assert.deepEqual(doc.scope, { kind: 'unit', id: W002 });
    assert.equal(doc.recipientCount, 1);

    const kristina = contact('kristina-maiblume');
    assert.ok(
      (await kristina.documents.list({ scope: `unit:${W002}` })).items.some((d) => d.id === doc.id),
      'Kristina sees it',
    );
    const downloaded = await kristina.documents.download(doc.id);
    assert.equal(downloaded.name, 'Bedienungsanleitung Therme.pdf');
    assert.equal(sha256(await bytesOf(downloaded)), doc.sha256);
    for (const who of ['lena-hoffmann', 'jonas-becker'])
      await rejects(contact(who).documents.get(doc.id), NotFoundError);

    // Reopen it among the unit's documents and change title and sharing.
    const mine = await m.documents.list({ scope: `unit:${W002}`, documentTypeId: 'bedienungsanleitungen' });
    assert.deepEqual(
      mine.items.map((d) => d.id),
      [doc.id],
    );
    const edited = await m.documents.update(
      doc.id,
      { title: 'Bedienungsanleitung Gastherme' },
      { ifMatch: doc.version },
    );
    assert.equal(edited.title, 'Bedienungsanleitung Gastherme');
    assert.equal(edited.version, doc.version + 1);
    const shared = await m.documents.share(
      doc.id,
      [{ kind: 'unit', unitId: W002, roles: ['tenant', 'owner'] }],
      { ifMatch: edited.version },
    );
    assert.equal(shared.recipientCount, 2);
    assert.equal(
      (await contact('jonas-becker').documents.get(doc.id)).title,
      'Bedienungsanleitung Gastherme',
    );
    await rejects(contact('lena-hoffmann').documents.get(doc.id), NotFoundError);
    assert.equal((await m.documents.get(doc.id)).downloadCount, 1);
    const day = await m.notifications.digests({ date: '2026-11-28' });
    assert.deepEqual(day.digests.map((d) => d.contact.id).sort(), ['jonas-becker', 'kristina-maiblume']);
  });
});

// -------------------------------------------------------------------------------------- errors
