/**
 * Time: who sees a document is resolved against today (move-in and move-out dates), and upload
 * sessions expire. These checks move the backend's clock through the `--clock-url` hook.
 *
 * The kit knows no contact's dates: it asks the backend itself, through
 * `POST /recipients/resolve`, who the tenants of rosenweg-24 were on the 1 January of each year,
 * and then expects the documents API to agree with that answer on the same day.
 */
import { makePdf } from '../../fixtures/files.js';
import type { Check, Ctx, FixtureContact } from '../kit.js';
import { ALL_TENANTS_ROSENWEG, createDocument, openUpload, patchChunk, sees } from './support.js';

const FIRST_YEAR = 2000;

/** Whether `who` is among the tenants of rosenweg-24 by the backend's own resolution at its clock's now. */
async function resolvedAsTenant(ctx: Ctx, who: FixtureContact): Promise<boolean> {
  const body = { scope: { kind: 'property', id: 'rosenweg-24' }, targets: [ALL_TENANTS_ROSENWEG] };
  const r = await ctx.call('POST', '/recipients/resolve', { body });
  ctx.expect(
    r.status === 200,
    `POST /recipients/resolve: expected 200, got ${r.status} ${r.text.slice(0, 200)}`,
  );
  return (r.body?.contacts ?? []).some((c: { id: string }) => c.id === who);
}

/** The first 1 January since 2000 on which `who`'s tenancy at rosenweg-24 is (or is not) in force. */
async function firstNewYear(ctx: Ctx, who: FixtureContact, tenant: boolean): Promise<string | undefined> {
  for (let year = FIRST_YEAR; year < new Date().getUTCFullYear(); year++) {
    const day = `${year}-01-01T12:00:00.000Z`;
    await ctx.setClock(day);
    if ((await resolvedAsTenant(ctx, who)) === tenant) return day;
  }
  return undefined;
}

/** Puts up a document for the tenants of rosenweg-24 and answers whether `who` sees it on `day`, then today. */
async function seenOnAndToday(ctx: Ctx, who: FixtureContact, day: string) {
  const doc = await createDocument(ctx, {
    name: 'Aushang.pdf',
    bytes: makePdf('Aushang'),
    type: 'application/pdf',
    shares: [ALL_TENANTS_ROSENWEG],
  });
  await ctx.setClock(day);
  const then = await sees(ctx, who, doc.id);
  await ctx.setClock(null);
  const today = await sees(ctx, who, doc.id);
  return { then, today };
}

export const dateChecks: Check[] = [
  {
    id: 'access.move-in-date',
    rule: 'A relation whose from-date lies in the future gives nothing yet: before ahmet-yilmaz moved in he does not see a document for the tenants of rosenweg-24, from that day on he does',
    needs: ['ahmet-yilmaz'],
    needsClock: true,
    async run(ctx) {
      const before = await firstNewYear(ctx, 'ahmet-yilmaz', false);
      if (!before)
        return ctx.skip(
          `ahmet-yilmaz is resolved as a tenant of rosenweg-24 on every 1 January since ${FIRST_YEAR}: seed a later move-in date to check this rule`,
        );
      const { then, today } = await seenOnAndToday(ctx, 'ahmet-yilmaz', before);
      ctx.expect(
        !then.listed && then.status === 404,
        `on ${before.slice(0, 10)}, before ahmet-yilmaz moved in (POST /recipients/resolve does not name him), he must not see a document for the tenants of rosenweg-24: listed ${then.listed}, GET ${then.status} (expected 404)`,
      );
      ctx.expect(
        today.listed && today.status === 200,
        `today ahmet-yilmaz (moved in) must see a document for the tenants of rosenweg-24: listed ${today.listed}, GET ${today.status}`,
      );
    },
  },
  {
    id: 'access.move-out-date',
    rule: 'A relation whose to-date has passed gives nothing: paul-klein saw a document for the tenants of rosenweg-24 while he lived there, and no longer does',
    needs: ['paul-klein'],
    needsClock: true,
    async run(ctx) {
      const during = await firstNewYear(ctx, 'paul-klein', true);
      if (!during)
        return ctx.skip(
          `paul-klein is not resolved as a tenant of rosenweg-24 on any 1 January since ${FIRST_YEAR}: seed his former tenancy over a new year to check this rule`,
        );
      const { then, today } = await seenOnAndToday(ctx, 'paul-klein', during);
      ctx.expect(
        then.listed && then.status === 200,
        `on ${during.slice(0, 10)}, while paul-klein lived at rosenweg-24 (POST /recipients/resolve names him), he must see a document for its tenants: listed ${then.listed}, GET ${then.status}`,
      );
      ctx.expect(
        !today.listed && today.status === 404,
        `today paul-klein (moved out) must not see a document for the tenants of rosenweg-24: listed ${today.listed}, GET ${today.status} (expected 404)`,
      );
    },
  },
  {
    id: 'uploads.session-expiry',
    rule: 'An upload session past its expiresAt is gone: GET, PATCH and DELETE answer 404 not_found, a commit of it 422 naming uploadId (as for any unknown upload)',
    needsClock: true,
    async run(ctx) {
      const bytes = makePdf('Abgelaufen');
      const s = await openUpload(ctx, 'Abgelaufen.pdf', bytes.length, 'application/pdf');
      await patchChunk(ctx, s.id, 0, bytes.subarray(0, 10));
      await ctx.setClock(new Date(Date.parse(s.expiresAt) + 1000).toISOString());
      const path = `/uploads/${encodeURIComponent(s.id)}`;
      ctx.problem(await ctx.call('GET', path), 404, 'not_found', 'GET /uploads/{id} after expiresAt');
      ctx.problem(
        await patchChunk(ctx, s.id, 10, bytes.subarray(10)),
        404,
        'not_found',
        'PATCH /uploads/{id} after expiresAt',
      );
      const commit = {
        uploadId: s.id,
        title: `Abgelaufen ${ctx.run}`,
        documentTypeId: 'objektunterlagen',
        scope: { kind: 'property', id: 'rosenweg-24' },
        shares: [],
      };
      const committed = await ctx.call('POST', '/documents', { body: commit });
      if (committed.status === 201)
        ctx.cleanup(() => ctx.call('DELETE', `/documents/${encodeURIComponent(committed.body.id)}`));
      ctx.problem(committed, 422, 'validation_failed', 'POST /documents with an expired uploadId');
      const named = (committed.body?.errors ?? []).some((e: { path: string }) => e.path === 'uploadId');
      ctx.expect(
        named,
        `the 422 for an expired upload must name uploadId in errors[], got ${committed.text.slice(0, 200)}`,
      );
      ctx.problem(await ctx.call('DELETE', path), 404, 'not_found', 'DELETE /uploads/{id} after expiresAt');
    },
  },
];
