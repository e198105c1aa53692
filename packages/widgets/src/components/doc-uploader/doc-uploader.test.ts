import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { makePdf } from '../../../../mock-server/src/fixtures/files.ts';
import '../../index.ts';
import { control, deep, dropFiles, fileOf, ready, until } from '../../test/setup.ts';
import type { DocUploader } from './doc-uploader.component.ts';

describe('<doc-uploader>', () => {
  before(async () => {
    await ready;
  });
  beforeEach(async () => {
    await control('/reset', {});
  });

  it('walkthrough 1 by mouse: drop, type, all tenants, upload', async () => {
    // Arrange
    const el = await fixture<DocUploader>(html`<doc-provider base-url="/api/v1" token="manager" scope="property:rosenweg-24" locale="de"><doc-uploader></doc-uploader></doc-provider>`);
    const up = el.querySelector('doc-uploader')!;
    const root = up.shadowRoot!;
    // Act
    dropFiles(root.querySelector('.dropzone')!, [fileOf(makePdf('Hausordnung'), 'Hausordnung.pdf', 'application/pdf')]);
    const title = await until(() => root.querySelector<HTMLInputElement>('input[id^="title-"]'), 5000, 'file card');
    expect(title.value).to.equal('Hausordnung');
    const select = await until(() => (root.querySelectorAll('select option').length > 2 ? root.querySelector<HTMLSelectElement>('select') : null), 5000, 'types');
    select.value = 'objektunterlagen';
    select.dispatchEvent(new Event('change'));
    const picker = root.querySelector('share-picker')!;
    await until(() => picker.shadowRoot?.querySelector('input[type="checkbox"]'), 5000, 'picker');
    const tenants = picker.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    tenants.click();
    const summary = await until(() => (/4 Empfänger/.test(picker.shadowRoot!.querySelector('.summary')!.textContent!) ? picker.shadowRoot!.querySelector('.summary') : null), 5000, 'summary');
    expect(summary!.textContent).to.contain('werden morgen per E-Mail benachrichtigt');
    const submit = root.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(submit.textContent!.trim()).to.equal('Dokument hochladen');
    setTimeout(() => submit.click());
    const { detail } = await oneEvent(up, 'doc-uploaded');
    // Assert
    expect(detail.document.title).to.equal('Hausordnung');
    expect(detail.document.shares).to.deep.equal([{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }]);
    await until(() => root.querySelector('.success'), 5000, 'success');
    expect(root.querySelector('.success')!.textContent).to.contain('Das Dokument wurde veröffentlicht.');
    await expect(up).to.be.accessible();
  });
});
