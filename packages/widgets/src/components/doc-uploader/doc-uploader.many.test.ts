// Many files at once: up to three uploads under way together, the rest waiting in line.
import { expect, fixture, html } from '@open-wc/testing';
import { makePdf } from '../../../../mock-server/src/fixtures/files.ts';
import '../../index.ts';
import { documentsFor } from '../../test/helpers.ts';
import { control, dropFiles, fileOf, ready, until } from '../../test/setup.ts';
import type { DocUploader } from './doc-uploader.component.ts';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function mount(parallel?: number) {
  const up = await fixture<DocUploader>(html`<doc-uploader base-url="/api/v1" token="manager" scope="property:rosenweg-24" locale="de" parallel-uploads=${parallel ?? 3} document-type="objektunterlagen"></doc-uploader>`);
  await up.updateComplete;
  return up;
}

/** Drops `n` PDFs, submits, and follows how many uploads are under way at once. */
async function uploadMany(up: DocUploader, n: number): Promise<{ most: number; waitingSeen: boolean }> {
  const root = up.shadowRoot!;
  dropFiles(root.querySelector('.dropzone')!, Array.from({ length: n }, (_, i) => fileOf(makePdf(`Datei ${i + 1}`), `Datei ${i + 1}.pdf`, 'application/pdf')));
  await until(() => root.querySelectorAll('li.file').length === n && root.querySelector<HTMLSelectElement>('li.file select')!.options.length > 5, 5000, 'the files');
  let now = 0;
  let most = 0;
  let waitingSeen = false;
  up.addEventListener('doc-upload-start', () => {
    most = Math.max(most, ++now);
    waitingSeen ||= [...root.querySelectorAll('li.file')].some((li) => text(li.querySelector('.status')) === 'Wartet …');
  });
  up.addEventListener('doc-uploaded', () => now--);
  root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await until(() => root.querySelector('.success'), 30000, 'all published');
  return { most, waitingSeen };
}

describe('<doc-uploader> with many files', () => {
  before(async () => {
    await ready;
  });
  beforeEach(async () => {
    await control('/reset', {});
  });
  afterEach(async () => {
    await control('/faults', {});
  });

  it('uploads up to three at a time, the others waiting, and publishes every one', async () => {
    await control('/faults', { latencyMs: 80 });
    const up = await mount();
    const { most, waitingSeen } = await uploadMany(up, 7);
    expect(most, 'uploads under way at once').to.equal(3);
    expect(waitingSeen, 'files in line say they wait').to.equal(true);
    const docs = await documentsFor('manager', 'scope=property:rosenweg-24&documentTypeId=objektunterlagen');
    for (let i = 1; i <= 7; i++) expect(docs.map((d) => d.title), `Datei ${i}`).to.include(`Datei ${i}`);
  });

  it('parallel-uploads="1" uploads one at a time', async () => {
    await control('/faults', { latencyMs: 80 });
    const up = await mount(1);
    const { most } = await uploadMany(up, 3);
    expect(most).to.equal(1);
  });
});
