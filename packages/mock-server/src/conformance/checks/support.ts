/** What several checks do: put a document on the backend through the upload protocol. */
import type { ShareTarget } from '@docportal/core-sdk';
import type { Answer, Caller, Ctx } from '../kit.js';

export const ROSENWEG = { kind: 'property' as const, id: 'rosenweg-24' };
export const W002 = { kind: 'unit' as const, id: 'max-planck-12-w002' };
export const ALL_TENANTS_ROSENWEG: ShareTarget = {
  kind: 'property',
  propertyId: 'rosenweg-24',
  roles: ['tenant'],
};
export const KRISTINA: ShareTarget = { kind: 'contact', contactId: 'kristina-maiblume' };

export interface UploadSpec {
  name: string;
  bytes: Uint8Array;
  type?: string;
  title?: string;
  documentTypeId?: string;
  scope?: { kind: 'property' | 'unit'; id: string };
  shares?: ShareTarget[];
  chunk?: number;
  idempotencyKey?: string;
}

/** Opens an upload session; fails the check unless the answer is 201. */
export async function openUpload(
  ctx: Ctx,
  name: string,
  size: number,
  type: string,
): Promise<{ id: string; offset: number; size: number; chunkSize: number; expiresAt: string }> {
  const r = await ctx.call('POST', '/uploads', { body: { fileName: name, size, mimeType: type } });
  ctx.expect(
    r.status === 201,
    `POST /uploads for "${name}" (${size} bytes, "${type}"): expected 201, got ${r.status} ${r.text.slice(0, 200)}`,
  );
  ctx.cleanup(() => ctx.call('DELETE', `/uploads/${encodeURIComponent(r.body.id)}`));
  return r.body;
}

/** One PATCH of bytes at an offset. */
export const patchChunk = (ctx: Ctx, id: string, offset: number, bytes: Uint8Array): Promise<Answer> =>
  ctx.call('PATCH', `/uploads/${encodeURIComponent(id)}`, {
    body: bytes,
    headers: { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
  });

/** Uploads and commits; answers the commit's answer (the document is deleted at the end of the check). */
export async function uploadDocument(ctx: Ctx, spec: UploadSpec): Promise<Answer> {
  const session = await openUpload(ctx, spec.name, spec.bytes.length, spec.type ?? '');
  const chunk = spec.chunk ?? spec.bytes.length;
  for (let o = 0; o < spec.bytes.length; o += chunk) {
    const r = await patchChunk(ctx, session.id, o, spec.bytes.subarray(o, o + chunk));
    ctx.expect(
      r.status === 204,
      `PATCH /uploads/{id} at offset ${o}: expected 204, got ${r.status} ${r.text.slice(0, 200)}`,
    );
  }
  const body = {
    uploadId: session.id,
    title: spec.title ?? `${spec.name.replace(/\.[^.]+$/, '')} ${ctx.run}`,
    documentTypeId: spec.documentTypeId ?? 'objektunterlagen',
    scope: spec.scope ?? ROSENWEG,
    shares: spec.shares ?? [],
  };
  const r = await ctx.call('POST', '/documents', {
    body,
    headers: spec.idempotencyKey ? { 'Idempotency-Key': spec.idempotencyKey } : {},
  });
  if (r.status === 201) ctx.cleanup(() => ctx.call('DELETE', `/documents/${encodeURIComponent(r.body.id)}`));
  return r;
}

/** Uploads and commits, failing the check unless it is 201; answers the document. */
export async function createDocument(ctx: Ctx, spec: UploadSpec): Promise<any> {
  const r = await uploadDocument(ctx, spec);
  ctx.expect(
    r.status === 201,
    `POST /documents for "${spec.name}": expected 201, got ${r.status} ${r.text.slice(0, 200)}`,
  );
  return r.body;
}

/** Whether `as` sees the document: in the list and by id. */
export async function sees(ctx: Ctx, as: Caller, id: string): Promise<{ listed: boolean; status: number }> {
  const list = await ctx.call('GET', '/documents?limit=200', { as });
  const one = await ctx.call('GET', `/documents/${encodeURIComponent(id)}`, { as });
  return { listed: (list.body?.items ?? []).some((d: { id: string }) => d.id === id), status: one.status };
}

/** Today and tomorrow as calendar dates in Europe/Berlin. */
export function berlinDates(now = new Date()): { today: string; tomorrow: string } {
  const fmt = (d: Date) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(d);
  const today = fmt(now);
  const next = new Date(`${today}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { today, tomorrow: next.toISOString().slice(0, 10) };
}
