/** Documents: versions and If-Match, listing, downloads and their counts, deletion. */
import { createHash } from 'node:crypto';
import type { Check } from '../kit.js';
import { makePdf } from '../../fixtures/files.js';
import { ALL_TENANTS_ROSENWEG, createDocument } from './support.js';

export const documentChecks: Check[] = [
  {
    id: 'documents.etag-version',
    rule: 'Every document has an integer version, raised by each change and sent as ETag: "<version>" on GET and PATCH /documents/{id}',
    async run(ctx) {
      const doc = await createDocument(ctx, {
        name: 'Version.pdf',
        bytes: makePdf('Version'),
        type: 'application/pdf',
      });
      ctx.expect(
        Number.isInteger(doc.version),
        `a new document must carry an integer version, got ${doc.version}`,
      );
      const g = await ctx.call('GET', `/documents/${doc.id}`);
      ctx.expect(
        g.headers.get('etag') === `"${doc.version}"`,
        `GET /documents/{id} must send ETag "${doc.version}", got ${g.headers.get('etag') ?? 'none'}`,
      );
      const p = await ctx.call('PATCH', `/documents/${doc.id}`, { body: { title: `Version 2 ${ctx.run}` } });
      ctx.expect(
        p.status === 200 && p.body.version > doc.version,
        `PATCH /documents/{id} must raise the version: ${doc.version} → ${p.body?.version}`,
      );
      ctx.expect(
        p.headers.get('etag') === `"${p.body.version}"`,
        `PATCH /documents/{id} must send ETag "${p.body.version}", got ${p.headers.get('etag') ?? 'none'}`,
      );
    },
  },
  {
    id: 'documents.if-match',
    rule: 'If-Match naming an older version → 412 precondition_failed, nothing changed; compared strongly (W/"n" never matches, RFC 9110); the current version applies',
    async run(ctx) {
      const doc = await createDocument(ctx, {
        name: 'Match.pdf',
        bytes: makePdf('Match'),
        type: 'application/pdf',
      });
      const v = doc.version;
      ctx.problem(
        await ctx.call('PATCH', `/documents/${doc.id}`, {
          body: { title: 'Stale' },
          headers: { 'If-Match': `"${v - 1}"` },
        }),
        412,
        'precondition_failed',
        'PATCH with If-Match of an older version',
      );
      ctx.problem(
        await ctx.call('PATCH', `/documents/${doc.id}`, {
          body: { title: 'Weak' },
          headers: { 'If-Match': `W/"${v}"` },
        }),
        412,
        'precondition_failed',
        'PATCH with the current version as a weak tag',
      );
      const still = await ctx.call('GET', `/documents/${doc.id}`);
      ctx.expect(
        still.body?.title === doc.title && still.body?.version === v,
        `a refused PATCH must change nothing: title "${still.body?.title}", version ${still.body?.version}`,
      );
      const ok = await ctx.call('PATCH', `/documents/${doc.id}`, {
        body: { title: `Current ${ctx.run}` },
        headers: { 'If-Match': `"${v}"` },
      });
      ctx.expect(
        ok.status === 200,
        `PATCH with If-Match of the current version: expected 200, got ${ok.status} ${ok.text.slice(0, 200)}`,
      );
    },
  },
  {
    id: 'documents.titles',
    rule: 'Titles are stored trimmed, 1–200 code points, no control characters (else 422 naming title)',
    async run(ctx) {
      const doc = await createDocument(ctx, {
        name: 'Title.pdf',
        bytes: makePdf('Title'),
        type: 'application/pdf',
        title: `  Trimmed ${ctx.run}  `,
      });
      ctx.expect(doc.title === `Trimmed ${ctx.run}`, `the title must be stored trimmed, got "${doc.title}"`);
      for (const [title, what] of [
        ['', 'an empty title'],
        ['x'.repeat(201), 'a title of 201 code points'],
        ['a\u0007b', 'a title with a control character'],
      ] as const) {
        const r = await ctx.call('PATCH', `/documents/${doc.id}`, { body: { title } });
        ctx.problem(r, 422, 'validation_failed', `PATCH with ${what}`);
        ctx.expect(
          (r.body.errors ?? []).some((e: { path: string }) => e.path === 'title'),
          `422 for ${what} must name the field "title", got ${JSON.stringify(r.body.errors)}`,
        );
      }
      const emoji = await ctx.call('PATCH', `/documents/${doc.id}`, { body: { title: '😀'.repeat(200) } });
      ctx.expect(
        emoji.status === 200,
        `200 code points (400 UTF-16 units) is a valid title: got ${emoji.status}`,
      );
    },
  },
  {
    id: 'documents.download',
    rule: 'GET /documents/{id}/content → the bytes with Content-Type = the sniffed type, Content-Disposition (ASCII fallback and filename*=UTF-8), Content-Length, ETag "<sha256>"',
    needs: ['ahmet-yilmaz'],
    async run(ctx) {
      const bytes = makePdf('Download');
      const doc = await createDocument(ctx, {
        name: 'Übersicht Müll.pdf',
        bytes,
        type: 'application/pdf',
        shares: [ALL_TENANTS_ROSENWEG],
      });
      const r = await ctx.call('GET', `/documents/${doc.id}/content`, { as: 'ahmet-yilmaz' });
      ctx.expect(r.status === 200, `GET /documents/{id}/content: expected 200, got ${r.status}`);
      ctx.expect(
        Buffer.from(r.bytes).equals(Buffer.from(bytes)),
        `the downloaded bytes must be the uploaded ones (${r.bytes.length} vs ${bytes.length} bytes)`,
      );
      ctx.expect(
        r.headers.get('content-type') === 'application/pdf',
        `Content-Type must be the sniffed "application/pdf", got "${r.headers.get('content-type')}"`,
      );
      ctx.expect(
        r.headers.get('content-length') === String(bytes.length),
        `Content-Length must be ${bytes.length}, got ${r.headers.get('content-length')}`,
      );
      const sha = createHash('sha256').update(bytes).digest('hex');
      ctx.expect(
        r.headers.get('etag') === `"${sha}"` && doc.sha256 === sha,
        `ETag must be "<sha256>" = "${sha}", got ${r.headers.get('etag')} (document sha256 ${doc.sha256})`,
      );
      const cd = r.headers.get('content-disposition') ?? '';
      ctx.expect(
        /^attachment;/.test(cd) &&
          /filename="[\x20-\x7e]+"/.test(cd) &&
          !/filename="[^"]*%[0-9A-F]{2}/i.test(cd),
        `Content-Disposition must be attachment with an ASCII filename= without %XX, got "${cd}"`,
      );
      ctx.expect(
        cd.includes("filename*=UTF-8''%C3%9Cbersicht%20M%C3%BCll.pdf"),
        `Content-Disposition must carry filename*=UTF-8''%C3%9Cbersicht%20M%C3%BCll.pdf, got "${cd}"`,
      );
    },
  },
  {
    id: 'documents.download-counts',
    rule: "Each download by a contact counts once; a manager's downloads do not; GET /documents/{id}/downloads gives total and byContact",
    needs: ['ahmet-yilmaz'],
    async run(ctx) {
      const doc = await createDocument(ctx, {
        name: 'Count.pdf',
        bytes: makePdf('Count'),
        type: 'application/pdf',
        shares: [ALL_TENANTS_ROSENWEG],
      });
      ctx.expect(
        doc.downloadCount === 0,
        `a new document must have downloadCount 0, got ${doc.downloadCount}`,
      );
      await ctx.call('GET', `/documents/${doc.id}/content`);
      await ctx.call('GET', `/documents/${doc.id}/content`, { as: 'ahmet-yilmaz' });
      const count = (await ctx.call('GET', `/documents/${doc.id}`)).body?.downloadCount;
      ctx.expect(
        count === 1,
        `after one manager and one contact download, downloadCount must be 1, got ${count}`,
      );
      const stats = await ctx.call('GET', `/documents/${doc.id}/downloads`);
      const ahmet = (stats.body?.byContact ?? []).find(
        (c: { contactId: string }) => c.contactId === 'ahmet-yilmaz',
      );
      ctx.expect(
        stats.body?.total === 1 && ahmet?.count === 1 && typeof ahmet?.name === 'string',
        `GET /documents/{id}/downloads: expected total 1 and ahmet-yilmaz counted once, got ${stats.text.slice(0, 200)}`,
      );
    },
  },
  {
    id: 'documents.list-paging',
    rule: 'GET /documents: limit 1–200 (else 422), default sort createdAt:desc, opaque cursors that give each document once',
    async run(ctx) {
      for (const limit of ['0', '201', 'x'])
        ctx.problem(
          await ctx.call('GET', `/documents?limit=${limit}`),
          422,
          'validation_failed',
          `GET /documents?limit=${limit}`,
        );
      const made = [];
      for (let i = 0; i < 3; i++)
        made.push(
          (
            await createDocument(ctx, {
              name: `Page ${i}.pdf`,
              bytes: makePdf(`Page ${i}`),
              type: 'application/pdf',
              title: `Page ${i} ${ctx.run}`,
            })
          ).id,
        );
      const seen: string[] = [];
      let cursor: string | null = null;
      const search = encodeURIComponent(ctx.run);
      do {
        const r: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await ctx.call(
          'GET',
          `/documents?limit=1&q=${search}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        seen.push(...r.body.items.map((d) => d.id));
        cursor = r.body.nextCursor;
      } while (cursor && seen.length < 10);
      ctx.expect(
        JSON.stringify(seen) === JSON.stringify([...made].reverse()),
        `paging by 1 must give each document once, newest first: expected ${[...made].reverse().join(', ')}, got ${seen.join(', ')}`,
      );
    },
  },
  {
    id: 'documents.delete',
    rule: 'DELETE /documents/{id} → 204, then 404',
    async run(ctx) {
      const doc = await createDocument(ctx, {
        name: 'Delete.pdf',
        bytes: makePdf('Delete'),
        type: 'application/pdf',
      });
      const d = await ctx.call('DELETE', `/documents/${doc.id}`);
      ctx.expect(d.status === 204, `DELETE /documents/{id}: expected 204, got ${d.status}`);
      ctx.problem(await ctx.call('GET', `/documents/${doc.id}`), 404, 'not_found', 'GET after DELETE');
    },
  },
];
