/**
 * One-request uploads: `POST /documents/upload`, multipart/form-data with a JSON `metadata` part
 * and a `file` part, for files up to the limit the server announces in `Upload-Limit`. A backend
 * that announces no limit (no header, or 0) offers no such uploads, and these checks are skipped.
 */
import { makePdf, makePng } from '../../fixtures/files.js';
import type { Answer, Check, Ctx } from '../kit.js';
import { ALL_TENANTS_ROSENWEG, ROSENWEG } from './support.js';

/** The limit the backend announces on its answers; skips the check when it offers no one-request uploads. */
async function announcedLimit(ctx: Ctx): Promise<number> {
  const r = await ctx.call('GET', '/me');
  const limit = Number(r.headers.get('upload-limit') ?? 0);
  if (!(limit > 0)) ctx.skip('the backend announces no one-request uploads (Upload-Limit missing or 0)');
  return limit;
}

function form(title: string, bytes: Uint8Array, fileName: string, type: string): FormData {
  const metadata = {
    title,
    documentTypeId: 'objektunterlagen',
    scope: ROSENWEG,
    shares: [ALL_TENANTS_ROSENWEG],
  };
  const body = new FormData();
  body.append('metadata', new Blob([JSON.stringify(metadata)], { type: 'application/json' }));
  body.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), fileName);
  return body;
}

/** Sends one upload; a document it made is deleted after the check. */
async function send(ctx: Ctx, body: FormData, key?: string): Promise<Answer> {
  const r = await ctx.call('POST', '/documents/upload', {
    body,
    headers: key ? { 'Idempotency-Key': key } : {},
  });
  if (r.status === 201) ctx.cleanup(() => ctx.call('DELETE', `/documents/${encodeURIComponent(r.body.id)}`));
  return r;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

/** The ids of the manager's documents titled `title`. */
async function titled(ctx: Ctx, title: string): Promise<string[]> {
  const list = await ctx.call('GET', '/documents?limit=200');
  return (list.body?.items ?? [])
    .filter((d: { title: string }) => d.title === title)
    .map((d: { id: string }) => d.id);
}

export const directUploadChecks: Check[] = [
  {
    id: 'direct.stores',
    rule: 'POST /documents/upload (metadata + file) → 201 Document with the sniffed type; the bytes download unchanged; every answer carries Upload-Limit',
    async run(ctx) {
      await announcedLimit(ctx);
      const bytes = makePdf('Direkt', ['Ein Dokument in einer Anfrage']);
      const title = `Direkt ${ctx.run}`;
      const r = await send(ctx, form(title, bytes, 'Direkt.pdf', 'application/pdf'));
      ctx.expect(
        r.status === 201,
        `POST /documents/upload: expected 201, got ${r.status} ${r.text.slice(0, 200)}`,
      );
      ctx.expect(
        r.body?.title === title && r.body?.mimeType === 'application/pdf' && r.body?.size === bytes.length,
        `POST /documents/upload must answer the Document (title, mimeType application/pdf, size ${bytes.length}), got ${r.text.slice(0, 300)}`,
      );
      ctx.expect(
        r.headers.get('upload-limit') !== null,
        'the 201 of POST /documents/upload must carry Upload-Limit like every answer',
      );
      const content = await ctx.call('GET', `/documents/${encodeURIComponent(r.body.id)}/content`);
      ctx.expect(
        content.status === 200 && sameBytes(content.bytes, bytes),
        `GET /documents/{id}/content must give back the ${bytes.length} bytes sent, got ${content.status} with ${content.bytes.length} bytes`,
      );
    },
  },
  {
    id: 'direct.idempotent',
    rule: 'POST /documents/upload honours Idempotency-Key: a replay answers the same document and stores no second one; the same key with another title → 409 conflict',
    async run(ctx) {
      await announcedLimit(ctx);
      const bytes = makePdf('Einmal');
      const title = `Einmal ${ctx.run}`;
      const key = `conformance-${ctx.run}`;
      const first = await send(ctx, form(title, bytes, 'Einmal.pdf', 'application/pdf'), key);
      ctx.expect(
        first.status === 201,
        `POST /documents/upload: expected 201, got ${first.status} ${first.text.slice(0, 200)}`,
      );
      const again = await send(ctx, form(title, bytes, 'Einmal.pdf', 'application/pdf'), key);
      ctx.expect(
        again.status === 201 && again.body?.id === first.body.id,
        `the same request with the same Idempotency-Key must answer the first document ${first.body.id}, got ${again.status} ${again.body?.id ?? again.text.slice(0, 200)}`,
      );
      ctx.problem(
        await send(ctx, form(`Anders ${ctx.run}`, bytes, 'Einmal.pdf', 'application/pdf'), key),
        409,
        'conflict',
        'the same Idempotency-Key with another title',
      );
      const ids = await titled(ctx, title);
      ctx.expect(
        ids.length === 1,
        `a replayed upload must store one document, found ${ids.length} titled "${title}"`,
      );
    },
  },
  {
    id: 'direct.limit',
    rule: 'A file over the announced Upload-Limit → 413 file_too_large, nothing stored; a file of exactly the limit is accepted',
    async run(ctx) {
      const limit = await announcedLimit(ctx);
      const padded = (size: number) => {
        const out = new Uint8Array(size).fill(0x20);
        out.set(makePdf('Grenze'));
        return out;
      };
      const title = `Zu gross ${ctx.run}`;
      ctx.problem(
        await send(ctx, form(title, padded(limit + 1), 'Gross.pdf', 'application/pdf')),
        413,
        'file_too_large',
        `POST /documents/upload of ${limit + 1} bytes (limit ${limit})`,
      );
      ctx.expect((await titled(ctx, title)).length === 0, 'a refused upload must store nothing');
      const exact = await send(ctx, form(`Genau ${ctx.run}`, padded(limit), 'Genau.pdf', 'application/pdf'));
      ctx.expect(
        exact.status === 201,
        `POST /documents/upload of exactly the limit (${limit} bytes): expected 201, got ${exact.status} ${exact.text.slice(0, 200)}`,
      );
    },
  },
  {
    id: 'direct.sniffing',
    rule: 'POST /documents/upload sniffs the content like the commit: a PNG named .pdf → 415 unsupported_file_type and nothing is stored',
    async run(ctx) {
      await announcedLimit(ctx);
      const title = `Verkleidet ${ctx.run}`;
      ctx.problem(
        await send(ctx, form(title, makePng(4, 4), 'foto.pdf', 'application/pdf')),
        415,
        'unsupported_file_type',
        'POST /documents/upload of a PNG named foto.pdf',
      );
      ctx.expect((await titled(ctx, title)).length === 0, 'a refused upload must store nothing');
    },
  },
];
