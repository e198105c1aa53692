// <doc-uploader> with the IndexedDB resume store of its client: after an upload broke off and the
// page was "reloaded" (a new client and store over the same database, a new element), it offers
// the unfinished upload; "fortsetzen" resumes it from the server's offset, "verwerfen" leaves no
// session and no kept bytes.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createClient, type ShareTarget } from '@docportal/core-sdk';
import { indexedDbResumeStore } from '@docportal/core-sdk/resume';
import { makePaddedPdf, sha256Hex } from '@docportal/mock-server/testing';
import '../../index.ts';
import { activeDeep, press, stats } from '../../test/helpers.ts';
import { control, ready, until } from '../../test/setup.ts';
import type { DocUploader } from './doc-uploader.component.ts';

const MiB = 1024 * 1024;
const SCOPE = 'property:rosenweg-24';
const shares: ShareTarget[] = [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }];

/** 20 MiB of incompressible bytes behind a real PDF header. */
function bigPdf(name: string): File {
  const bytes = makePaddedPdf(20 * MiB, name, { seed: name.length });
  return new File([bytes as Uint8Array<ArrayBuffer>], `${name}.pdf`, {
    type: 'application/pdf',
    lastModified: 1_700_000_000_000,
  });
}

/** An upload of `file` whose connection dies after its first chunk: nothing cleans up after it. */
async function interrupted(db: string, file: File): Promise<void> {
  let sent = 0;
  const dying: typeof fetch = (input, init) =>
    (input instanceof Request ? input.method : init?.method) === 'PATCH' && ++sent > 1
      ? Promise.reject(new TypeError('Failed to fetch'))
      : fetch(input, init);
  const client = createClient({
    baseUrl: '/api/v1',
    token: 'manager',
    retry: 0,
    fetch: dying,
    resumeStore: indexedDbResumeStore(db),
  });
  let failed = false;
  await client.documents
    .upload(file, {
      title: 'Hausordnung 2027',
      documentTypeId: 'objektunterlagen',
      scope: SCOPE,
      shares,
      chunkSize: 2 * MiB,
    })
    .catch(() => (failed = true));
  expect(failed, 'the upload broke off').to.equal(true);
}

/** The page after the reload: a new store over the same database, a client using it, the uploader. */
async function reloaded(db: string, locale?: string) {
  const store = indexedDbResumeStore(db);
  const client = createClient({ baseUrl: '/api/v1', token: 'manager', resumeStore: store });
  const wrap = await fixture<HTMLDivElement>(
    html`<div>
      <doc-provider .client=${client} scope=${SCOPE} locale=${ifDefined(locale)}
        ><doc-uploader></doc-uploader
      ></doc-provider>
    </div>`,
  );
  const up = wrap.querySelector<DocUploader>('doc-uploader')!;
  const root = up.shadowRoot!;
  const offer = await until(
    () => root.querySelector<HTMLElement>('[part="resume-offer"]'),
    10000,
    'the offer',
  );
  return { store, client, up, root, offer };
}

const button = (offer: Element, label: string) =>
  [...offer.querySelectorAll('button')].find((b) => b.textContent!.trim() === label)!;

describe("<doc-uploader> offers unfinished uploads of its client's resume store", () => {
  before(() => ready);
  beforeEach(() => control('/reset', {}));

  it('after a reload mid-upload: the offer, then "fortsetzen" sends only the remaining bytes, byte-exact', async () => {
    const db = `uploader-${crypto.randomUUID()}`;
    const file = bigPdf('Hausordnung');
    await interrupted(db, file);
    const before = await stats();
    expect(before.openUploads).to.equal(1);

    const { up, offer, root } = await reloaded(db, 'de');
    expect(offer.textContent).to.contain('1 Upload nicht abgeschlossen');
    const resume = button(offer, 'fortsetzen');
    expect(resume.getAttribute('aria-describedby')).to.equal('resume-offer-text');
    const uploaded = oneEvent(up, 'doc-uploaded');
    resume.focus();
    await press('Enter');
    const { detail } = await uploaded;
    expect(detail.document.title).to.equal('Hausordnung 2027');
    expect(detail.document.shares).to.deep.equal(shares);
    expect(detail.document.sha256).to.equal(await sha256Hex(file));
    const after = await stats();
    expect(
      after.bytesReceived - before.bytesReceived,
      'only the remaining bytes (and the commit)',
    ).to.be.at.most(file.size - 2 * MiB + 4096);
    expect([after.documents, after.openUploads]).to.deep.equal([1, 0]);
    expect(root.querySelector('[part="resume-offer"]'), 'the offer is gone').to.equal(null);
    expect(root.contains(activeDeep()), 'focus stays in the uploader').to.equal(true);
  });

  it('"verwerfen" (here in English: Discard) deletes the session and the kept bytes', async () => {
    const db = `uploader-${crypto.randomUUID()}`;
    await interrupted(db, bigPdf('Verworfen'));
    const { store, offer, root } = await reloaded(db, 'en');
    expect(offer.textContent).to.contain('1 upload not finished');
    button(offer, 'Discard').click();
    await until(async () => (await stats()).openUploads === 0, 10000, 'the session deleted');
    expect(await store.list(SCOPE)).to.deep.equal([]);
    expect(root.querySelector('[part="resume-offer"]')).to.equal(null);
    expect(root.contains(activeDeep()), 'focus stays in the uploader').to.equal(true);
  });
});
