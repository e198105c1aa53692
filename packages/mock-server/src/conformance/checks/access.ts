/** Who may do and see what: tokens, roles, share targets resolved at request time. */
import type { Check } from '../kit.js';
import { ALL_TENANTS_ROSENWEG, KRISTINA, ROSENWEG, W002, createDocument, sees } from './support.js';
import { makePdf } from '../../fixtures/files.js';

/** Why each of these people must not see a document shared with the tenants of rosenweg-24. */
const WHY_NOT = {
  'paul-klein': 'moved out',
  'sophie-wagner': 'owner, not tenant',
  'kristina-maiblume': 'another property',
} as const;

const pdf = (t: string) => makePdf(t);

export const accessChecks: Check[] = [
  {
    id: 'auth.no-token-401',
    rule: 'No or unknown token → 401 unauthorized',
    async run(ctx) {
      ctx.problem(await ctx.call('GET', '/me', { as: null }), 401, 'unauthorized', 'GET /me without a token');
      ctx.problem(
        await ctx.call('GET', '/documents', { as: { token: `no-such-token-${ctx.run}` } }),
        401,
        'unauthorized',
        'GET /documents with an unknown token',
      );
    },
  },
  {
    id: 'auth.me',
    rule: 'GET /me → { kind, id, name, locale } of the caller',
    needs: ['ahmet-yilmaz'],
    async run(ctx) {
      const m = await ctx.call('GET', '/me');
      ctx.expect(
        m.status === 200 && m.body?.kind === 'manager',
        `GET /me as the manager: expected kind "manager", got ${m.status} ${m.text.slice(0, 200)}`,
      );
      const c = await ctx.call('GET', '/me', { as: 'ahmet-yilmaz' });
      ctx.expect(
        c.status === 200 && c.body?.kind === 'contact' && c.body?.id === 'ahmet-yilmaz',
        `GET /me as ahmet-yilmaz: expected { kind: "contact", id: "ahmet-yilmaz" }, got ${c.status} ${c.text.slice(0, 200)}`,
      );
      ctx.expect(
        ['de', 'en'].includes(c.body.locale) && typeof c.body.name === 'string',
        'GET /me: name and locale ("de" | "en") are required',
      );
    },
  },
  {
    id: 'access.contact-403-manager-only',
    rule: 'A contact calling a manager-only endpoint → 403 forbidden, whatever its body (403 before 400/422)',
    needs: ['kristina-maiblume'],
    async run(ctx) {
      ctx.problem(
        await ctx.call('GET', '/units/max-planck-12-w002', { as: 'kristina-maiblume' }),
        403,
        'forbidden',
        'GET /units/{id} as a contact',
      );
      ctx.problem(
        await ctx.call('POST', '/uploads', {
          as: 'kristina-maiblume',
          body: '{not json',
          headers: { 'Content-Type': 'application/json' },
        }),
        403,
        'forbidden',
        'POST /uploads as a contact with malformed JSON',
      );
      ctx.problem(
        await ctx.call('GET', '/notifications/digests?date=2026-11-28', { as: 'kristina-maiblume' }),
        403,
        'forbidden',
        'GET /notifications/digests as a contact',
      );
    },
  },
  {
    id: 'access.order-401-before-403',
    rule: 'Checks run in order: 401 before 403 and before 400',
    async run(ctx) {
      ctx.problem(
        await ctx.call('GET', '/units/max-planck-12-w002', { as: null }),
        401,
        'unauthorized',
        'GET /units/{id} without a token',
      );
      ctx.problem(
        await ctx.call('POST', '/document-types', {
          as: null,
          body: '{not json',
          headers: { 'Content-Type': 'application/json' },
        }),
        401,
        'unauthorized',
        'POST /document-types without a token and with malformed JSON',
      );
    },
  },
  {
    id: 'access.property-role-target',
    rule: 'A property target with roles [tenant] reaches the current tenants of the property only: not former tenants (move-out), not owners, not other properties',
    needs: ['ahmet-yilmaz', 'paul-klein', 'kristina-maiblume', 'sophie-wagner'],
    async run(ctx) {
      const doc = await createDocument(ctx, {
        name: 'Hausordnung.pdf',
        bytes: pdf('Hausordnung'),
        type: 'application/pdf',
        shares: [ALL_TENANTS_ROSENWEG],
      });
      const a = await sees(ctx, 'ahmet-yilmaz', doc.id);
      ctx.expect(
        a.listed && a.status === 200,
        `ahmet-yilmaz (current tenant at rosenweg-24) must see a document shared with all tenants of rosenweg-24: listed ${a.listed}, GET ${a.status}`,
      );
      for (const who of ['paul-klein', 'kristina-maiblume', 'sophie-wagner'] as const) {
        const s = await sees(ctx, who, doc.id);
        ctx.expect(
          !s.listed && s.status === 404,
          `${who} must not see a document shared with the tenants of rosenweg-24 (${WHY_NOT[who]}): listed ${s.listed}, GET ${s.status} (expected 404)`,
        );
      }
    },
  },
  {
    id: 'access.contact-target-private',
    rule: 'A contact target makes a document visible to that contact alone; others get 404 (existence never revealed)',
    needs: ['kristina-maiblume', 'lena-hoffmann', 'jonas-becker'],
    async run(ctx) {
      const doc = await createDocument(ctx, {
        name: 'Bedienungsanleitung Therme.pdf',
        bytes: pdf('Therme'),
        type: 'application/pdf',
        scope: W002,
        documentTypeId: 'bedienungsanleitungen',
        shares: [KRISTINA],
      });
      const k = await sees(ctx, 'kristina-maiblume', doc.id);
      ctx.expect(
        k.listed && k.status === 200,
        `kristina-maiblume must see the document shared with her: listed ${k.listed}, GET ${k.status}`,
      );
      for (const who of ['lena-hoffmann', 'jonas-becker'] as const) {
        const s = await sees(ctx, who, doc.id);
        ctx.expect(
          !s.listed && s.status === 404,
          `${who} must not see a document shared with kristina-maiblume alone: listed ${s.listed}, GET ${s.status} (expected 404)`,
        );
        const content = await ctx.call('GET', `/documents/${doc.id}/content`, { as: who });
        ctx.expect(
          content.status === 404,
          `${who} must not download a document shared with kristina-maiblume alone: GET /content ${content.status} (expected 404)`,
        );
      }
    },
  },
  {
    id: 'access.group-target',
    rule: 'A group target reaches its members, whatever their tenancy',
    needs: ['sophie-wagner', 'ahmet-yilmaz'],
    async run(ctx) {
      const doc = await createDocument(ctx, {
        name: 'Beirat.pdf',
        bytes: pdf('Beirat'),
        type: 'application/pdf',
        shares: [{ kind: 'group', groupId: 'rosenweg-24-beirat' }],
      });
      const s = await sees(ctx, 'sophie-wagner', doc.id);
      ctx.expect(
        s.listed && s.status === 200,
        `sophie-wagner (member of rosenweg-24-beirat) must see a document shared with the group: listed ${s.listed}, GET ${s.status}`,
      );
      const a = await sees(ctx, 'ahmet-yilmaz', doc.id);
      ctx.expect(
        !a.listed && a.status === 404,
        `ahmet-yilmaz (not a member) must not see a group's document: GET ${a.status}`,
      );
    },
  },
  {
    id: 'access.shares-resolved-at-request-time',
    rule: 'Visibility is resolved at the time of each request: a share change shows at once, both ways; an empty share list leaves the document to managers',
    needs: ['lena-hoffmann'],
    async run(ctx) {
      const doc = await createDocument(ctx, {
        name: 'Aushang.pdf',
        bytes: pdf('Aushang'),
        type: 'application/pdf',
        scope: { kind: 'property', id: 'max-planck-12' },
        shares: [],
      });
      const none = await sees(ctx, 'lena-hoffmann', doc.id);
      ctx.expect(
        none.status === 404 && !none.listed,
        `a document with shares [] must be visible to managers only: lena-hoffmann got GET ${none.status}, listed ${none.listed}`,
      );
      const add = await ctx.call('PATCH', `/documents/${doc.id}`, {
        body: { shares: [{ kind: 'property', propertyId: 'max-planck-12', roles: ['tenant'] }] },
      });
      ctx.expect(
        add.status === 200,
        `PATCH shares: expected 200, got ${add.status} ${add.text.slice(0, 200)}`,
      );
      ctx.expect(
        (await sees(ctx, 'lena-hoffmann', doc.id)).status === 200,
        'lena-hoffmann must see the document right after it was shared with the tenants of max-planck-12',
      );
      await ctx.call('PATCH', `/documents/${doc.id}`, { body: { shares: [] } });
      const gone = await sees(ctx, 'lena-hoffmann', doc.id);
      ctx.expect(
        gone.status === 404 && !gone.listed,
        `lena-hoffmann must lose the document right after the share was removed (the share list replaces the whole list): GET ${gone.status}, listed ${gone.listed}`,
      );
    },
  },
  {
    id: 'access.contact-view-private-fields',
    rule: 'A contact never sees shares, recipientCount or downloadCount',
    needs: ['ahmet-yilmaz'],
    async run(ctx) {
      const doc = await createDocument(ctx, {
        name: 'Privat.pdf',
        bytes: pdf('Privat'),
        type: 'application/pdf',
        shares: [ALL_TENANTS_ROSENWEG],
      });
      const r = await ctx.call('GET', `/documents/${doc.id}`, { as: 'ahmet-yilmaz' });
      const list = await ctx.call('GET', '/documents?limit=200', { as: 'ahmet-yilmaz' });
      const listed = (list.body?.items ?? []).find((d: { id: string }) => d.id === doc.id);
      for (const [where, d] of [
        ['GET /documents/{id}', r.body],
        ['GET /documents', listed],
      ] as const)
        for (const f of ['shares', 'recipientCount', 'downloadCount'])
          ctx.expect(d && !(f in d), `${where} as a contact must not carry "${f}"`);
    },
  },
  {
    id: 'access.foreign-scope-empty',
    rule: 'A contact asking for a scope they have no relation to gets an empty list, not an error',
    needs: ['kristina-maiblume'],
    async run(ctx) {
      const r = await ctx.call('GET', `/documents?scope=property:${ROSENWEG.id}`, {
        as: 'kristina-maiblume',
      });
      ctx.expect(
        r.status === 200 && Array.isArray(r.body?.items) && r.body.items.length === 0,
        `GET /documents?scope=property:rosenweg-24 as kristina-maiblume: expected 200 with no items, got ${r.status} ${r.text.slice(0, 200)}`,
      );
    },
  },
  {
    id: 'context.properties-current-relations',
    rule: 'A contact gets only the properties they currently relate to (move-out ends access); others are 404',
    needs: ['ahmet-yilmaz', 'paul-klein', 'kristina-maiblume'],
    async run(ctx) {
      const ids = async (who: 'ahmet-yilmaz' | 'paul-klein') =>
        ((await ctx.call('GET', '/properties', { as: who })).body?.items ?? []).map(
          (p: { id: string }) => p.id,
        );
      ctx.expect(
        (await ids('ahmet-yilmaz')).includes('rosenweg-24'),
        'GET /properties as ahmet-yilmaz must list rosenweg-24',
      );
      ctx.expect(
        !(await ids('paul-klein')).includes('rosenweg-24'),
        'GET /properties as paul-klein (moved out of rosenweg-24) must not list rosenweg-24',
      );
      ctx.problem(
        await ctx.call('GET', '/properties/rosenweg-24', { as: 'kristina-maiblume' }),
        404,
        'not_found',
        'GET /properties/rosenweg-24 as kristina-maiblume (no relation)',
      );
      const unit = await ctx.call('GET', '/units/max-planck-12-w002');
      const residents = (unit.body?.residents ?? []).map(
        (r: { contactId: string; role: string }) => `${r.contactId}:${r.role}`,
      );
      ctx.expect(
        residents.includes('kristina-maiblume:tenant') && residents.includes('jonas-becker:owner'),
        `GET /units/max-planck-12-w002 must list kristina-maiblume (tenant) and jonas-becker (owner), got ${residents.join(', ')}`,
      );
    },
  },
];
