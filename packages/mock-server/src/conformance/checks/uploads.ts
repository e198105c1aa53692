/** The upload protocol: sessions, offsets, resume, limits, content sniffing, the commit. */
import type { Check } from '../kit.js';
import { makeDocx, makeJpeg, makeOle2, makePdf, makePng } from '../../fixtures/files.js';
import { ROSENWEG, createDocument, openUpload, patchChunk, uploadDocument } from './support.js';

const MAX = 52_428_800;

export const uploadChecks: Check[] = [
  {
    id: 'uploads.session',
    rule: 'POST /uploads → 201 { id, offset: 0, size, chunkSize, expiresAt }',
    async run(ctx) {
      const s = await openUpload(ctx, 'Plan.pdf', 1234, 'application/pdf');
      ctx.expect(
        s.offset === 0 && s.size === 1234,
        `POST /uploads: expected offset 0 and size 1234, got offset ${s.offset}, size ${s.size}`,
      );
      ctx.expect(
        Number.isInteger(s.chunkSize) && s.chunkSize > 0,
        `POST /uploads: chunkSize must be a positive integer, got ${s.chunkSize}`,
      );
      ctx.expect(
        !Number.isNaN(Date.parse(s.expiresAt)),
        `POST /uploads: expiresAt must be an ISO-8601 time, got ${s.expiresAt}`,
      );
    },
  },
  {
    id: 'uploads.patch-upload-offset',
    rule: 'PATCH /uploads/{id} → 204 with Upload-Offset: <new offset>; GET /uploads/{id} tells how far the server got',
    async run(ctx) {
      const bytes = makePdf('Offsets');
      const s = await openUpload(ctx, 'Offsets.pdf', bytes.length, 'application/pdf');
      const r = await patchChunk(ctx, s.id, 0, bytes.subarray(0, 100));
      ctx.expect(
        r.status === 204,
        `PATCH /uploads/{id}: expected 204, got ${r.status} ${r.text.slice(0, 200)}`,
      );
      ctx.expect(
        r.headers.get('upload-offset') === '100',
        `PATCH /uploads/{id} 204 must carry Upload-Offset: 100, got ${r.headers.get('upload-offset') === null ? 'no Upload-Offset header' : `"${r.headers.get('upload-offset')}"`}`,
      );
      const g = await ctx.call('GET', `/uploads/${s.id}`);
      ctx.expect(
        g.status === 200 && g.body?.offset === 100 && g.body?.size === bytes.length,
        `GET /uploads/{id} after 100 bytes: expected offset 100, got ${g.status} ${g.text.slice(0, 200)}`,
      );
    },
  },
  {
    id: 'uploads.offset-mismatch',
    rule: "A chunk at the wrong offset → 409 offset_mismatch with the server's offset, nothing written; resuming from it completes the upload",
    async run(ctx) {
      const bytes = makePdf('Resume');
      const s = await openUpload(ctx, 'Resume.pdf', bytes.length, 'application/pdf');
      await patchChunk(ctx, s.id, 0, bytes.subarray(0, 50));
      const wrong = await patchChunk(ctx, s.id, 10, bytes.subarray(10, 60));
      ctx.problem(wrong, 409, 'offset_mismatch', 'PATCH at offset 10 when the server is at 50');
      ctx.expect(
        wrong.body.offset === 50,
        `409 offset_mismatch must carry the server's offset 50 in "offset", got ${wrong.body.offset}`,
      );
      const g = await ctx.call('GET', `/uploads/${s.id}`);
      ctx.expect(
        g.body?.offset === 50,
        `a refused chunk must write nothing: GET /uploads/{id} offset ${g.body?.offset}, expected 50`,
      );
      const rest = await patchChunk(ctx, s.id, g.body.offset, bytes.subarray(g.body.offset));
      ctx.expect(
        rest.status === 204 && rest.headers.get('upload-offset') === String(bytes.length),
        `resuming at the server's offset must complete the upload: ${rest.status}, Upload-Offset ${rest.headers.get('upload-offset')}`,
      );
    },
  },
  {
    id: 'uploads.past-size-422',
    rule: 'Bytes past the declared size → 422, nothing written',
    async run(ctx) {
      const s = await openUpload(ctx, 'Small.pdf', 10, 'application/pdf');
      ctx.problem(
        await patchChunk(ctx, s.id, 0, new Uint8Array(11)),
        422,
        'validation_failed',
        'PATCH of 11 bytes into a 10-byte upload',
      );
      ctx.expect(
        (await ctx.call('GET', `/uploads/${s.id}`)).body?.offset === 0,
        'bytes past size must write nothing (offset stays 0)',
      );
    },
  },
  {
    id: 'uploads.limits',
    rule: 'size over 52,428,800 bytes → 413 file_too_large (however large); size 0 → 422; 50 MiB exactly is accepted',
    async run(ctx) {
      ctx.problem(
        await ctx.call('POST', '/uploads', {
          body: { fileName: 'big.pdf', size: MAX + 1, mimeType: 'application/pdf' },
        }),
        413,
        'file_too_large',
        'POST /uploads of 52,428,801 bytes',
      );
      ctx.problem(
        await ctx.call('POST', '/uploads', {
          body: { fileName: 'huge.pdf', size: 2 ** 52, mimeType: 'application/pdf' },
        }),
        413,
        'file_too_large',
        'POST /uploads of 2^52 bytes',
      );
      ctx.problem(
        await ctx.call('POST', '/uploads', {
          body: { fileName: 'empty.pdf', size: 0, mimeType: 'application/pdf' },
        }),
        422,
        'validation_failed',
        'POST /uploads of 0 bytes',
      );
      await openUpload(ctx, 'exact.pdf', MAX, 'application/pdf');
    },
  },
  {
    id: 'uploads.types-by-name-and-declared',
    rule: 'Name or declared type not PDF/DOC/DOCX/JPEG/PNG, or disagreeing → 415 at POST /uploads; "" and image/jpg are accepted',
    async run(ctx) {
      ctx.problem(
        await ctx.call('POST', '/uploads', { body: { fileName: 'setup.exe', size: 10, mimeType: '' } }),
        415,
        'unsupported_file_type',
        'POST /uploads of setup.exe',
      );
      ctx.problem(
        await ctx.call('POST', '/uploads', { body: { fileName: 'a.pdf', size: 10, mimeType: 'image/png' } }),
        415,
        'unsupported_file_type',
        'POST /uploads of a.pdf declared image/png',
      );
      await openUpload(ctx, 'foto.jpg', 10, 'image/jpg');
      await openUpload(ctx, 'scan.pdf', 10, '');
    },
  },
  {
    id: 'uploads.sniffing',
    rule: 'The server sniffs the content at commit: PDF, PNG, JPEG, DOC (OLE2 with WordDocument), DOCX (ZIP with word/) are stored with their type; a mismatch → 415 and nothing is stored',
    async run(ctx) {
      const kinds: Array<[string, Uint8Array, string]> = [
        ['a.pdf', makePdf('Sniff'), 'application/pdf'],
        ['b.png', makePng(4, 4), 'image/png'],
        ['c.jpg', makeJpeg(), 'image/jpeg'],
        ['d.doc', makeOle2(), 'application/msword'],
        [
          'e.docx',
          makeDocx('Sniff'),
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ],
      ];
      for (const [name, bytes, type] of kinds) {
        const d = await createDocument(ctx, { name, bytes, type: '' });
        ctx.expect(
          d.mimeType === type,
          `${name}: the document's mimeType must be the sniffed "${type}", got "${d.mimeType}"`,
        );
      }
      const before = (await ctx.call('GET', '/documents?limit=200&scope=property:rosenweg-24')).body?.items
        ?.length;
      const bad = await uploadDocument(ctx, {
        name: 'photo.pdf',
        bytes: makePng(4, 4),
        type: 'application/pdf',
      });
      ctx.problem(bad, 415, 'unsupported_file_type', 'committing PNG bytes named photo.pdf');
      const after = (await ctx.call('GET', '/documents?limit=200&scope=property:rosenweg-24')).body?.items
        ?.length;
      ctx.expect(
        before === after,
        `a refused commit must store nothing: ${before} documents before, ${after} after`,
      );
      const word = await uploadDocument(ctx, { name: 'fake.doc', bytes: makeOle2('Workbook'), type: '' });
      ctx.problem(
        word,
        415,
        'unsupported_file_type',
        'committing an OLE2 file without a WordDocument stream as .doc',
      );
    },
  },
  {
    id: 'uploads.commit-rules',
    rule: 'Commit of an incomplete upload → 409 upload_incomplete; an upload commits once (409 conflict); unknown uploadId → 422 naming it',
    async run(ctx) {
      const bytes = makePdf('Commit');
      const s = await openUpload(ctx, 'Commit.pdf', bytes.length, 'application/pdf');
      const body = {
        uploadId: s.id,
        title: `Commit ${ctx.run}`,
        documentTypeId: 'objektunterlagen',
        scope: ROSENWEG,
        shares: [],
      };
      ctx.problem(
        await ctx.call('POST', '/documents', { body }),
        409,
        'upload_incomplete',
        'POST /documents before the last byte',
      );
      await patchChunk(ctx, s.id, 0, bytes);
      const first = await ctx.call('POST', '/documents', { body });
      ctx.expect(
        first.status === 201,
        `POST /documents of a complete upload: expected 201, got ${first.status} ${first.text.slice(0, 200)}`,
      );
      ctx.cleanup(() => ctx.call('DELETE', `/documents/${first.body.id}`));
      ctx.problem(
        await ctx.call('POST', '/documents', { body: { ...body, title: `Again ${ctx.run}` } }),
        409,
        'conflict',
        'a second commit of the same upload',
      );
      const unknown = await ctx.call('POST', '/documents', {
        body: { ...body, uploadId: `no-such-upload-${ctx.run}` },
      });
      ctx.problem(unknown, 422, 'validation_failed', 'POST /documents with an unknown uploadId');
      ctx.expect(
        (unknown.body.errors ?? []).some((e: { path: string }) => e.path === 'uploadId'),
        `422 must name the field: errors[].path "uploadId", got ${JSON.stringify(unknown.body.errors)}`,
      );
    },
  },
  {
    id: 'uploads.idempotent-commit',
    rule: 'Idempotency-Key: the same key and body replay the first answer (201, same document, never a second one); the same key with another body → 409',
    async run(ctx) {
      const bytes = makePdf('Idem');
      const s = await openUpload(ctx, 'Idem.pdf', bytes.length, 'application/pdf');
      await patchChunk(ctx, s.id, 0, bytes);
      const key = `conformance-${ctx.run}`;
      const body = {
        uploadId: s.id,
        title: `Idem ${ctx.run}`,
        documentTypeId: 'objektunterlagen',
        scope: ROSENWEG,
        shares: [],
      };
      const a = await ctx.call('POST', '/documents', { body, headers: { 'Idempotency-Key': key } });
      ctx.expect(a.status === 201, `first commit: expected 201, got ${a.status} ${a.text.slice(0, 200)}`);
      ctx.cleanup(() => ctx.call('DELETE', `/documents/${a.body.id}`));
      const b = await ctx.call('POST', '/documents', { body, headers: { 'Idempotency-Key': key } });
      ctx.expect(
        b.status === 201 && b.body?.id === a.body.id,
        `a replay with the same Idempotency-Key and body must answer 201 with the same document ${a.body.id}, got ${b.status} ${b.text.slice(0, 200)}`,
      );
      const listed = (
        (await ctx.call('GET', `/documents?limit=200&q=${encodeURIComponent(`Idem ${ctx.run}`)}`)).body
          ?.items ?? []
      ).length;
      ctx.expect(listed === 1, `the replay must not create a second document: ${listed} found`);
      ctx.problem(
        await ctx.call('POST', '/documents', {
          body: { ...body, title: `Other ${ctx.run}` },
          headers: { 'Idempotency-Key': key },
        }),
        409,
        'conflict',
        'the same Idempotency-Key with another body',
      );
      const u = await ctx.call('POST', '/uploads', {
        body: { fileName: 'k.pdf', size: 5, mimeType: '' },
        headers: { 'Idempotency-Key': `${key}-u` },
      });
      ctx.cleanup(() => ctx.call('DELETE', `/uploads/${u.body?.id}`));
      const u2 = await ctx.call('POST', '/uploads', {
        body: { fileName: 'k.pdf', size: 5, mimeType: '' },
        headers: { 'Idempotency-Key': `${key}-u` },
      });
      ctx.expect(
        u.status === 201 && u2.status === 201 && u2.body?.id === u.body?.id,
        `POST /uploads replayed with its Idempotency-Key must answer the same session, got ${u.status}/${u2.status}`,
      );
      ctx.problem(
        await ctx.call('POST', '/uploads', {
          body: { fileName: 'k.pdf', size: 6, mimeType: '' },
          headers: { 'Idempotency-Key': `${key}-u` },
        }),
        409,
        'conflict',
        'POST /uploads: the same Idempotency-Key with another body',
      );
    },
  },
  {
    id: 'uploads.abort',
    rule: 'DELETE /uploads/{id} → 204 and the session is gone (404)',
    async run(ctx) {
      const s = await openUpload(ctx, 'Abort.pdf', 10, 'application/pdf');
      const d = await ctx.call('DELETE', `/uploads/${s.id}`);
      ctx.expect(d.status === 204, `DELETE /uploads/{id}: expected 204, got ${d.status}`);
      ctx.problem(
        await ctx.call('GET', `/uploads/${s.id}`),
        404,
        'not_found',
        'GET /uploads/{id} after DELETE',
      );
    },
  },
];
