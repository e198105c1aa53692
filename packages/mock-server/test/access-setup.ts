/** What the access tests share: one server per test file, and helpers. */
import assert from 'node:assert/strict';
import type { ShareTarget } from '@docportal/core-sdk';
import { makePdf } from '../src/fixtures/files.ts';
import { buildFixtures } from '../src/fixtures/fixtures.ts';
import { useServer, type Answer, type Api } from './helpers.ts';

export const api = useServer();
export const F = buildFixtures();
export const ALL_CONTACTS = F.contacts.map((c) => c.id);
export const NOW = '2026-11-27T10:00:00Z';
export const TODAY = '2026-11-27';

export function assertProblem(r: Answer, status: number, code: string, what: string): void {
  assert.equal(r.status, status, `${what}: got ${r.status} ${JSON.stringify(r.body)}`);
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/, `${what}: content type`);
  assert.equal(r.body.code, code, what);
  assert.equal(r.body.status, status, what);
  assert.equal(typeof r.body.type, 'string', what);
  assert.equal(typeof r.body.title, 'string', what);
}

export async function uploadPdf(
  a: Api,
  title: string,
  scope: { kind: 'property' | 'unit'; id: string },
  shares: ShareTarget[],
  documentTypeId = 'objektunterlagen',
) {
  const r = await a.upload(
    { name: `${title}.pdf`, bytes: makePdf(title), type: 'application/pdf' },
    { title, documentTypeId, scope, shares },
  );
  assert.equal(r.status, 201, `upload ${title}: ${JSON.stringify(r.body)}`);
  return r.body as { id: string; title: string; shares: ShareTarget[] };
}

export async function openUpload(a: Api, complete: boolean) {
  const bytes = makePdf('Zugriff');
  const created = await a.post(
    '/uploads',
    { fileName: 'Zugriff.pdf', size: bytes.length, mimeType: 'application/pdf' },
    'manager',
  );
  assert.equal(created.status, 201);
  if (complete) {
    const r = await a.call('PATCH', `/uploads/${created.body.id}`, {
      token: 'manager',
      body: bytes,
      headers: { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
    });
    assert.equal(r.status, 204);
  }
  return { id: created.body.id as string, bytes };
}
