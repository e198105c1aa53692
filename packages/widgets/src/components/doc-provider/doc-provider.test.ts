import { expect, fixture, html } from '@open-wc/testing';
import { ContextEvent } from '@lit/context';
import { createClient } from '@docportal/core-sdk';
import { makePdf } from '@docportal/mock-server/testing';
import { DocProvider, DocUploader, SharePicker, docContext, type DocContext } from '../../index.ts';
import { expectSame } from '../../test/helpers.ts';
import { control, dropFiles, fileOf, ready, until } from '../../test/setup.ts';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const roleLabels = (p: SharePicker) => [...p.shadowRoot!.querySelectorAll('.role')].map(text);
const dropTitle = (u: DocUploader) => text(u.shadowRoot!.querySelector('.drop-title'));

/** Asks the provider for its context the way any element inside it can (the context protocol). */
function contextOf(provider: DocProvider): DocContext {
  const probe = document.createElement('span');
  provider.append(probe);
  let value: DocContext | undefined;
  probe.dispatchEvent(new ContextEvent(docContext, probe, (v) => (value = v)));
  probe.remove();
  if (!value) throw new Error('the provider did not answer the context request');
  return value;
}

describe('<doc-provider>', () => {
  before(async () => {
    await ready;
  });
  beforeEach(async () => {
    await control('/reset', {});
  });

  it('gives its children client, scope and locale', async () => {
    // Arrange + Act
    const provider = await fixture<DocProvider>(
      html`<doc-provider base-url="/api/v1" token="manager" scope="unit:max-planck-12-w002" locale="en">
        <share-picker></share-picker>
        <doc-uploader></doc-uploader>
      </doc-provider>`,
    );
    const picker = provider.querySelector('share-picker')!;
    const uploader = provider.querySelector('doc-uploader')!;
    // Assert: counts come from the API (client), for the unit (scope), in English (locale)
    await until(
      () => roleLabels(picker).join() === 'All tenants (1),All owners (1)',
      5000,
      () => `role counts (are ${roleLabels(picker).join()})`,
    );
    expect(dropTitle(uploader)).to.equal('Drag files here or click');
    const ctx = contextOf(provider);
    expect(ctx.scope).to.deep.equal({ kind: 'unit', id: 'max-planck-12-w002' });
    expect(ctx.locale).to.equal('en');
    expect(ctx.client).to.exist;
  });

  it('changing scope and locale on the provider updates the children', async () => {
    // Arrange
    const provider = await fixture<DocProvider>(
      html`<doc-provider base-url="/api/v1" token="manager" scope="property:rosenweg-24" locale="de">
        <share-picker></share-picker>
        <doc-uploader></doc-uploader>
      </doc-provider>`,
    );
    const picker = provider.querySelector('share-picker')!;
    const uploader = provider.querySelector('doc-uploader')!;
    await until(
      () => roleLabels(picker).join() === 'Alle Mieter (4),Alle Eigentümer (2)',
      5000,
      () => `German counts for Rosenweg 24 (are ${roleLabels(picker).join()})`,
    );
    expect(dropTitle(uploader)).to.equal('Dateien hierher ziehen oder klicken');
    // Act
    provider.setAttribute('locale', 'en');
    // Assert
    await until(() => roleLabels(picker)[0]?.startsWith('All tenants'), 5000, 'English');
    await until(() => dropTitle(uploader) === 'Drag files here or click', 5000, 'English uploader');
    // Act
    provider.setAttribute('scope', 'unit:max-planck-12-w002');
    // Assert
    await until(
      () => roleLabels(picker).join() === 'All tenants (1),All owners (1)',
      5000,
      () => `counts for the unit (are ${roleLabels(picker).join()})`,
    );
    picker.value = [{ kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant'] }];
    await until(
      () => text(picker.shadowRoot!.querySelector('.summary')).startsWith('1 recipient'),
      5000,
      'summary in the unit',
    );
  });

  it('a client property wins over base-url and token', async () => {
    // Arrange: a token the server refuses, and a client of our own that works
    const calls: string[] = [];
    const client = createClient({
      baseUrl: '/api/v1',
      token: 'manager',
      onRequest: ({ url }) => calls.push(url),
    });
    const provider = await fixture<DocProvider>(
      html`<doc-provider
        base-url="/api/v1"
        token="kein-gueltiges-token"
        scope="property:rosenweg-24"
        locale="de"
        .client=${client}
      >
        <share-picker></share-picker>
      </doc-provider>`,
    );
    const picker = provider.querySelector('share-picker')!;
    // Assert
    await until(
      () => roleLabels(picker).join() === 'Alle Mieter (4),Alle Eigentümer (2)',
      5000,
      () => `counts through our client (are ${roleLabels(picker).join()})`,
    );
    expect(calls.length).to.be.greaterThan(0);
    expectSame(contextOf(provider).client, client, 'the client in the context');
    // And without the client the bad token shows: no counts
    provider.client = undefined;
    const other = await fixture<DocProvider>(
      html`<doc-provider
        base-url="/api/v1"
        token="kein-gueltiges-token"
        scope="property:rosenweg-24"
        locale="de"
        ><share-picker></share-picker
      ></doc-provider>`,
    );
    const lone = other.querySelector('share-picker')!;
    await until(
      () => text(lone.shadowRoot!.querySelector('.summary')) !== 'Empfänger werden gezählt …',
      5000,
      'settled',
    );
    expect(lone.shadowRoot!.querySelectorAll('.role .count')).to.have.length(0);
  });

  it('calls a token function', async () => {
    // Arrange
    let calls = 0;
    const token = () => {
      calls++;
      return 'manager';
    };
    // Act
    const provider = await fixture<DocProvider>(
      html`<doc-provider base-url="/api/v1" .token=${token} scope="property:rosenweg-24" locale="de"
        ><share-picker></share-picker
      ></doc-provider>`,
    );
    const picker = provider.querySelector('share-picker')!;
    // Assert
    await until(
      () => roleLabels(picker).join() === 'Alle Mieter (4),Alle Eigentümer (2)',
      5000,
      'counts with the function’s token',
    );
    expect(calls).to.be.greaterThan(0);
  });

  it('keeps one client while the token function stays the same, and makes a new one for another', async () => {
    // Arrange
    const token = () => 'manager';
    const provider = await fixture<DocProvider>(
      html`<doc-provider
        base-url="/api/v1"
        .token=${token}
        scope="property:rosenweg-24"
        locale="de"
      ></doc-provider>`,
    );
    const client = contextOf(provider).client;
    expect(client).to.exist;
    // Act: another update with the same function
    provider.locale = 'en';
    await provider.updateComplete;
    // Assert
    expect(contextOf(provider).locale).to.equal('en');
    expectSame(contextOf(provider).client, client, 'the same function, the same client');
    // Act: another function
    provider.token = () => 'manager';
    await provider.updateComplete;
    // Assert
    expect(contextOf(provider).client).to.not.equal(client);
  });

  it('an upload publishes documents-changed on the provider’s bus', async () => {
    // Arrange: two uploaders in one provider
    const provider = await fixture<DocProvider>(
      html`<doc-provider base-url="/api/v1" token="manager" scope="property:rosenweg-24" locale="de">
        <doc-uploader></doc-uploader>
        <doc-uploader></doc-uploader>
      </doc-provider>`,
    );
    const [first] = [...provider.querySelectorAll('doc-uploader')];
    const bus = contextOf(provider).bus;
    let changed = 0;
    bus.addEventListener('documents-changed', () => changed++);
    const root = first!.shadowRoot!;
    // Act
    dropFiles(root.querySelector('.dropzone')!, [
      fileOf(makePdf('Hausordnung'), 'Hausordnung.pdf', 'application/pdf'),
    ]);
    const select = await until(
      () =>
        root.querySelectorAll('select option').length > 2
          ? root.querySelector<HTMLSelectElement>('select')
          : null,
      5000,
      'types',
    );
    select.value = 'objektunterlagen';
    select.dispatchEvent(new Event('change'));
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    // Assert
    await until(() => changed > 0, 10000, 'documents-changed');
    expect(changed).to.equal(1);
    expectSame(contextOf(provider).bus, bus, 'the bus stays the same object');
  });

  it('importing the package twice, or defining again, does not throw', async () => {
    // Arrange
    const before = customElements.get('doc-provider');
    // Act: import the package and each element's module again (new URLs run them again), and
    // define with another class under a taken name, as a second bundle on the page would
    const stamp = Date.now();
    const copy = (await import(
      /* @vite-ignore */ `../../index.ts?again=${stamp}`
    )) as typeof import('../../index.ts');
    await import(/* @vite-ignore */ `./doc-provider.define.ts?again=${stamp}`);
    await import(/* @vite-ignore */ `../doc-uploader/doc-uploader.define.ts?again=${stamp}`);
    await import(/* @vite-ignore */ `../share-picker/share-picker.define.ts?again=${stamp}`);
    class SecondProvider extends DocProvider {}
    SecondProvider.define('doc-provider');
    DocProvider.define('doc-provider');
    copy.DocUploader.define('doc-uploader');
    // Assert
    expect(copy.DocProvider).not.to.equal(undefined);
    expect(customElements.get('doc-provider') === before, 'the first registration stays').to.equal(true);
    expect(customElements.get('share-picker') === SharePicker).to.equal(true);
  });
});
