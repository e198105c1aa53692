/**
 * `POST /documents/upload`: a small file uploaded and committed in one multipart request, over
 * real HTTP against the standalone server. The same checks, sniffing and idempotency as the
 * resumable path; the size limit announced in `Upload-Limit` and enforced with 413.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { UPLOAD_LIMIT } from '@docportal/core-sdk/contract';
import { badFiles, makeDocx, makePdf, makePng } from '../src/fixtures/files.ts';
import { directForm, problem, stats as statsOf, useServer } from './helpers.ts';
import { makePaddedPdf } from '../src/testing.ts';

const api = useServer();

const M = 'manager';
const ROSENWEG = { kind: 'property', id: 'rosenweg-24' } as const;
const meta = (over: Record<string, unknown> = {}) => ({
  title: 'Hausordnung',
  documentTypeId: 'objektunterlagen',
  scope: ROSENWEG,
  shares: [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }],
  ...over,
});
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const stats = () => statsOf(api);
const send = (form: FormData | string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  api.call('POST', '/documents/upload', { token: M, body: form, headers });

/** Nothing was stored: no document, no open session, and the manager's list is as before. */
async function nothingStored(before: number) {
  const s = await stats();
  assert.equal(s.documents, 0, 'no document');
  assert.equal(s.openUploads, 0, 'no open upload');
  assert.equal((await api.get('/documents?limit=200', M)).body.items.length, before);
}

/** A PDF of exactly `size` bytes that ends with a line break. */
function pdfOfSize(size: number): Uint8Array {
  const out = makePaddedPdf(size, 'Genau');
  out[size - 1] = 0x0a;
  return out;
}

describe('POST /documents/upload (one request)', () => {
  it('stores the file and answers the document; the bytes come back equal, and every answer names the limit', async () => {
    const bytes = makePdf('Hausordnung', ['Ruhezeiten 22–6 Uhr']);
    const r = await send(directForm(meta(), bytes, 'Hausordnung.pdf'));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.headers.get('upload-limit'), String(UPLOAD_LIMIT));
    assert.equal(r.body.title, 'Hausordnung');
    assert.equal(r.body.fileName, 'Hausordnung.pdf');
    assert.equal(r.body.mimeType, 'application/pdf');
    assert.equal(r.body.size, bytes.length);
    assert.equal(r.body.sha256, sha(bytes));
    assert.deepEqual(r.body.shares, [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }]);
    const content = await api.get(`/documents/${r.body.id}/content`, M);
    assert.deepEqual(content.bytes, bytes);
    const s = await stats();
    assert.equal(s.documents, 1);
    assert.equal(s.openUploads, 0);
    assert.equal((await api.get('/me', M)).headers.get('upload-limit'), String(UPLOAD_LIMIT));
  });

  it('sniffs like the commit: a DOCX and a PNG are accepted with their real type, a file without declared type too', async () => {
    const docx = await send(directForm(meta({ title: 'Vertrag' }), makeDocx('Vertrag'), 'Vertrag.docx', ''));
    assert.equal(docx.status, 201, JSON.stringify(docx.body));
    assert.equal(
      docx.body.mimeType,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const png = await send(directForm(meta({ title: 'Plan' }), makePng(8, 8), 'Plan.png', 'image/png'));
    assert.equal(png.status, 201, JSON.stringify(png.body));
    assert.equal(png.body.mimeType, 'image/png');
  });

  it('refuses each bad file of the quality bars with its code, and stores nothing', async () => {
    const before = (await api.get('/documents?limit=200', M)).body.items.length;
    for (const bad of badFiles()) {
      problem(await send(directForm(meta(), bad.bytes, bad.name, bad.type)), 415, 'unsupported_file_type');
      await nothingStored(before);
    }
    // A renamed executable under its own name, an empty file.
    problem(
      await send(
        directForm(meta(), new Uint8Array([0x4d, 0x5a, 0, 0]), 'setup.exe', 'application/x-msdownload'),
      ),
      415,
      'unsupported_file_type',
    );
    const empty = await send(directForm(meta(), new Uint8Array(0), 'leer.pdf'));
    problem(empty, 422, 'validation_failed');
    assert.deepEqual(
      empty.body.errors.map((e: { path: string }) => e.path),
      ['file'],
    );
    await nothingStored(before);
  });

  it('refuses bad metadata like the commit does: unknown type, target outside the scope, missing parts, malformed JSON', async () => {
    const before = (await api.get('/documents?limit=200', M)).body.items.length;
    const pdf = makePdf('X');
    const unknownType = await send(directForm(meta({ documentTypeId: 'no-such-type' }), pdf, 'X.pdf'));
    problem(unknownType, 422, 'validation_failed');
    assert.deepEqual(
      unknownType.body.errors.map((e: { path: string }) => e.path),
      ['documentTypeId'],
    );
    problem(
      await send(
        directForm(
          meta({
            scope: { kind: 'unit', id: 'max-planck-12-w002' },
            shares: [{ kind: 'contact', contactId: 'ahmet-yilmaz' }],
          }),
          pdf,
          'X.pdf',
        ),
      ),
      422,
      'target_out_of_scope',
    );
    const noTitle = await send(directForm(meta({ title: undefined }), pdf, 'X.pdf'));
    problem(noTitle, 422, 'validation_failed');
    assert.deepEqual(
      noTitle.body.errors.map((e: { path: string }) => e.path),
      ['metadata.title'],
    );
    const onlyFile = new FormData();
    onlyFile.append('file', new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), 'X.pdf');
    problem(await send(onlyFile), 422, 'validation_failed');
    const onlyMeta = new FormData();
    onlyMeta.append('metadata', JSON.stringify(meta()));
    problem(await send(onlyMeta), 422, 'validation_failed');
    const broken = new FormData();
    broken.append('metadata', '{"title": ');
    broken.append('file', new Blob([pdf as Uint8Array<ArrayBuffer>]), 'X.pdf');
    problem(await send(broken), 400, 'bad_request');
    problem(await send(JSON.stringify(meta()), { 'Content-Type': 'application/json' }), 400, 'bad_request');
    problem(
      await send('--b\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n{}', {
        'Content-Type': 'multipart/form-data; boundary=b',
      }),
      400,
      'bad_request',
    );
    await nothingStored(before);
  });

  it('enforces the size limit: exactly the limit is accepted, one byte more is 413, announced or streamed', async () => {
    const before = (await api.get('/documents?limit=200', M)).body.items.length;
    const over = pdfOfSize(UPLOAD_LIMIT + 1);
    problem(await send(directForm(meta(), over, 'Gross.pdf')), 413, 'file_too_large');
    await nothingStored(before);
    // Without a Content-Length (chunked), the body is refused once it passes the limit; the rest
    // is read and dropped (as for a PATCH past its size), so that the 413 can be answered.
    const form = new Response(directForm(meta(), pdfOfSize(4 * UPLOAD_LIMIT), 'Gross.pdf'));
    const streamed = await fetch(`${api.url}/api/v1/documents/upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${M}`, 'Content-Type': form.headers.get('content-type')! },
      body: form.body,
      duplex: 'half',
    } as RequestInit).then(
      async (r) => ({ status: r.status, body: (await r.json()) as { code: string } }),
      () => undefined,
    );
    assert.deepEqual([streamed?.status, streamed?.body.code], [413, 'file_too_large']);
    await nothingStored(before);
    // 50 MiB + 1, the bad file of the quality bars, is far past it.
    problem(await send(directForm(meta(), pdfOfSize(52_428_801), 'Riesig.pdf')), 413, 'file_too_large');
    await nothingStored(before);

    const exact = pdfOfSize(UPLOAD_LIMIT);
    const ok = await send(directForm(meta({ title: 'Genau' }), exact, 'Genau.pdf'));
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.size, UPLOAD_LIMIT);
    assert.equal(ok.body.sha256, sha(exact));
  });

  it('honours Idempotency-Key: a replay answers the same document; the same key with other metadata or bytes is 409', async () => {
    const bytes = makePdf('Protokoll');
    const key = { 'Idempotency-Key': 'direct-1' };
    const first = await send(directForm(meta({ title: 'Protokoll' }), bytes, 'Protokoll.pdf'), key);
    assert.equal(first.status, 201);
    const again = await send(directForm(meta({ title: 'Protokoll' }), bytes, 'Protokoll.pdf'), key);
    assert.equal(again.status, 201);
    assert.equal(again.body.id, first.body.id);
    problem(await send(directForm(meta({ title: 'Anders' }), bytes, 'Protokoll.pdf'), key), 409, 'conflict');
    problem(
      await send(directForm(meta({ title: 'Protokoll' }), makePdf('Anders'), 'Protokoll.pdf'), key),
      409,
      'conflict',
    );
    assert.equal((await stats()).documents, 1);
  });

  it('under a lost answer (loseResponseRate 1) the request took effect once; the retry with its key answers that document', async () => {
    const bytes = makePdf('Verloren');
    const key = { 'Idempotency-Key': 'direct-lost' };
    await api.control('POST', '/faults', { loseResponseRate: 1 });
    await assert.rejects(send(directForm(meta({ title: 'Verloren' }), bytes, 'Verloren.pdf'), key));
    await api.control('POST', '/faults', {});
    assert.equal((await stats()).documents, 1);
    const retry = await send(directForm(meta({ title: 'Verloren' }), bytes, 'Verloren.pdf'), key);
    assert.equal(retry.status, 201);
    assert.equal((await stats()).documents, 1);
    const mine = (await api.get('/documents?limit=200&q=Verloren', M)).body.items;
    assert.deepEqual(
      mine.map((d: { id: string }) => d.id),
      [retry.body.id],
    );
  });

  it('is for managers only: a contact gets 403 and nothing is stored', async () => {
    problem(
      await api.call('POST', '/documents/upload', {
        token: 'contact:ahmet-yilmaz',
        body: directForm(meta(), makePdf('X'), 'X.pdf'),
      }),
      403,
      'forbidden',
    );
    assert.equal((await stats()).documents, 0);
  });
});
