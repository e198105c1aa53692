// Signing in, out and over: every input reactive at any time, no request without a token, no
// frame with the previous user's data, and doc-auth-required on a 401.
import { expect, fixture, html } from '@open-wc/testing';
import { createClient, type ShareTarget } from '@docportal/core-sdk';
import { makePdf } from '@docportal/mock-server/testing';
import '../index.ts';
import type { DocFolderTree, DocProvider, DocUploader, SharePicker } from '../index.ts';
import { documentsFor, nextFrame, stats } from '../test/helpers.ts';
import { control, dropFiles, fileOf, ready, until } from '../test/setup.ts';
import { rowName, rowNamed, treeitems } from '../test/tree-rows.ts';

const SIGNED_OUT = 'Nicht angemeldet';
const text = (el: Element | null | undefined) =>
  (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const titles = (tree: DocFolderTree) => treeitems(tree).map(rowName);
const manager = () => createClient({ baseUrl: '/api/v1', token: 'manager' });
const ROSENWEG = { kind: 'property', id: 'rosenweg-24' } as const;

async function publish(title: string, shares: ShareTarget[]): Promise<void> {
  await manager().documents.upload(new File([makePdf(title) as Uint8Array<ArrayBuffer>], `${title}.pdf`), {
    title,
    documentTypeId: 'objektunterlagen',
    scope: ROSENWEG,
    shares,
  });
}

/** Opens every folder by clicking its row, until none is closed. */
async function expandAll(tree: DocFolderTree): Promise<void> {
  for (let guard = 0; guard < 20; guard++) {
    const closed = treeitems(tree).find((r) => r.getAttribute('aria-expanded') === 'false');
    if (!closed) return;
    const name = rowName(closed);
    closed.click();
    await until(
      () => rowNamed(tree, name)?.getAttribute('aria-expanded') === 'true',
      5000,
      `folder ${name} open`,
    );
  }
}

/**
 * Watches the text of elements' shadow roots from now on: after every mutation batch and in
 * every frame until stopped (not now: call it right after the change whose result it judges).
 * Collects what of `forbidden` ever showed.
 */
function watch(elements: () => Element[], forbidden: string[]): { seen: Set<string>; stop: () => void } {
  const seen = new Set<string>();
  const observed = new Set<Node>();
  const look = () => {
    for (const el of elements()) {
      if (el.shadowRoot && !observed.has(el.shadowRoot)) {
        observed.add(el.shadowRoot);
        observer.observe(el.shadowRoot, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
      }
      const t = el.shadowRoot?.textContent ?? '';
      for (const f of forbidden) if (t.includes(f)) seen.add(f);
    }
  };
  const observer = new MutationObserver(look);
  for (const el of elements())
    if (el.shadowRoot)
      (observed.add(el.shadowRoot),
        observer.observe(el.shadowRoot, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        }));
  let running = true;
  const frame = () => {
    if (!running) return;
    look();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return { seen, stop: () => ((running = false), observer.disconnect()) };
}

describe('sessions: inputs at any time, sign-in, user switch, 401', () => {
  before(async () => {
    await ready;
  });
  beforeEach(async () => {
    await control('/reset', {});
    await control('/faults', {});
  });

  it('without a token nothing is requested and the elements say, neutrally, that nobody is signed in', async () => {
    // Arrange + Act: a provider and standalone elements, all without a token
    const wrap = await fixture<HTMLElement>(
      html`<div>
        <doc-provider base-url="/api/v1" scope="property:rosenweg-24" locale="de">
          <doc-folder-tree mode="browse"></doc-folder-tree>
          <doc-uploader></doc-uploader>
          <share-picker></share-picker>
        </doc-provider>
        <doc-folder-tree base-url="/api/v1" scope="property:rosenweg-24" locale="de"></doc-folder-tree>
        <doc-uploader base-url="/api/v1" scope="property:rosenweg-24" locale="en"></doc-uploader>
      </div>`,
    );
    const elements = [
      ...wrap.querySelectorAll<DocFolderTree | DocUploader | SharePicker>(
        'doc-folder-tree, doc-uploader, share-picker',
      ),
    ];
    await Promise.all(elements.map((e) => e.updateComplete));
    for (let i = 0; i < 5; i++) await nextFrame();
    // Assert
    expect((await stats()).requests, 'requests to the API').to.equal(0);
    for (const el of elements) {
      const t = text(el);
      expect(t, el.localName).to.contain(el.getAttribute('locale') === 'en' ? 'Not signed in' : SIGNED_OUT);
      expect(el.shadowRoot!.querySelector('[role="alert"], .error'), `${el.localName}: no error`).to.equal(
        null,
      );
    }
    await expect(elements[0]).to.be.accessible();
  });

  it('a token set late on the provider (property, also a function) loads the data', async () => {
    // Arrange
    const provider = await fixture<DocProvider>(
      html`<doc-provider base-url="/api/v1" scope="property:rosenweg-24" locale="de">
        <doc-folder-tree mode="manage"></doc-folder-tree>
        <share-picker></share-picker>
        <doc-uploader></doc-uploader>
      </doc-provider>`,
    );
    const tree = provider.querySelector<DocFolderTree>('doc-folder-tree')!;
    const picker = provider.querySelector<SharePicker>('share-picker')!;
    const uploader = provider.querySelector<DocUploader>('doc-uploader')!;
    await until(() => text(tree).includes(SIGNED_OUT), 5000, 'signed out');
    // Act: as the README says, after the bundle
    let calls = 0;
    provider.token = () => (calls++, 'manager');
    // Assert
    await until(
      () => titles(tree).includes('Objektunterlagen'),
      5000,
      () => `the folders (tree says ${text(tree)})`,
    );
    await until(() => picker.shadowRoot!.querySelectorAll('.role .count').length === 2, 5000, 'role counts');
    await until(() => uploader.shadowRoot!.querySelector('.dropzone'), 5000, 'the drop zone');
    expect(calls).to.be.greaterThan(0);
  });

  it('a token set late by setAttribute on a standalone element loads its data', async () => {
    // Arrange
    const tree = await fixture<DocFolderTree>(
      html`<doc-folder-tree
        base-url="/api/v1"
        scope="property:rosenweg-24"
        mode="manage"
        locale="de"
      ></doc-folder-tree>`,
    );
    await until(() => text(tree).includes(SIGNED_OUT), 5000, 'signed out');
    // Act
    tree.setAttribute('token', 'manager');
    // Assert
    await until(
      () => titles(tree).includes('Objektunterlagen'),
      5000,
      () => `the folders (tree says ${text(tree)})`,
    );
  });

  it('a token set late on an element inside a provider (setAttribute) loads its data', async () => {
    // Arrange: the provider knows where the API is, the element who is signed in
    const provider = await fixture<DocProvider>(
      html`<doc-provider base-url="/api/v1" scope="property:rosenweg-24" locale="de">
        <doc-folder-tree mode="manage"></doc-folder-tree>
      </doc-provider>`,
    );
    const tree = provider.querySelector<DocFolderTree>('doc-folder-tree')!;
    await until(() => text(tree).includes(SIGNED_OUT), 5000, 'signed out');
    // Act
    tree.setAttribute('token', 'manager');
    // Assert
    await until(
      () => titles(tree).includes('Objektunterlagen'),
      5000,
      () => `the folders (tree says ${text(tree)})`,
    );
  });

  it('switching the user shows only the new user’s documents, in no frame the previous one’s', async () => {
    // Arrange: a document for Ahmet and one for Sophie (Paul, a former tenant, sees nothing here),
    // and Ahmet's tree open with its documents
    await publish('Mietvertrag Ahmet Yılmaz', [{ kind: 'contact', contactId: 'ahmet-yilmaz' }]);
    await publish('Schreiben an Sophie Wagner', [{ kind: 'contact', contactId: 'sophie-wagner' }]);
    const sophies = new Set((await documentsFor('contact:sophie-wagner')).map((d) => d.title));
    const ahmets = (await documentsFor('contact:ahmet-yilmaz'))
      .map((d) => d.title)
      .filter((t) => !sophies.has(t));
    expect(ahmets).to.include('Mietvertrag Ahmet Yılmaz');
    const provider = await fixture<DocProvider>(
      html`<doc-provider
        base-url="/api/v1"
        scope="property:rosenweg-24"
        locale="de"
        token="contact:ahmet-yilmaz"
      >
        <doc-folder-tree mode="browse"></doc-folder-tree>
      </doc-provider>`,
    );
    const tree = provider.querySelector<DocFolderTree>('doc-folder-tree')!;
    await until(() => treeitems(tree).length > 0, 5000, 'Ahmet’s folders');
    await expandAll(tree);
    await until(
      () => titles(tree).includes('Mietvertrag Ahmet Yılmaz'),
      5000,
      () => `Ahmet’s document (rows: ${titles(tree).join(' | ')})`,
    );
    // Ahmet's answers still on their way when he signs out: a reload with a slow server
    await control('/faults', { latencyMs: 400 });
    provider.bus.publish('documents-changed');
    await nextFrame();
    // Act: Paul signs in on the same page
    provider.setAttribute('token', 'contact:paul-klein');
    const watcher = watch(() => [...provider.querySelectorAll('doc-folder-tree')], ahmets);
    // Assert: Paul sees nothing here
    await until(
      () => text(tree).includes('Hier sind noch keine Dokumente.'),
      5000,
      () => `Paul’s empty tree (tree says ${text(tree)})`,
    );
    await control('/faults', {});
    // Act: then Sophie, as a function
    provider.token = () => 'contact:sophie-wagner';
    await until(() => treeitems(tree).length > 0, 5000, 'Sophie’s folders');
    await expandAll(tree);
    await until(
      () => titles(tree).includes('Schreiben an Sophie Wagner'),
      5000,
      () => `Sophie’s document (rows: ${titles(tree).join(' | ')})`,
    );
    // A tree shown again in the same provider starts from nothing of Ahmet's either
    const again = document.createElement('doc-folder-tree') as DocFolderTree;
    again.mode = 'browse';
    provider.append(again);
    await until(() => treeitems(again).length > 0, 5000, 'the second tree');
    await expandAll(again);
    await until(
      () => titles(again).includes('Schreiben an Sophie Wagner'),
      5000,
      'Sophie’s document in the second tree',
    );
    // Ahmet's late answers (400 ms) have come by now
    await new Promise((r) => setTimeout(r, 500));
    for (let i = 0; i < 3; i++) await nextFrame();
    watcher.stop();
    // Assert
    expect([...watcher.seen], 'Ahmet’s documents shown after the switch').to.deep.equal([]);
  });

  it('a new client drops what the uploader and the picker loaded and loads again through it', async () => {
    // Arrange: two clients, each logging its requests
    const log = { a: [] as string[], b: [] as string[] };
    const make = (who: 'a' | 'b') =>
      createClient({
        baseUrl: '/api/v1',
        token: 'manager',
        onRequest: ({ url }) => log[who].push(new URL(url, location.href).pathname),
      });
    const provider = await fixture<DocProvider>(
      html`<doc-provider scope="property:rosenweg-24" locale="de" .client=${make('a')}>
        <doc-uploader></doc-uploader>
        <share-picker></share-picker>
      </doc-provider>`,
    );
    const picker = provider.querySelector<SharePicker>('share-picker')!;
    await until(() => picker.shadowRoot!.querySelectorAll('.role .count').length === 2, 5000, 'role counts');
    await until(() => log.a.includes('/api/v1/document-types'), 5000, 'types through a');
    // Act: another client, with a slow server so that the picker's counts are seen to go first
    await control('/faults', { latencyMs: 300 });
    provider.client = make('b');
    await provider.updateComplete;
    await picker.updateComplete;
    // Assert: nothing of a's answers stays while b's come
    expect(
      picker.shadowRoot!.querySelectorAll('.role .count'),
      'counts of the previous client',
    ).to.have.length(0);
    await until(
      () => log.b.includes('/api/v1/document-types') && log.b.includes('/api/v1/recipients'),
      5000,
      () => `types and recipients through b (${log.b.join()})`,
    );
    await until(
      () => picker.shadowRoot!.querySelectorAll('.role .count').length === 2,
      5000,
      'role counts through b',
    );
  });

  it('a 401 fires doc-auth-required; a token set in the listener is used for the retry', async () => {
    // Arrange: the portal refreshes the token when asked
    const events: Array<CustomEvent<{ retry: () => void; error: Error }>> = [];
    const onAuth = (e: Event) => {
      events.push(e as CustomEvent);
      (document.querySelector('doc-provider') as DocProvider).token = 'manager';
    };
    document.addEventListener('doc-auth-required', onAuth);
    let tree: DocFolderTree;
    try {
      // Act
      const provider = await fixture<DocProvider>(
        html`<doc-provider base-url="/api/v1" scope="property:rosenweg-24" locale="de" token="abgelaufen">
          <doc-folder-tree mode="manage"></doc-folder-tree>
        </doc-provider>`,
      );
      tree = provider.querySelector<DocFolderTree>('doc-folder-tree')!;
      // Assert
      await until(
        () => titles(tree).includes('Objektunterlagen'),
        5000,
        () => `the folders (tree says ${text(tree)})`,
      );
    } finally {
      document.removeEventListener('doc-auth-required', onAuth);
    }
    expect(events.length).to.equal(1);
    const e = events[0]!;
    expect(e.bubbles && e.composed && e.cancelable, 'bubbles, composed, cancelable').to.equal(true);
    expect(e.detail.error.name).to.equal('AuthError');
    expect(text(tree)).not.to.contain('Anmeldung ist abgelaufen');
  });

  it('a canceled doc-auth-required waits, not signed in, until detail.retry()', async () => {
    // Arrange: a token function the portal refreshes itself
    let token = 'abgelaufen';
    let event: CustomEvent<{ retry: () => void }> | undefined;
    const wrap = await fixture<HTMLElement>(
      html`<div
        @doc-auth-required=${(e: CustomEvent<{ retry: () => void }>) => {
          e.preventDefault();
          event = e;
        }}
      >
        <doc-folder-tree
          base-url="/api/v1"
          scope="property:rosenweg-24"
          mode="manage"
          locale="de"
          .token=${() => token}
        ></doc-folder-tree>
      </div>`,
    );
    const tree = wrap.querySelector<DocFolderTree>('doc-folder-tree')!;
    // Assert: asked, and waiting without an error
    await until(() => event, 5000, 'doc-auth-required');
    await until(
      () => text(tree).includes(SIGNED_OUT),
      5000,
      () => `not signed in (tree says ${text(tree)})`,
    );
    expect(tree.shadowRoot!.querySelector('[role="alert"], .error')).to.equal(null);
    // Act: the portal has a new token, and says so
    token = 'manager';
    event!.detail.retry();
    // Assert
    await until(
      () => titles(tree).includes('Objektunterlagen'),
      5000,
      () => `the folders (tree says ${text(tree)})`,
    );
  });

  it('a 401 the listener does nothing about: one retry, then the refusal is shown', async () => {
    // Arrange
    let asked = 0;
    const before = (await stats()).requests;
    const wrap = await fixture<HTMLElement>(
      html`<div @doc-auth-required=${() => asked++}>
        <doc-folder-tree
          base-url="/api/v1"
          token="abgelaufen"
          scope="property:rosenweg-24"
          mode="manage"
          locale="de"
        ></doc-folder-tree>
      </div>`,
    );
    const tree = wrap.querySelector<DocFolderTree>('doc-folder-tree')!;
    // Assert
    await until(
      () => text(tree).includes('Anmeldung ist abgelaufen'),
      5000,
      () => `the refusal (tree says ${text(tree)})`,
    );
    expect(asked).to.equal(2);
    expect((await stats()).requests - before, 'the first load and one retry').to.equal(2);
  });
  it('a picker inside the uploader follows the uploader’s retry after a 401', async () => {
    // Arrange: a file in the uploader, so that it shows a picker; then the token goes stale
    let token = 'manager';
    const provider = await fixture<DocProvider>(
      html`<doc-provider base-url="/api/v1" scope="property:rosenweg-24" locale="de" .token=${() => token}>
        <doc-uploader></doc-uploader>
      </doc-provider>`,
    );
    const uploader = provider.querySelector<DocUploader>('doc-uploader')!;
    dropFiles(uploader.shadowRoot!.querySelector('.dropzone')!, [
      fileOf(makePdf('Hausordnung'), 'Hausordnung.pdf', 'application/pdf'),
    ]);
    const picker = await until(
      () => uploader.shadowRoot!.querySelector<SharePicker>('share-picker'),
      5000,
      'the picker',
    );
    await until(() => picker.shadowRoot!.querySelectorAll('.role .count').length === 2, 5000, 'role counts');
    let asked = 0;
    const onAuth = () => {
      asked++;
      token = 'manager';
    };
    document.addEventListener('doc-auth-required', onAuth);
    try {
      token = 'abgelaufen';
      // Act: the picker counts the recipients through the uploader's client, and is refused
      picker.shadowRoot!.querySelector<HTMLInputElement>('.role input')!.click();
      // Assert: the uploader asked, retried, and the picker counted again
      await until(
        () => /^4 Empfänger/.test(picker.shadowRoot!.querySelector('.summary')!.textContent!.trim()),
        5000,
        () => `the count (says ${picker.shadowRoot!.querySelector('.summary')!.textContent!.trim()})`,
      );
    } finally {
      document.removeEventListener('doc-auth-required', onAuth);
    }
    expect(asked).to.equal(1);
  });
});
