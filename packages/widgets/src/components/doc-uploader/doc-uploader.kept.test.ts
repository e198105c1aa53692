// The uploader's offer of unfinished uploads shows only those of the scope and the user shown:
// a store's listing that answers after the element moved to another scope or another user never
// lands, and a user change takes the previous user's offer away at once. Its buttons clicked twice
// act once.
import { expect, fixture, html } from '@open-wc/testing';
import { createClient, formatScope, type DocPortalClient } from '@docportal/core-sdk';
import { indexedDbResumeStore, type IndexedDbResumeStore } from '@docportal/core-sdk/resume';
import '../../index.ts';
import { control, until, usesMockBackend } from '../../test/setup.ts';
import type { DocUploader } from './doc-uploader.component.ts';

const ROSENWEG = 'property:rosenweg-24';
const UNIT = 'unit:max-planck-12-w002';
const LATE_MS = 600;

/** A store (its own database) that kept one unfinished upload of Rosenweg 24, named `name`. */
async function storeKeeping(name: string): Promise<IndexedDbResumeStore> {
  const store = indexedDbResumeStore(`kept-${crypto.randomUUID()}`);
  await store.set(`key-${name}`, {
    id: `session-${name}`,
    file: new File(['%PDF-1.7\n'], `${name}.pdf`, { type: 'application/pdf', lastModified: 1 }),
    title: name,
    documentTypeId: 'objektunterlagen',
    scope: { kind: 'property', id: 'rosenweg-24' },
    shares: [],
  });
  return store;
}

/** The same store, listing Rosenweg 24 `LATE_MS` late (other scopes at once). */
const late = (store: IndexedDbResumeStore): IndexedDbResumeStore => ({
  ...store,
  list: async (scope) => {
    const kept = await store.list(scope);
    if (scope && formatScope(scope) === ROSENWEG) await new Promise((r) => setTimeout(r, LATE_MS));
    return kept;
  },
});

const clientWith = (resumeStore: IndexedDbResumeStore): DocPortalClient =>
  createClient({ baseUrl: '/api/v1', token: 'manager', resumeStore });

async function uploader(client: DocPortalClient, scope: string): Promise<DocUploader> {
  return fixture<DocUploader>(
    html`<doc-uploader .client=${client} scope=${scope} locale="de"></doc-uploader>`,
  );
}

const offer = (up: DocUploader) => up.shadowRoot!.querySelector<HTMLElement>('[part="resume-offer"]');
/** The offer's words, or null: a failed assertion prints them (an element would be walked whole). */
const offered = (up: DocUploader) => offer(up)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('<doc-uploader> offers the unfinished uploads of the scope and user shown only', () => {
  usesMockBackend();

  it('a listing of the scope it left does not land in the next scope', async () => {
    const up = await uploader(clientWith(late(await storeKeeping('Alt'))), ROSENWEG);
    up.scope = UNIT;
    await up.updateComplete;
    await wait(LATE_MS + 300);
    expect(offered(up), 'no offer of Rosenweg 24 in the unit').to.equal(null);
    // Back in Rosenweg 24, its listing lands: the store does offer it.
    up.scope = ROSENWEG;
    const shown = await until(() => offer(up), 5000, 'the offer in Rosenweg 24');
    expect(shown.textContent).to.contain('1 Upload nicht abgeschlossen');
  });

  it("another user never sees the previous user's offer: gone at once, and a late listing does not bring it back", async () => {
    const up = await uploader(clientWith(await storeKeeping('Vertraulich')), ROSENWEG);
    await until(() => offer(up), 5000, "the first user's offer");
    // The second user's store lists late and kept nothing.
    up.client = clientWith(late(indexedDbResumeStore(`kept-${crypto.randomUUID()}`)));
    await up.updateComplete;
    expect(offered(up), 'gone with the change of user').to.equal(null);
    await wait(LATE_MS + 300);
    expect(offered(up)).to.equal(null);
  });

  it("the previous user's late listing does not land after the next user's", async () => {
    const up = await uploader(clientWith(late(await storeKeeping('Vertraulich'))), ROSENWEG);
    up.client = clientWith(indexedDbResumeStore(`kept-${crypto.randomUUID()}`));
    await up.updateComplete;
    await wait(LATE_MS + 300);
    expect(offered(up), "no offer of the first user's file").to.equal(null);
    expect(up.shadowRoot!.textContent).not.to.contain('Vertraulich');
  });

  it('stays put while the types reload (a folder made elsewhere): focus stays on "fortsetzen"', async () => {
    const client = clientWith(await storeKeeping('Bleibt'));
    const provider = await fixture<HTMLElement & { bus: { publish(e: string): void } }>(
      html`<doc-provider .client=${client} scope=${ROSENWEG} locale="de"
        ><doc-uploader></doc-uploader
      ></doc-provider>`,
    );
    const up = provider.querySelector<DocUploader>('doc-uploader')!;
    const shown = await until(() => offer(up), 5000, 'the offer');
    const resume = [...shown.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'fortsetzen')!;
    resume.focus();
    provider.bus.publish('types-changed');
    await wait(300);
    expect(offer(up) === shown, 'the same offer').to.equal(true);
    expect(up.shadowRoot!.activeElement === resume, 'focus on "fortsetzen"').to.equal(true);
  });

  it('"fortsetzen" clicked twice resumes once: the uploader stays busy until the upload is done', async () => {
    const up = await uploader(clientWith(await storeKeeping('Doppelt')), ROSENWEG);
    const shown = await until(() => offer(up), 5000, 'the offer');
    const resume = [...shown.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'fortsetzen')!;
    await control('/faults', { latencyMs: 400 });
    const started: string[] = [];
    up.addEventListener('doc-upload-start', (e) => started.push(e.detail.file.name));
    resume.click();
    resume.click();
    await up.updateComplete;
    const submit = up.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]');
    expect(submit?.getAttribute('aria-disabled') ?? null, 'the submit button while sending').to.equal('true');
    expect(started).to.deep.equal(['Doppelt.pdf']);
    await until(() => up.shadowRoot!.querySelector('.success'), 8000, 'published');
  });

  it('"verwerfen" clicked twice says once what it discarded', async () => {
    const up = await uploader(clientWith(await storeKeeping('Weg')), ROSENWEG);
    const shown = await until(() => offer(up), 5000, 'the offer');
    const discard = [...shown.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'verwerfen')!;
    const status = up.shadowRoot!.querySelector('[role="status"]')!;
    const heard: string[] = [];
    const listen = new MutationObserver(() => {
      const text = status.textContent!.trim();
      if (text) heard.push(text);
    });
    listen.observe(status, { childList: true, characterData: true, subtree: true });
    discard.click();
    discard.click();
    await wait(500);
    listen.disconnect();
    expect(heard).to.deep.equal(['Der Upload wurde verworfen.']);
  });
});
