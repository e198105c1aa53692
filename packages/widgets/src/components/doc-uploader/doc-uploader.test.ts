// The uploader's walkthroughs, by mouse and by keyboard alone, and axe in every state.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createClient } from '@docportal/core-sdk';
import { badFiles } from '@docportal/mock-server/testing';
import '../../index.ts';
import {
  activeDeep,
  chooseFiles,
  chooseOption,
  clickOn,
  expectFocus,
  press,
  tabTo,
  type,
} from '../../test/helpers.ts';
import { lateFor } from '../../test/late.ts';
import { control, dropFiles, fileOf, until, usesMockBackend } from '../../test/setup.ts';
import {
  TEXT,
  type Mounted,
  type MountOptions,
  mount,
  dropzone,
  fileInput,
  cards,
  submitButton,
  titleInput,
  typeSelect,
  pickerOf,
  alerts,
  text,
  roleBoxes,
  combobox,
  onlyOption,
  pdf,
  shared,
  cardReady,
  chooseType,
  untilSummary,
  verifyWalkthrough1,
  verifyWalkthrough2,
} from '../../test/uploader.ts';
import type { DocUploader } from './doc-uploader.component.ts';

describe('<doc-uploader>', () => {
  usesMockBackend();

  describe('walkthroughs by mouse', () => {
    for (const [locale, via] of [
      ['de', 'locale'],
      ['en', 'lang'],
    ] as const) {
      it(`walkthrough 1 (${locale}, from ${via}): drop, Objektunterlagen, all tenants, upload`, async () => {
        // Arrange
        const t = TEXT[locale];
        const { up, root } = await mount(
          via === 'locale'
            ? { scope: 'property:rosenweg-24', locale }
            : { scope: 'property:rosenweg-24', lang: locale },
        );
        expect(text(dropzone(root))).to.contain(t.drop);
        // Act
        dropFiles(dropzone(root), [pdf('Hausordnung')]);
        const card = await cardReady(root);
        expect(titleInput(card).value).to.equal('Hausordnung');
        await chooseOption('doc-uploader', 'select', 'objektunterlagen');
        const picker = pickerOf(card);
        const tenants = roleBoxes(picker)[0]!;
        expect(text(tenants.closest('label'))).to.contain(t.tenants);
        await clickOn(tenants);
        await untilSummary(picker, t.summary4);
        const submit = submitButton(root)!;
        expect(text(submit)).to.equal(t.submit);
        const uploaded = oneEvent(up, 'doc-uploaded');
        await clickOn(submit);
        const { detail } = await uploaded;
        // Assert
        expect(detail.document.title).to.equal('Hausordnung');
        expect(detail.document.documentTypeId).to.equal('objektunterlagen');
        expect(detail.document.shares).to.deep.equal([
          { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] },
        ]);
        const success = await until(() => root.querySelector('.success'), 5000, 'success');
        expect(text(success)).to.contain(t.success);
        expect(text(success.querySelector('li'))).to.equal('Hausordnung');
        await verifyWalkthrough1(detail.document);
        await expect(up).to.be.accessible();
      });

      it(`walkthrough 2 (${locale}, from ${via}): unit scope, Bedienungsanleitungen, Kristina alone`, async () => {
        // Arrange
        const t = TEXT[locale];
        const { up, root } = await mount(
          via === 'locale'
            ? { scope: 'unit:max-planck-12-w002', locale }
            : { scope: 'unit:max-planck-12-w002', lang: locale },
        );
        // Act
        dropFiles(dropzone(root), [pdf('Bedienungsanleitung Therme')]);
        const card = await cardReady(root);
        expect(titleInput(card).value).to.equal('Bedienungsanleitung Therme');
        await chooseOption('doc-uploader', 'select', 'bedienungsanleitungen');
        const picker = pickerOf(card);
        await clickOn(combobox(picker));
        await type('Kristina');
        const option = await onlyOption(picker, 'Kristina Maiblume');
        await clickOn(option);
        await until(
          () => text(picker.shadowRoot!.querySelector('.chip')).includes('Kristina Maiblume'),
          5000,
          'chip',
        );
        await untilSummary(picker, t.summary1);
        const uploaded = oneEvent(up, 'doc-uploaded');
        await clickOn(submitButton(root)!);
        const { detail } = await uploaded;
        // Assert
        expect(detail.document.shares).to.deep.equal([{ kind: 'contact', contactId: 'kristina-maiblume' }]);
        await until(() => root.querySelector('.success'), 5000, 'success');
        expect(text(root.querySelector('.success'))).to.contain(t.success);
        await verifyWalkthrough2(detail.document);
      });
    }
  });

  describe('walkthroughs by keyboard alone', () => {
    /** Tab to the drop zone, Enter opens the file dialog (its click is seen), the dialog gives the file. */
    async function chooseByKeyboard(m: Mounted, file: File): Promise<HTMLLIElement> {
      m.start.focus();
      await press('Tab');
      expectFocus(dropzone(m.root), 'the drop zone (Tab from the page)');
      let clicks = 0;
      const input = fileInput(m.root);
      const onClick = (e: Event) => {
        clicks++;
        e.preventDefault(); // the native dialog cannot be driven; we play its part below
      };
      input.addEventListener('click', onClick);
      await press('Enter');
      expect(clicks, 'Enter on the drop zone opens the file dialog').to.equal(1);
      await press('Space');
      expect(clicks, 'Space on the drop zone opens the file dialog').to.equal(2);
      input.removeEventListener('click', onClick);
      chooseFiles(input, [file]);
      const card = await cardReady(m.root);
      expectFocus(dropzone(m.root), 'the drop zone (after choosing)');
      return card;
    }

    /** Arrow keys in the closed select until `id` is chosen. */
    async function arrowToType(select: HTMLSelectElement, id: string): Promise<void> {
      const target = [...select.options].findIndex((o) => o.value === id);
      expect(target, `type ${id} offered`).to.be.greaterThan(0);
      await press('ArrowDown', target - select.selectedIndex);
      expect(select.value).to.equal(id);
    }

    for (const [locale, via] of [
      ['de', 'locale'],
      ['en', 'locale'],
      ['en', 'lang'],
    ] as const) {
      const opts = (scope: string): MountOptions =>
        via === 'locale' ? { scope, locale } : { scope, lang: locale };

      it(`walkthrough 1 (${locale}, from ${via}): Tab, Enter, arrows, Space, Enter`, async () => {
        // Arrange
        const t = TEXT[locale];
        const m = await mount(opts('property:rosenweg-24'));
        // Act
        const card = await chooseByKeyboard(m, pdf('Hausordnung'));
        const title = await tabTo((e) => e === titleInput(card), 'the title');
        expect((title as HTMLInputElement).value).to.equal('Hausordnung');
        await tabTo((e) => e === typeSelect(card), 'the type chooser');
        await arrowToType(typeSelect(card), 'objektunterlagen');
        const picker = pickerOf(card);
        const tenants = await tabTo((e) => e === roleBoxes(picker)[0], 'the "all tenants" checkbox');
        await press('Space');
        expect((tenants as HTMLInputElement).checked).to.equal(true);
        await untilSummary(picker, t.summary4);
        await tabTo((e) => e === submitButton(m.root), 'the submit button');
        expect(text(submitButton(m.root))).to.equal(t.submit);
        const uploaded = oneEvent(m.up, 'doc-uploaded');
        await press('Enter');
        const { detail } = await uploaded;
        // Assert
        const heading = await until(() => m.root.querySelector('.success .heading'), 5000, 'success');
        expect(text(heading)).to.contain(t.success);
        await until(() => activeDeep() === heading, 2000, 'focus on the success message');
        await verifyWalkthrough1(detail.document);
      });

      it(`walkthrough 2 (${locale}, from ${via}): search Kristina with the keyboard`, async () => {
        // Arrange
        const t = TEXT[locale];
        const m = await mount(opts('unit:max-planck-12-w002'));
        // Act
        const card = await chooseByKeyboard(m, pdf('Bedienungsanleitung Therme'));
        await tabTo((e) => e === typeSelect(card), 'the type chooser');
        await arrowToType(typeSelect(card), 'bedienungsanleitungen');
        const picker = pickerOf(card);
        const input = combobox(picker);
        await tabTo((e) => e === input, 'the recipient search');
        await type('Kristina');
        const option = await onlyOption(picker, 'Kristina Maiblume');
        await press('ArrowDown');
        await press('ArrowUp');
        expect(input.getAttribute('aria-activedescendant')).to.equal(option.id);
        await press('Enter');
        await until(
          () => text(picker.shadowRoot!.querySelector('.chip')).includes('Kristina Maiblume'),
          5000,
          'chip',
        );
        expectFocus(input, 'the search (after picking)');
        await untilSummary(picker, t.summary1);
        await tabTo((e) => e === submitButton(m.root), 'the submit button');
        const uploaded = oneEvent(m.up, 'doc-uploaded');
        await press('Enter');
        const { detail } = await uploaded;
        // Assert
        const heading = await until(() => m.root.querySelector('.success .heading'), 5000, 'success');
        expect(text(heading)).to.contain(t.success);
        await until(() => activeDeep() === heading, 2000, 'focus on the success message');
        await verifyWalkthrough2(detail.document);
      });
    }
  });

  describe('accessibility', () => {
    for (const locale of ['de', 'en'] as const) {
      it(`axe finds nothing in any state: empty, files, refusal, error, uploading, success (${locale})`, async () => {
        const t = TEXT[locale];
        const m = await mount({
          scope: 'property:rosenweg-24',
          locale,
          client: createClient({ baseUrl: '/api/v1', token: 'manager', retry: 0 }),
        });
        // empty
        await expect(m.up).to.be.accessible();
        // with files and a refusal
        dropFiles(dropzone(m.root), [
          fileOf(badFiles()[0]!.bytes, 'rechnung.pdf', 'application/pdf'),
          pdf('Hausordnung'),
          pdf('Hausordnung 2'),
        ]);
        await cardReady(m.root, 1);
        const all = shared(m.root);
        await until(() => alerts(m.root).length === 1, 5000, 'refusal');
        await until(() => pickerOf(all).shadowRoot!.querySelector('.count'), 5000, 'role counts');
        await expect(m.up).to.be.accessible();
        // error
        chooseType(all, 'objektunterlagen');
        roleBoxes(pickerOf(all))[0]!.click();
        await untilSummary(pickerOf(all), t.summary4);
        await control('/faults', { failRate: 1, failStatus: 500 });
        submitButton(m.root)!.click();
        await until(
          () => cards(m.root).every((c) => c.getAttribute('part')!.includes('file--error')),
          10000,
          'error state',
        );
        await expect(m.up).to.be.accessible();
        // uploading (slow), then success
        await control('/faults', { latencyMs: 800 });
        submitButton(m.root)!.click();
        await until(() => m.root.querySelector('[role="progressbar"]'), 5000, 'uploading');
        await expect(m.up).to.be.accessible();
        await until(() => m.root.querySelector('.success'), 30000, 'success');
        await control('/faults', {});
        expect(text(m.root.querySelector('.success'))).to.contain(TEXT[locale].success2);
        await expect(m.up).to.be.accessible();
      });
    }
  });

  describe('the types of the scope shown', () => {
    it('the types of the scope left, arriving last, never replace the next scope’s answer; their request is aborted', async () => {
      // Arrange: Rosenweg 24's types come late.
      const { client, late, aborted, settled } = lateFor('property:rosenweg-24', '/document-types');
      const up = await fixture<DocUploader>(
        html`<doc-uploader .client=${client} scope="property:rosenweg-24" locale="de"></doc-uploader>`,
      );
      const root = up.shadowRoot!;
      await until(() => late.length, 5000, "Rosenweg 24's types asked for");
      // Act: the same manager, another scope, while they are on their way; its types fail.
      await control('/faults', { failRate: 1, failStatus: 503, retryAfter: 0 });
      up.scope = 'property:max-planck-12';
      await until(() => alerts(root).length, 5000, "the failure of Max-Planck-Straße 12's types");
      await control('/faults', {});
      await settled();
      await up.updateComplete;
      // Assert: the failure stays with its retry, and the chooser offers no type of Rosenweg 24.
      expect(alerts(root).map(text)).to.deep.equal([
        'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es in ein paar Minuten erneut. Erneut versuchen',
      ]);
      dropFiles(dropzone(root), [pdf('Hausordnung')]);
      const card = await until(() => cards(root)[0], 5000, 'the file');
      expect([...typeSelect(card).options].filter((o) => o.value).length, 'types offered').to.equal(0);
      expect(aborted(), "Rosenweg 24's request aborted").to.deep.equal([true]);
    });

    it('an uploader taken off the page aborts its types on their way, and loads them when put back', async () => {
      // Arrange
      const { client, late, aborted } = lateFor('property:rosenweg-24', '/document-types');
      const up = await fixture<DocUploader>(
        html`<doc-uploader .client=${client} scope="property:rosenweg-24" locale="de"></doc-uploader>`,
      );
      await until(() => late.length, 5000, "Rosenweg 24's types asked for");
      const page = up.parentElement!;
      // Act + Assert
      up.remove();
      expect(aborted()).to.deep.equal([true]);
      page.append(up);
      dropFiles(dropzone(up.shadowRoot!), [pdf('Hausordnung')]);
      await cardReady(up.shadowRoot!);
      expect(aborted()).to.deep.equal([true, false]);
    });
  });
});
