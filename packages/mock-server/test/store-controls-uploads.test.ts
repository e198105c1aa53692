import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CreateUpload } from '@docportal/core-sdk';
import { collectingSha256 } from '../src/store/bytes.ts';
import { Controls } from '../src/store/controls.ts';
import { ApiError } from '../src/store/errors.ts';
import { UPLOAD_TTL_MS, UploadSessions } from '../src/store/uploads.ts';

const code = async (run: () => unknown): Promise<string> => {
  try {
    await run();
  } catch (e) {
    assert.ok(e instanceof ApiError, `an ApiError, not ${String(e)}`);
    return e.code;
  }
  assert.fail('expected a refusal');
};

describe('controls (no HTTP)', () => {
  it('fix and free the clock', () => {
    const controls = new Controls();
    controls.setClock('2026-11-27T09:00:00Z');
    assert.equal(controls.now(), Date.parse('2026-11-27T09:00:00Z'));
    controls.setClock(null);
    assert.ok(Math.abs(controls.now() - Date.now()) < 1000);
  });

  it('draw the same fates for the same seed, and none without faults', () => {
    const controls = new Controls();
    assert.deepEqual(controls.drawFault(), { fail: false, lose: false });
    const draw = () => {
      controls.setFaults({ failRate: 0.5, loseResponseRate: 0.5, seed: 7 });
      return Array.from({ length: 20 }, () => controls.drawFault());
    };
    const first = draw();
    assert.deepEqual(draw(), first);
    assert.ok(first.some((f) => f.fail) && first.some((f) => !f.fail));
    controls.setFaults({});
    assert.equal(controls.faults, null);
  });

  it('admit a request: counted, then its fate with the settings it was drawn under', async () => {
    const controls = new Controls();
    controls.setFaults({ failRate: 1, failStatus: 429, retryAfter: 3 });
    const admission = await controls.admit();
    assert.equal(admission.fail, true);
    assert.equal(admission.faults?.failStatus, 429);
    controls.countBytes(10);
    assert.deepEqual(controls.stats(2), {
      requests: 1,
      bytesReceived: 10,
      documents: 0,
      uploads: 0,
      openUploads: 2,
    });
    controls.reset();
    assert.equal(controls.stats(0).requests, 0);
    assert.equal(controls.faults, null);
  });

  it('wait the injected latency', async () => {
    const controls = new Controls();
    controls.setFaults({ latencyMs: 40 });
    const started = performance.now();
    await controls.admit();
    assert.ok(performance.now() - started >= 35);
  });
});

const pdf = (size: number): CreateUpload => ({ fileName: 'a.pdf', size, mimeType: 'application/pdf' });
const bytes = (n: number) => new Uint8Array(n).fill(1);
const body =
  (...pieces: Uint8Array[]) =>
  async (write: (piece: Uint8Array) => void) =>
    pieces.forEach(write);

describe('upload sessions (no HTTP)', () => {
  it('open with a cleaned name, refusing size and type before any byte', async () => {
    let now = 1_000;
    const sessions = new UploadSessions(() => now, collectingSha256);
    const upload = sessions.open({ ...pdf(10), fileName: 'dir/a.pdf' }, () => undefined);
    assert.equal(upload.fileName, 'a.pdf');
    assert.equal(upload.expiresAt, now + UPLOAD_TTL_MS);
    assert.equal(await code(() => sessions.open(pdf(52_428_801), () => undefined)), 'file_too_large');
    assert.equal(
      await code(() => sessions.open({ ...pdf(1), fileName: 'a.exe' }, () => undefined)),
      'unsupported_file_type',
    );
    assert.equal(
      await code(() => sessions.open({ ...pdf(1), mimeType: 'image/png' }, () => undefined)),
      'unsupported_file_type',
    );
    const refuse = () => {
      throw new ApiError('validation_failed', 'planned document');
    };
    assert.equal(await code(() => sessions.open(pdf(1), refuse)), 'validation_failed');
    assert.equal(sessions.openCount(), 1);
    now += UPLOAD_TTL_MS;
    assert.equal(sessions.openCount(), 0, 'expired with its bytes');
  });
});

describe('upload sessions (no HTTP): appending', () => {
  it('append at the right offset, all or nothing per body', async () => {
    const sessions = new UploadSessions(() => 0, collectingSha256);
    const upload = sessions.open(pdf(10), () => undefined);
    assert.equal(await sessions.append(upload.id, 0, body(bytes(4), bytes(2))), 6);
    assert.equal(await code(() => sessions.append(upload.id, 0, body(bytes(1)))), 'offset_mismatch');
    assert.equal(await code(() => sessions.append(upload.id, 6, body(bytes(5)))), 'validation_failed');
    assert.equal(sessions.status(upload.id).offset, 6, 'a refused body leaves the upload as it was');
    assert.equal(await code(() => sessions.append(upload.id, 6, body(bytes(1)), 5)), 'validation_failed');
    assert.equal(await sessions.append(upload.id, 6, body(bytes(4))), 10);
    assert.equal(upload.chunks.length, 3);
  });

  it('refuse a second writer, and appends or deletes after a commit', async () => {
    const sessions = new UploadSessions(() => 0, collectingSha256);
    const upload = sessions.open(pdf(4), () => undefined);
    let release!: () => void;
    const slow = sessions.append(upload.id, 0, async (write) => {
      await new Promise<void>((resolve) => (release = resolve));
      write(bytes(2));
    });
    assert.equal(await code(() => sessions.append(upload.id, 0, body(bytes(1)))), 'upload_busy');
    release();
    assert.equal(await slow, 2);
    upload.committed = true;
    assert.equal(await code(() => sessions.append(upload.id, 2, body(bytes(1)))), 'conflict');
    assert.equal(await code(() => sessions.delete(upload.id)), 'conflict');
    assert.equal(await code(() => sessions.get('missing')), 'not_found');
  });
});
