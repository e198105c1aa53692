/** Recipients, document types, digests, errors and CORS. */
import type { Check } from '../kit.js';
import { makePdf } from '../../fixtures/files.js';
import { KRISTINA, W002, berlinDates, createDocument } from './support.js';

export const catalogChecks: Check[] = [
  {
    id: 'recipients.options',
    rule: 'GET /recipients: role-wide options first ("Alle Mieter" …), labels in locale (de default, en), limit 1–100 (else 422)',
    async run(ctx) {
      const r = await ctx.call('GET', '/recipients?scope=property:rosenweg-24');
      ctx.expect(
        r.status === 200 && Array.isArray(r.body?.items),
        `GET /recipients: expected 200 with items, got ${r.status} ${r.text.slice(0, 200)}`,
      );
      const labels = r.body.items.slice(0, 3).map((o: { label: string }) => o.label);
      ctx.expect(
        labels[0] === 'Alle Mieter',
        `the role-wide options come first, "Alle Mieter" before all: got ${labels.join(', ')}`,
      );
      const en = await ctx.call('GET', '/recipients?scope=property:rosenweg-24&locale=en&limit=1');
      ctx.expect(
        en.body?.items?.[0]?.label === 'All tenants' && en.body.items.length === 1,
        `locale=en&limit=1: expected one option "All tenants", got ${en.text.slice(0, 200)}`,
      );
      ctx.problem(
        await ctx.call('GET', '/recipients?scope=property:rosenweg-24&limit=101'),
        422,
        'validation_failed',
        'GET /recipients?limit=101',
      );
      const found = await ctx.call('GET', '/recipients?scope=unit:max-planck-12-w002&q=MAIBLUME');
      ctx.expect(
        (found.body?.items ?? []).some(
          (o: { target: { kind: string; contactId?: string } }) =>
            o.target.kind === 'contact' && o.target.contactId === 'kristina-maiblume',
        ),
        `q filters by label case-insensitively: "MAIBLUME" must find kristina-maiblume, got ${found.text.slice(0, 200)}`,
      );
    },
  },
  {
    id: 'recipients.resolve',
    rule: 'POST /recipients/resolve counts the people a share list reaches today; targets outside the scope → 422 target_out_of_scope',
    async run(ctx) {
      const r = await ctx.call('POST', '/recipients/resolve', {
        body: {
          scope: { kind: 'property', id: 'rosenweg-24' },
          targets: [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }],
        },
      });
      const ids = (r.body?.contacts ?? []).map((c: { id: string }) => c.id);
      ctx.expect(
        r.status === 200 &&
          ids.includes('ahmet-yilmaz') &&
          !ids.includes('paul-klein') &&
          r.body.count === ids.length,
        `resolving the tenants of rosenweg-24 must include ahmet-yilmaz, not paul-klein (moved out), with count = contacts: got ${r.text.slice(0, 300)}`,
      );
      ctx.problem(
        await ctx.call('POST', '/recipients/resolve', {
          body: { scope: W002, targets: [{ kind: 'contact', contactId: 'ahmet-yilmaz' }] },
        }),
        422,
        'target_out_of_scope',
        'resolving a contact of another property in unit scope',
      );
    },
  },
  {
    id: 'types.tree',
    rule: 'GET /document-types: flat, depth-first (parent before children, siblings by position), with documentCount and subtreeCount',
    async run(ctx) {
      const r = await ctx.call('GET', '/document-types');
      const items: Array<{
        id: string;
        parentId: string | null;
        position: number;
        documentCount: number;
        subtreeCount: number;
      }> = r.body?.items ?? [];
      const index = new Map(items.map((t, i) => [t.id, i]));
      for (const t of items) {
        if (t.parentId !== null)
          ctx.expect(
            (index.get(t.parentId) ?? Infinity) < index.get(t.id)!,
            `type ${t.id} must come after its parent ${t.parentId}`,
          );
        ctx.expect(
          Number.isInteger(t.documentCount) && t.subtreeCount >= t.documentCount,
          `type ${t.id}: subtreeCount ${t.subtreeCount} must be ≥ documentCount ${t.documentCount}`,
        );
      }
      for (const id of [
        'objektunterlagen',
        'plaene',
        'energieausweis',
        'bedienungsanleitungen',
        'abrechnungen',
        'protokolle',
      ])
        ctx.expect(index.has(id), `the fixture type ${id} must exist (DOMAIN.md)`);
    },
  },
  {
    id: 'types.rules',
    rule: 'Sibling names unique case-insensitively (409), no cycles (422 cycle), at most 5 levels (422 too_deep), a non-empty type cannot be deleted (409); create, rename, delete',
    async run(ctx) {
      ctx.problem(
        await ctx.call('POST', '/document-types', { body: { name: 'OBJEKTUNTERLAGEN', parentId: null } }),
        409,
        'conflict',
        'a root type named like "Objektunterlagen"',
      );
      ctx.problem(
        await ctx.call('PATCH', '/document-types/objektunterlagen', { body: { parentId: 'plaene' } }),
        422,
        'cycle',
        'moving objektunterlagen under its child',
      );
      ctx.problem(
        await ctx.call('DELETE', '/document-types/objektunterlagen'),
        409,
        'conflict',
        'deleting a type with subtypes',
      );
      let parent: string | null = null;
      for (let level = 1; level <= 5; level++) {
        const r: { status: number; body: { id: string }; text: string } = await ctx.call(
          'POST',
          '/document-types',
          { body: { name: `Level ${level} ${ctx.run}`, parentId: parent } },
        );
        ctx.expect(
          r.status === 201,
          `creating a type at level ${level}: expected 201, got ${r.status} ${r.text.slice(0, 200)}`,
        );
        const id = r.body.id;
        ctx.cleanup(() => ctx.call('DELETE', `/document-types/${id}`));
        parent = id;
      }
      ctx.problem(
        await ctx.call('POST', '/document-types', { body: { name: `Level 6 ${ctx.run}`, parentId: parent } }),
        422,
        'too_deep',
        'a type at level 6',
      );
      const renamed = await ctx.call('PATCH', `/document-types/${parent}`, {
        body: { name: `Renamed ${ctx.run}` },
      });
      ctx.expect(
        renamed.status === 200 && renamed.body?.name === `Renamed ${ctx.run}`,
        `renaming a type: expected 200 with the new name, got ${renamed.status}`,
      );
      const del = await ctx.call('DELETE', `/document-types/${parent}`);
      ctx.expect(del.status === 204, `deleting an empty type: expected 204, got ${del.status}`);
    },
  },
  {
    id: 'digests.tomorrow',
    rule: "Tomorrow's digest lists each contact the documents shared with them today (Europe/Berlin), in their locale; contacts with nothing are not listed (404 for their e-mail)",
    async run(ctx) {
      const doc = await createDocument(ctx, {
        name: 'Digest.pdf',
        bytes: makePdf('Digest'),
        type: 'application/pdf',
        scope: W002,
        documentTypeId: 'bedienungsanleitungen',
        shares: [KRISTINA],
      });
      const { tomorrow } = berlinDates();
      const r = await ctx.call('GET', `/notifications/digests?date=${tomorrow}`);
      ctx.expect(
        r.status === 200 && r.body?.date === tomorrow,
        `GET /notifications/digests?date=${tomorrow}: expected 200, got ${r.status} ${r.text.slice(0, 200)}`,
      );
      const digests: Array<{ contact: { id: string }; documents: Array<{ id: string }> }> = r.body.digests;
      const k = digests.find((d) => d.contact.id === 'kristina-maiblume');
      ctx.expect(
        k?.documents.some((d) => d.id === doc.id),
        `tomorrow's digest must list the document shared with kristina-maiblume today (${doc.id})`,
      );
      for (const d of digests)
        if (d.contact.id !== 'kristina-maiblume')
          ctx.expect(
            !d.documents.some((x) => x.id === doc.id),
            `tomorrow's digest must not list the document for ${d.contact.id}`,
          );
      const mail = await ctx.call('GET', `/notifications/digests/${tomorrow}/kristina-maiblume`);
      ctx.expect(
        mail.status === 200 &&
          typeof mail.body?.subject === 'string' &&
          mail.body.text.includes(doc.title) &&
          typeof mail.body.html === 'string',
        `the rendered e-mail must have subject, text (with the title) and html, got ${mail.status} ${mail.text.slice(0, 200)}`,
      );
      ctx.problem(
        await ctx.call('GET', `/notifications/digests/2001-01-01/kristina-maiblume`),
        404,
        'not_found',
        'a digest e-mail for a day with nothing',
      );
    },
  },
  {
    id: 'errors.problem-json',
    rule: 'Every error is application/problem+json { type, title, status, code }: malformed JSON and a wrong content type → 400, schema violations → 422 naming each field, unknown path ids → 404',
    async run(ctx) {
      ctx.problem(
        await ctx.call('POST', '/document-types', {
          body: '{"name": ',
          headers: { 'Content-Type': 'application/json' },
        }),
        400,
        'bad_request',
        'malformed JSON',
      );
      ctx.problem(
        await ctx.call('POST', '/document-types', {
          body: 'name=x',
          headers: { 'Content-Type': 'text/plain' },
        }),
        400,
        'bad_request',
        'a body sent as text/plain',
      );
      const v = await ctx.call('POST', '/uploads', {
        body: { fileName: 'a.pdf', size: 'ten', mimeType: 'application/pdf' },
      });
      ctx.problem(v, 422, 'validation_failed', 'size as a string');
      ctx.expect(
        (v.body.errors ?? []).some(
          (e: { path: string; message: string }) => e.path === 'size' && typeof e.message === 'string',
        ),
        `422 must list errors[] with path "size", got ${JSON.stringify(v.body.errors)}`,
      );
      ctx.problem(
        await ctx.call('GET', `/documents/no-such-document-${ctx.run}`),
        404,
        'not_found',
        'an unknown document id in the path',
      );
      ctx.problem(
        await ctx.call('GET', `/no-such-endpoint-${ctx.run}`),
        404,
        'not_found',
        'an unknown endpoint',
      );
    },
  },
  {
    id: 'cors.headers',
    rule: 'CORS: preflights allow authorization, content-type, upload-offset, idempotency-key, if-match with Max-Age 600; answers expose Upload-Offset, ETag, Content-Disposition, Retry-After, Location',
    async run(ctx) {
      const url = ctx.options.baseUrl.replace(/\/$/, '') + '/documents';
      const pre = await fetch(url, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://portal.example',
          'Access-Control-Request-Method': 'PATCH',
          'Access-Control-Request-Headers':
            'authorization,content-type,upload-offset,idempotency-key,if-match',
        },
      });
      ctx.expect(pre.status >= 200 && pre.status < 300, `a preflight must succeed, got ${pre.status}`);
      const allowed = (pre.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const h of ['authorization', 'content-type', 'upload-offset', 'idempotency-key', 'if-match'])
        ctx.expect(
          allowed === '*' || allowed.split(/\s*,\s*/).includes(h),
          `the preflight must allow the header ${h}, Access-Control-Allow-Headers is "${allowed}"`,
        );
      ctx.expect(
        pre.headers.get('access-control-max-age') === '600',
        `Access-Control-Max-Age must be 600, got ${pre.headers.get('access-control-max-age')}`,
      );
      const r = await ctx.call('GET', '/me', { headers: { Origin: 'https://portal.example' } });
      ctx.expect(
        ['*', 'https://portal.example'].includes(r.headers.get('access-control-allow-origin') ?? ''),
        `answers must allow the origin, Access-Control-Allow-Origin is "${r.headers.get('access-control-allow-origin')}"`,
      );
      const exposed = (r.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/\s*,\s*/);
      for (const h of ['upload-offset', 'etag', 'content-disposition', 'retry-after', 'location'])
        ctx.expect(
          exposed.includes(h),
          `Access-Control-Expose-Headers must list ${h}, got "${r.headers.get('access-control-expose-headers')}"`,
        );
    },
  },
];
