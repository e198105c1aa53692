import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, selectOption, sendMouse } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createClient, type Document } from '@docportal/core-sdk';
import { badFiles, makeDoc, makeDocx, makeJpeg, makePdf, makePng } from '@docportal/mock-server/testing';
import '../../index.ts';
import { activeDeep, api, chooseFiles, chooseOption, clickOn, describeEl, documentsFor, expectFocus, expectSame, nextFrame, pasteFiles, press, record, sizedPdf, stats, tabTo, type } from '../../test/helpers.ts';
import { control, deepAll, dropFiles, fileOf, ready, until } from '../../test/setup.ts';
import type { DocProvider } from '../doc-provider/doc-provider.component.ts';
import type { SharePicker } from '../share-picker/share-picker.component.ts';
import type { DocUploader } from './doc-uploader.component.ts';

type Locale = 'de' | 'en';

/** What the user reads, per language (the spec names the submit text and the summary line). */
const TEXT = {
  de: {
    drop: 'Dateien hierher ziehen oder klicken',
    submit: 'Dokument hochladen',
    submit2: '2 Dokumente hochladen',
    tenants: 'Alle Mieter',
    summary4: '4 Empfänger · werden morgen per E-Mail benachrichtigt',
    summary1: '1 Empfänger · wird morgen per E-Mail benachrichtigt',
    success: 'Dokument in „',
    success2: '2 Dokumente in „',
    failed: 'Fehlgeschlagen: Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es in ein paar Minuten erneut.',
    cancelled: 'Abgebrochen',
    retry: 'Erneut versuchen',
    titleRequired: 'Bitte geben Sie einen Titel ein.',
    typeRequired: 'Bitte wählen Sie einen Dokumententyp.',
  },
  en: {
    drop: 'Drag files here or click',
    submit: 'Upload document',
    submit2: 'Upload 2 documents',
    tenants: 'All tenants',
    summary4: '4 recipients · will be notified by e-mail tomorrow',
    summary1: '1 recipient · will be notified by e-mail tomorrow',
    success: 'Document published in “',
    success2: '2 documents published in “',
    failed: 'Failed: The server ran into an error. Please try again in a few minutes.',
    cancelled: 'Cancelled',
    retry: 'Try again',
    titleRequired: 'Please enter a title.',
    typeRequired: 'Please choose a document type.',
  },
} as const;

interface Mounted {
  provider: DocProvider;
  up: DocUploader;
  root: ShadowRoot;
  start: HTMLButtonElement;
}

interface MountOptions {
  scope: string;
  /** Set as the provider's `locale`; with `lang`, the language comes from an ancestor's `lang` instead. */
  locale?: Locale;
  lang?: Locale;
  single?: boolean;
  documentType?: string;
}

async function mount(o: MountOptions): Promise<Mounted> {
  const wrap = await fixture<HTMLDivElement>(html`<div lang=${ifDefined(o.lang)}>
    <button id="start" type="button">Start</button>
    <doc-provider base-url="/api/v1" token="manager" scope=${o.scope} locale=${ifDefined(o.locale)}>
      <doc-uploader ?single=${!!o.single} document-type=${ifDefined(o.documentType)}></doc-uploader>
    </doc-provider>
  </div>`);
  const up = wrap.querySelector('doc-uploader')!;
  await up.updateComplete;
  return { provider: wrap.querySelector('doc-provider')!, up, root: up.shadowRoot!, start: wrap.querySelector<HTMLButtonElement>('#start')! };
}

const dropzone = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('.dropzone')!;
const fileInput = (root: ShadowRoot) => root.querySelector<HTMLInputElement>('input[type="file"]')!;
const cards = (root: ShadowRoot) => [...root.querySelectorAll<HTMLLIElement>('li.file')];
const submitButton = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('button[type="submit"]');
const titleInput = (card: Element) => card.querySelector<HTMLInputElement>('input[id^="title-"]')!;
const typeSelect = (card: Element) => card.querySelector<HTMLSelectElement>('select')!;
const pickerOf = (card: Element) => card.querySelector<SharePicker>('share-picker')!;
const alerts = (root: ShadowRoot) => [...root.querySelectorAll<HTMLElement>('[role="alert"]')];
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const summary = (p: SharePicker) => text(p.shadowRoot!.querySelector('.summary'));
const roleBoxes = (p: SharePicker) => [...p.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
const combobox = (p: SharePicker) => p.shadowRoot!.querySelector<HTMLInputElement>('input[role="combobox"]')!;
/** Waits until the picker's search offers exactly one option, and that one names `name`. */
const onlyOption = (p: SharePicker, name: string) =>
  until(
    () => {
      const opts = [...p.shadowRoot!.querySelectorAll('[role="option"]')];
      return opts.length === 1 && text(opts[0]).includes(name) ? opts[0] : null;
    },
    5000,
    `the option ${name}`,
  );

const pdf = (title: string, name = `${title}.pdf`) => fileOf(makePdf(title), name, 'application/pdf');

/** With several files: the box with the type and recipients for all of them. */
const shared = (root: ShadowRoot) => root.querySelector<HTMLElement>('.shared')!;

/** Waits for a card whose type chooser (its own, or the shared one) has loaded. */
async function cardReady(root: ShadowRoot, index = 0): Promise<HTMLLIElement> {
  return until(() => {
    const c = cards(root)[index];
    const box = c && (c.querySelector('select') ? c : root.querySelector('.shared'));
    return box && typeSelect(box).options.length > 5 && roleBoxes(pickerOf(box)).length === 2 ? c : null;
  }, 5000, `file card ${index + 1}`);
}

/** Chooses a type the way a script would (tests that are not about the chooser). */
function chooseType(card: Element, id: string): void {
  const s = typeSelect(card);
  s.value = id;
  s.dispatchEvent(new Event('change', { bubbles: true }));
}

async function untilSummary(p: SharePicker, expected: string): Promise<void> {
  await until(() => summary(p) === expected, 5000, () => `summary "${expected}" (is "${summary(p)}")`);
}

/** The manager's side of walkthrough 1, checked through the API as manager and as contacts. */
async function verifyWalkthrough1(doc: Document): Promise<void> {
  const managers = await documentsFor('manager', 'scope=property:rosenweg-24&documentTypeId=objektunterlagen');
  const mine = managers.find((d) => d.id === doc.id);
  expect(mine, 'the manager finds it under Objektunterlagen').to.exist;
  expect(mine!.title).to.equal('Hausordnung');
  expect(mine!.fileName).to.equal('Hausordnung.pdf');
  expect(mine!.documentTypeId).to.equal('objektunterlagen');
  expect(mine!.scope).to.deep.equal({ kind: 'property', id: 'rosenweg-24' });
  expect(mine!.shares).to.deep.equal([{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }]);
  expect(mine!.downloadCount).to.equal(0);
  const ahmet = await documentsFor('contact:ahmet-yilmaz');
  const seen = ahmet.find((d) => d.id === doc.id);
  expect(seen, 'Ahmet (tenant at Rosenweg 24) sees it').to.exist;
  expect(seen!.title).to.equal('Hausordnung');
  expect(seen).not.to.have.property('shares');
  for (const who of ['paul-klein', 'kristina-maiblume']) expect((await documentsFor(`contact:${who}`)).map((d) => d.id), `${who} must not see it`).not.to.include(doc.id);
}

/** The manager's side of walkthrough 2. */
async function verifyWalkthrough2(doc: Document): Promise<void> {
  const { status, body } = await api<Document>(`/documents/${encodeURIComponent(doc.id)}`);
  expect(status).to.equal(200);
  expect(body.title).to.equal('Bedienungsanleitung Therme');
  expect(body.documentTypeId).to.equal('bedienungsanleitungen');
  expect(body.scope).to.deep.equal({ kind: 'unit', id: 'max-planck-12-w002' });
  expect(body.shares).to.deep.equal([{ kind: 'contact', contactId: 'kristina-maiblume' }]);
  const unitDocs = await documentsFor('manager', 'scope=unit:max-planck-12-w002');
  expect(unitDocs.map((d) => d.id), 'in the unit’s documents').to.include(doc.id);
  expect((await documentsFor('contact:kristina-maiblume')).map((d) => d.id), 'Kristina sees it').to.include(doc.id);
  for (const who of ['lena-hoffmann', 'jonas-becker', 'ahmet-yilmaz']) expect((await documentsFor(`contact:${who}`)).map((d) => d.id), `${who} must not see it`).not.to.include(doc.id);
}

describe('<doc-uploader>', () => {
  before(async () => {
    await ready;
  });
  beforeEach(async () => {
    await control('/reset', {});
  });
  afterEach(async () => {
    await resetMouse();
  });

  describe('walkthroughs by mouse', () => {
    for (const [locale, via] of [
      ['de', 'locale'],
      ['en', 'lang'],
    ] as const) {
      it(`walkthrough 1 (${locale}, from ${via}): drop, Objektunterlagen, all tenants, upload`, async () => {
        // Arrange
        const t = TEXT[locale];
        const { up, root } = await mount(via === 'locale' ? { scope: 'property:rosenweg-24', locale } : { scope: 'property:rosenweg-24', lang: locale });
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
        expect(detail.document.shares).to.deep.equal([{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }]);
        const success = await until(() => root.querySelector('.success'), 5000, 'success');
        expect(text(success)).to.contain(t.success);
        expect(text(success.querySelector('li'))).to.equal('Hausordnung');
        await verifyWalkthrough1(detail.document);
        await expect(up).to.be.accessible();
      });

      it(`walkthrough 2 (${locale}, from ${via}): unit scope, Bedienungsanleitungen, Kristina alone`, async () => {
        // Arrange
        const t = TEXT[locale];
        const { up, root } = await mount(via === 'locale' ? { scope: 'unit:max-planck-12-w002', locale } : { scope: 'unit:max-planck-12-w002', lang: locale });
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
        await until(() => text(picker.shadowRoot!.querySelector('.chip')).includes('Kristina Maiblume'), 5000, 'chip');
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
      const opts = (scope: string): MountOptions => (via === 'locale' ? { scope, locale } : { scope, lang: locale });

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
        await until(() => text(picker.shadowRoot!.querySelector('.chip')).includes('Kristina Maiblume'), 5000, 'chip');
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

  describe('the open recipient list covers nothing', () => {
    it('a real click where the submit button is, with the list open, uploads and adds no recipient', async () => {
      // Arrange
      const { up, root } = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      dropFiles(dropzone(root), [pdf('Hausordnung')]);
      const card = await cardReady(root);
      chooseType(card, 'objektunterlagen');
      const picker = pickerOf(card);
      await clickOn(roleBoxes(picker)[0]!);
      await untilSummary(picker, TEXT.de.summary4);
      await clickOn(combobox(picker));
      await type('Rosenweg');
      await until(() => picker.shadowRoot!.querySelectorAll('[role="option"]').length === 2, 5000, 'two addresses offered');
      expect(combobox(picker).getAttribute('aria-expanded')).to.equal('true');
      // Assert: the list pushes the count line and the button down, it does not lie over them
      const list = picker.shadowRoot!.querySelector('[role="listbox"]')!.getBoundingClientRect();
      const submit = submitButton(root)!;
      submit.scrollIntoView({ block: 'center' });
      await nextFrame();
      for (const el of [picker.shadowRoot!.querySelector('.summary')!, submit]) {
        const r = el.getBoundingClientRect();
        const l = picker.shadowRoot!.querySelector('[role="listbox"]')!.getBoundingClientRect();
        expect(r.top >= l.bottom || r.bottom <= l.top, `${describeEl(el)} under the list`).to.equal(true);
      }
      expect(list.height).to.be.greaterThan(0);
      // Act: a real click at the button's place
      const r = submit.getBoundingClientRect();
      const uploaded = oneEvent(up, 'doc-uploaded');
      await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
      const { detail } = await uploaded;
      // Assert: on the server, the tenants alone
      const { status, body } = await api<Document>(`/documents/${encodeURIComponent(detail.document.id)}`);
      expect(status).to.equal(200);
      expect(body.shares).to.deep.equal([{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }]);
    });
  });

  describe('a chip narrowed to tenants', () => {
    it('shares with the tenants of that address only, as the server stores it', async () => {
      // Arrange
      const { up, root } = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      dropFiles(dropzone(root), [pdf('Aufzug')]);
      const card = await cardReady(root);
      chooseType(card, 'objektunterlagen');
      const picker = pickerOf(card);
      await clickOn(combobox(picker));
      await type('Rosenweg 24a');
      await onlyOption(picker, 'Rosenweg 24a');
      await press('ArrowDown');
      await press('Enter');
      const both = await until(() => picker.shadowRoot!.querySelector<HTMLSelectElement>('.chip select'), 5000, 'the chip');
      expect(text(both.selectedOptions[0])).to.equal('Mieter und Eigentümer');
      // Act: narrow it with the mouse's way to pick from a select
      await selectOption({ selector: navigator.userAgent.includes('Firefox') ? 'doc-uploader >>> share-picker >>> .chip select' : 'doc-uploader share-picker .chip select', value: 'tenant' });
      await until(() => (picker.value[0] as { roles?: string[] }).roles?.join() === 'tenant', 5000, 'tenants only');
      const scope = { kind: 'property', id: 'rosenweg-24' };
      const count = async (roles: string[]) => (await api<{ count: number }>('/recipients/resolve', 'manager', { method: 'POST', body: JSON.stringify({ scope, targets: [{ kind: 'address', addressId: 'rosenweg-24a', roles }] }) })).body.count;
      const tenants = await count(['tenant']);
      expect(tenants).to.be.lessThan(await count(['tenant', 'owner']));
      await untilSummary(picker, tenants === 1 ? TEXT.de.summary1 : `${tenants} Empfänger · werden morgen per E-Mail benachrichtigt`);
      const uploaded = oneEvent(up, 'doc-uploaded');
      await clickOn(submitButton(root)!);
      const { detail } = await uploaded;
      // Assert: read back from the server
      const { status, body } = await api<Document>(`/documents/${encodeURIComponent(detail.document.id)}`);
      expect(status).to.equal(200);
      expect(body.shares).to.deep.equal([{ kind: 'address', addressId: 'rosenweg-24a', roles: ['tenant'] }]);
    });
  });

  describe('events', () => {
    it('doc-upload-start, doc-upload-progress (never backwards, up to the total) and doc-uploaded', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      const file = sizedPdf(3 * 1024 * 1024 + 123, 'Lageplan.pdf');
      dropFiles(dropzone(m.root), [file]);
      const card = await cardReady(m.root);
      chooseType(card, 'plaene');
      const rec = record(m.provider, ['doc-upload-start', 'doc-upload-progress', 'doc-uploaded', 'doc-upload-error', 'doc-file-rejected']);
      // Act
      const uploaded = oneEvent(m.up, 'doc-uploaded');
      submitButton(m.root)!.click();
      const { detail } = await uploaded;
      rec.stop();
      // Assert
      const types = rec.events.map((e) => e.type);
      expect(types[0]).to.equal('doc-upload-start');
      expect(types.at(-1)).to.equal('doc-uploaded');
      expect(types.filter((x) => x === 'doc-upload-error' || x === 'doc-file-rejected')).to.deep.equal([]);
      expect(rec.of('doc-upload-start')).to.have.length(1);
      expectSame(rec.of('doc-upload-start')[0].file, file, 'start file');
      const progress = rec.of('doc-upload-progress');
      expect(progress.length).to.be.greaterThan(0);
      for (const [i, p] of progress.entries()) {
        expectSame(p.file, file, 'progress file');
        expect(p.total).to.equal(file.size);
        if (i) expect(p.loaded, `progress ${i} went backwards`).to.be.at.least(progress[i - 1].loaded);
      }
      expect(progress.at(-1).loaded).to.equal(file.size);
      expect(detail.document.size).to.equal(file.size);
      expect(detail.document.title).to.equal('Lageplan');
      const { body } = await api<Document>(`/documents/${detail.document.id}`);
      expect(body.documentTypeId).to.equal('plaene');
    });

    it('doc-upload-error on a server error, in words; retry succeeds once the server recovers (en)', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'en' });
      m.provider.client = createClient({ baseUrl: '/api/v1', token: 'manager', retry: 0 });
      const file = pdf('Hausordnung');
      dropFiles(dropzone(m.root), [file]);
      const card = await cardReady(m.root);
      chooseType(card, 'objektunterlagen');
      roleBoxes(pickerOf(card))[0]!.click();
      await untilSummary(pickerOf(card), TEXT.en.summary4);
      await control('/faults', { failRate: 1, failStatus: 500 });
      // Act
      const failed = oneEvent(m.up, 'doc-upload-error');
      submitButton(m.root)!.focus();
      await press('Enter');
      const { detail } = await failed;
      // Assert
      expectSame(detail.file, file, 'error file');
      expect(detail.error.status).to.equal(500);
      const notice = await until(() => cards(m.root)[0]!.querySelector<HTMLElement>('[role="alert"]'), 5000, 'error notice');
      expect(text(notice)).to.contain(TEXT.en.failed);
      expect(cards(m.root)[0]!.getAttribute('part')).to.contain('file--error');
      expect(m.root.contains(activeDeep()) || m.up.contains(activeDeep()), `focus stays in the uploader, is on ${describeEl(activeDeep())}`).to.equal(true);
      expect((await stats()).documents).to.equal(0);
      // Act: the server recovers, the user retries
      await control('/faults', {});
      const retryButton = [...notice.querySelectorAll('button')].find((b) => text(b) === TEXT.en.retry)!;
      expect(retryButton, 'a retry button').to.exist;
      const uploaded = oneEvent(m.up, 'doc-uploaded');
      retryButton.focus();
      await press('Enter');
      const ok = await uploaded;
      // Assert
      expect(ok.detail.document.title).to.equal('Hausordnung');
      await until(() => m.root.querySelector('.success'), 5000, 'success after retry');
      expect((await stats()).documents).to.equal(1);
      expect(m.root.contains(activeDeep()), `focus stays in the uploader, is on ${describeEl(activeDeep())}`).to.equal(true);
    });
  });

  describe('bad files', () => {
    it('refuses each bad file, an empty file and 50 MiB + 1 byte: worded notice, event, nothing sent', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      await until(async () => (await stats()).requests >= 1, 5000, 'document types loaded');
      await nextFrame();
      const before = await stats();
      const rec = record(m.up, ['doc-file-rejected', 'doc-upload-start']);
      const cases = [
        // A file that is an allowed kind under another kind's name is told what it really is.
        ...badFiles().map((b) => ({ file: fileOf(b.bytes, b.name, b.type), code: 'unsupported_file_type', todo: b.name === 'foto.pdf' ? 'foto.pdf ist ein PNG-Bild mit falscher Endung. Bitte benennen Sie die Datei in foto.png um.' : 'Bitte speichern Sie sie in einem dieser Formate.' })),
        { file: new File([], 'leer.pdf', { type: 'application/pdf' }), code: 'empty_file', todo: 'Bitte wählen Sie die richtige Datei.' },
        { file: sizedPdf(52_428_801, 'riesig.pdf'), code: 'file_too_large', todo: 'Bitte verkleinern Sie sie' },
      ];
      expect(cases).to.have.length(8);
      // Act + Assert, file by file
      for (const c of cases) {
        dropFiles(dropzone(m.root), [c.file]);
        const notice = await until(() => alerts(m.root).find((n) => text(n).includes(`„${c.file.name}“ wurde nicht übernommen.`)), 5000, () => `notice for ${c.file.name}`);
        expect(text(notice), c.file.name).to.contain(c.todo);
        const last = rec.of('doc-file-rejected').at(-1);
        expectSame(last.file, c.file, 'rejected file');
        expect(last.code, c.file.name).to.equal(c.code);
      }
      expect(rec.of('doc-file-rejected')).to.have.length(cases.length);
      expect(rec.of('doc-upload-start')).to.have.length(0);
      expect(cards(m.root)).to.have.length(0);
      expect(submitButton(m.root)).to.equal(null);
      const after = await stats();
      expect(after.requests, 'no request for a refused file').to.equal(before.requests);
      expect(after.bytesReceived).to.equal(before.bytesReceived);
      expect(after.uploads).to.equal(0);
    });

    it('says the size of a file just over the limit in a way that differs from the limit', async () => {
      for (const locale of ['de', 'en'] as const) {
        const m = await mount({ scope: 'property:rosenweg-24', locale });
        dropFiles(dropzone(m.root), [sizedPdf(52_428_801, 'riesig.pdf')]);
        const notice = await until(() => alerts(m.root)[0], 5000, 'notice');
        const message = text(notice.querySelectorAll('p')[1]);
        const sizes = message.match(/[\d.,]+\s*(?:MB|Byte|bytes?)/g) ?? [];
        expect(sizes, message).to.have.length(2);
        expect(sizes[0], `"${message}" contradicts itself`).not.to.equal(sizes[1]);
      }
    });

    it('accepts exactly 50 MiB and every allowed kind (pdf, doc, docx, jpeg, png)', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      const rec = record(m.up, ['doc-file-rejected']);
      const files = [
        sizedPdf(52_428_800, 'genau-50.pdf'),
        fileOf(makeDoc(), 'alt.doc', 'application/msword'),
        fileOf(makeDocx('Hallo'), 'neu.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
        fileOf(makeJpeg(), 'foto.jpg', 'image/jpeg'),
        fileOf(makePng(8, 8), 'plan.png', 'image/png'),
      ];
      // Act
      dropFiles(dropzone(m.root), files);
      await until(() => cards(m.root).length === 5, 10000, 'five cards');
      // Assert
      expect(rec.events).to.deep.equal([]);
      expect(alerts(m.root)).to.have.length(0);
      expect(cards(m.root).map((c) => titleInput(c).value)).to.deep.equal(['genau-50', 'alt', 'neu', 'foto', 'plan']);
      expect(text(submitButton(m.root))).to.equal('5 Dokumente hochladen');
    });
  });

  describe('cancel and retry', () => {
    it('cancel during upload leaves nothing on the server; retry then succeeds', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      dropFiles(dropzone(m.root), [pdf('Hausordnung')]);
      const card = await cardReady(m.root);
      chooseType(card, 'objektunterlagen');
      roleBoxes(pickerOf(card))[0]!.click();
      await untilSummary(pickerOf(card), TEXT.de.summary4);
      const rec = record(m.up, ['doc-upload-error', 'doc-uploaded']);
      await control('/faults', { latencyMs: 700 });
      // Act: start (a small file: one request, slowed down by the latency), cancel with the keyboard
      submitButton(m.root)!.click();
      const cancel = await until(() => card.querySelector<HTMLButtonElement>('button[aria-label="Hochladen von Hausordnung.pdf abbrechen"]'), 5000, 'cancel button');
      expect(card.querySelector('[role="progressbar"]')).to.exist;
      cancel.focus();
      await press('Enter');
      // Assert
      await until(() => cards(m.root)[0]?.getAttribute('part')?.includes('file--cancelled'), 10000, 'cancelled state');
      const notice = cards(m.root)[0]!.querySelector('[role="alert"]')!;
      expect(text(notice)).to.contain(TEXT.de.cancelled);
      const retryButton = [...notice.querySelectorAll('button')].find((b) => text(b) === TEXT.de.retry);
      expect(retryButton, 'retry button').to.exist;
      expect(rec.of('doc-upload-error')).to.have.length(1);
      expect(rec.of('doc-upload-error')[0].error.code).to.equal('aborted');
      expect(m.root.contains(activeDeep()), `focus stays in the uploader, is on ${describeEl(activeDeep())}`).to.equal(true);
      await control('/faults', {});
      const s = await until(async () => {
        const x = await stats();
        return x.openUploads === 0 ? x : null;
      }, 10000, 'no open upload after cancel').catch(async () => stats());
      expect(s.openUploads, 'open uploads after cancel').to.equal(0);
      // The request may have been processed before the cancel: then its document was deleted again.
      expect(s.documents, 'documents made before the cancel').to.be.at.most(1);
      expect((await documentsFor('manager', 'scope=property:rosenweg-24')).map((d) => d.title)).not.to.include('Hausordnung');
      // Act: retry
      const uploaded = oneEvent(m.up, 'doc-uploaded');
      retryButton!.click();
      const { detail } = await uploaded;
      // Assert
      expect(detail.document.title).to.equal('Hausordnung');
      await verifyWalkthrough1(detail.document);
      const end = await stats();
      expect(end.documents - s.documents).to.equal(1);
      expect(end.openUploads).to.equal(0);
    });
  });

  describe('injection', () => {
    it('titles and file names with HTML payloads render as text and upload fine', async () => {
      // Arrange
      const evil = '<img src=x onerror=alert(1)>';
      const evilTitle = '<script>alert(2)</script><b>fett</b>';
      let alerted = 0;
      const realAlert = window.alert;
      window.alert = () => void alerted++;
      try {
        const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
        const noMarkup = () => {
          const made = deepAll(m.provider, 'img, script, b');
          expect(made.map(describeEl), 'elements made from data').to.deep.equal([]);
        };
        // Act: a refused file and two good ones, all with payload names
        dropFiles(dropzone(m.root), [fileOf(makePdf('x'), `${evil}.png`, 'image/png'), pdf('a', `${evil}.pdf`), pdf('b', `${evil}2.pdf`)]);
        const notice = await until(() => alerts(m.root)[0], 5000, 'notice');
        await cardReady(m.root, 1);
        // Assert: shown as text
        expect(text(notice)).to.contain(`„${evil}.png“ wurde nicht übernommen.`);
        const [one, two] = cards(m.root);
        expect(text(one!.querySelector('.file-name'))).to.equal(`${evil}.pdf`);
        expect(titleInput(one!).value).to.equal(evil);
        noMarkup();
        // Act: a payload typed as the title of the second, then upload both
        titleInput(two!).focus();
        titleInput(two!).select();
        await type(evilTitle);
        expect(titleInput(two!).value).to.equal(evilTitle);
        const all = shared(m.root);
        chooseType(all, 'objektunterlagen');
        roleBoxes(pickerOf(all))[0]!.click();
        await untilSummary(pickerOf(all), TEXT.de.summary4);
        expect(text(submitButton(m.root))).to.equal(TEXT.de.submit2);
        const docs: Document[] = [];
        m.up.addEventListener('doc-uploaded', (e) => docs.push(e.detail.document));
        submitButton(m.root)!.click();
        const success = await until(() => m.root.querySelector('.success'), 10000, 'success');
        // Assert
        expect(text(success)).to.contain(TEXT.de.success2);
        expect([...success.querySelectorAll('li')].map(text)).to.deep.equal([evil, evilTitle]);
        noMarkup();
        expect(alerted).to.equal(0);
        const stored = await documentsFor('manager', 'scope=property:rosenweg-24&documentTypeId=objektunterlagen');
        // Up to three upload at once: they may finish in any order.
        const mine = docs.map((d) => stored.find((s) => s.id === d.id)!).sort((a, b) => (a.fileName < b.fileName ? -1 : 1));
        expect(mine.map((d) => [d.title, d.fileName])).to.deep.equal([
          [evil, `${evil}.pdf`],
          [evilTitle, `${evil}2.pdf`],
        ]);
        expect(mine.map((d) => d.shares)).to.deep.equal([
          [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }],
          [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }],
        ]);
      } finally {
        window.alert = realAlert;
      }
    });
  });

  describe('input ways and options', () => {
    it('paste on the drop zone adds the file', async () => {
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      const e = pasteFiles(dropzone(m.root), [pdf('Eingefügt')]);
      expect(e.defaultPrevented, 'the paste is taken').to.equal(true);
      const card = await cardReady(m.root);
      expect(titleInput(card).value).to.equal('Eingefügt');
    });

    it('single refuses a second file', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de', single: true });
      const rec = record(m.up, ['doc-file-rejected']);
      expect(fileInput(m.root).multiple).to.equal(false);
      // Act
      dropFiles(dropzone(m.root), [pdf('Eins'), pdf('Zwei')]);
      await cardReady(m.root);
      pasteFiles(dropzone(m.root), [pdf('Drei')]);
      await until(() => rec.events.length === 2, 5000, 'two refusals');
      // Assert
      expect(cards(m.root).map((c) => titleInput(c).value)).to.deep.equal(['Eins']);
      expect(rec.of('doc-file-rejected').map((d) => [d.file.name, d.code])).to.deep.equal([
        ['Zwei.pdf', 'too_many_files'],
        ['Drei.pdf', 'too_many_files'],
      ]);
      expect(alerts(m.root).map(text).join(' ')).to.contain('Hier kann nur eine Datei auf einmal hochgeladen werden.');
    });

    it('says each thing once: a refusal by its alert alone, the drop zone’s hint in its name only', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de', single: true });
      // Act
      dropFiles(dropzone(m.root), [pdf('Eins'), pdf('Zwei')]);
      await until(() => alerts(m.root).length === 1, 5000, 'the refusal');
      const status = m.root.querySelector('.sr-only[role="status"]')!;
      await until(() => status.textContent!.trim() !== '', 5000, 'the announcement');
      // Assert: the alert says the refusal; the status line only what was added.
      expect(alerts(m.root).map(text).join(' ')).to.contain('Hier kann nur eine Datei auf einmal hochgeladen werden.');
      expect(status.textContent, 'the refusal is not said twice').to.not.contain('Hier kann nur eine Datei');
      const zone = dropzone(m.root);
      const byId = (ids: string | null) => (ids ?? '').split(' ').filter(Boolean).map((id) => m.root.getElementById(id)?.textContent?.trim() ?? '').join(' ');
      const name = zone.hasAttribute('aria-labelledby') ? byId(zone.getAttribute('aria-labelledby')) : zone.textContent!.trim();
      const description = byId(zone.getAttribute('aria-describedby'));
      const hint = zone.querySelector('.drop-hint')!.textContent!.trim();
      // The name holds the visible text (WCAG 2.5.3), hint included: no description repeats it.
      expect(name, 'the hint in the name').to.contain(hint);
      expect(description, 'the hint is not said again as the description').to.not.contain(hint);
    });

    it('disabled disables the drop zone and submit, and takes no files', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      dropFiles(dropzone(m.root), [pdf('Eins')]);
      const card = await cardReady(m.root);
      // Act
      m.up.disabled = true;
      await m.up.updateComplete;
      // Assert
      expect(m.up.hasAttribute('disabled')).to.equal(true);
      expect(dropzone(m.root).disabled).to.equal(true);
      expect(submitButton(m.root)!.disabled).to.equal(true);
      expect(titleInput(card).disabled).to.equal(true);
      let clicks = 0;
      fileInput(m.root).addEventListener('click', (e) => (clicks++, e.preventDefault()));
      dropzone(m.root).click();
      dropFiles(dropzone(m.root), [pdf('Zwei')]);
      pasteFiles(m.up, [pdf('Drei')]);
      await nextFrame();
      await m.up.updateComplete;
      expect(clicks).to.equal(0);
      expect(cards(m.root)).to.have.length(1);
      await expect(m.up).to.be.accessible();
      // Act: enabled again
      m.up.disabled = false;
      await m.up.updateComplete;
      expect(dropzone(m.root).disabled).to.equal(false);
      expect(submitButton(m.root)!.disabled).to.equal(false);
    });

    it('document-type preselects the type', async () => {
      const m = await mount({ scope: 'unit:max-planck-12-w002', locale: 'de', documentType: 'bedienungsanleitungen' });
      dropFiles(dropzone(m.root), [pdf('Anleitung')]);
      const card = await cardReady(m.root);
      expect(typeSelect(card).value).to.equal('bedienungsanleitungen');
      const uploaded = oneEvent(m.up, 'doc-uploaded');
      submitButton(m.root)!.click();
      const { detail } = await uploaded;
      expect(detail.document.documentTypeId).to.equal('bedienungsanleitungen');
    });
  });

  describe('validation and focus', () => {
    it('an empty title or no type marks the field, says why and moves focus there', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
      dropFiles(dropzone(m.root), [pdf('Hausordnung')]);
      const card = await cardReady(m.root);
      const title = titleInput(card);
      const select = typeSelect(card);
      // Act: clear the title with keys, submit with Enter on the button
      title.focus();
      await press('Control+a');
      await press('Backspace');
      expect(title.value).to.equal('');
      await tabTo((e) => e === submitButton(m.root), 'submit');
      await press('Enter');
      // Assert: the title is marked and focused
      await until(() => activeDeep() === title, 2000, 'focus on the title');
      expect(title.getAttribute('aria-invalid')).to.equal('true');
      const err = m.root.getElementById(title.getAttribute('aria-describedby')!);
      expect(text(err)).to.equal(TEXT.de.titleRequired);
      expect(select.getAttribute('aria-invalid')).to.equal('true');
      await expect(m.up).to.be.accessible();
      // Act: type a title, submit again
      await type('Hausordnung neu');
      expect(title.getAttribute('aria-invalid')).to.equal('false');
      await tabTo((e) => e === submitButton(m.root), 'submit');
      await press('Enter');
      // Assert: now the type is marked and focused
      await until(() => activeDeep() === select, 2000, 'focus on the type');
      expect(text(m.root.getElementById(select.getAttribute('aria-describedby')!))).to.equal(TEXT.de.typeRequired);
      expect((await stats()).uploads, 'nothing sent while invalid').to.equal(0);
      // Act: choose with the keyboard, submit
      await press('ArrowDown');
      expect(select.getAttribute('aria-invalid')).to.equal('false');
      await tabTo((e) => e === submitButton(m.root), 'submit');
      const uploaded = oneEvent(m.up, 'doc-uploaded');
      await press('Enter');
      const { detail } = await uploaded;
      expect(detail.document.title).to.equal('Hausordnung neu');
      expect(detail.document.documentTypeId).to.equal('objektunterlagen');
    });

    it('focus is never lost when files are removed', async () => {
      // Arrange
      const m = await mount({ scope: 'property:rosenweg-24', locale: 'en' });
      dropFiles(dropzone(m.root), [pdf('A'), pdf('B'), pdf('C')]);
      await cardReady(m.root, 2);
      const removeOf = (name: string) => m.root.querySelector<HTMLButtonElement>(`button[aria-label="Remove ${name} from the list"]`)!;
      // Act: remove B with Enter
      removeOf('B.pdf').focus();
      await press('Enter');
      // Assert: focus on the next file's remove button
      await until(() => cards(m.root).length === 2, 2000, 'B removed');
      await until(() => activeDeep() === removeOf('C.pdf'), 2000, () => `focus on C's remove button, is on ${describeEl(activeDeep())}`);
      // Act: remove C (the last): focus moves to the one before
      await press('Space');
      await until(() => cards(m.root).length === 1, 2000, 'C removed');
      await until(() => activeDeep() === removeOf('A.pdf'), 2000, () => `focus on A's remove button, is on ${describeEl(activeDeep())}`);
      // Act: remove A: focus moves to the drop zone
      await press('Enter');
      await until(() => cards(m.root).length === 0, 2000, 'A removed');
      await until(() => activeDeep() === dropzone(m.root), 2000, () => `focus on the drop zone, is on ${describeEl(activeDeep())}`);
      expect(submitButton(m.root)).to.equal(null);
    });
  });

  describe('accessibility', () => {
    for (const locale of ['de', 'en'] as const) {
      it(`axe finds nothing in any state: empty, files, refusal, error, uploading, success (${locale})`, async () => {
        const t = TEXT[locale];
        const m = await mount({ scope: 'property:rosenweg-24', locale });
        m.provider.client = createClient({ baseUrl: '/api/v1', token: 'manager', retry: 0 });
        // empty
        await expect(m.up).to.be.accessible();
        // with files and a refusal
        dropFiles(dropzone(m.root), [fileOf(badFiles()[0]!.bytes, 'rechnung.pdf', 'application/pdf'), pdf('Hausordnung'), pdf('Hausordnung 2')]);
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
        await until(() => cards(m.root).every((c) => c.getAttribute('part')!.includes('file--error')), 10000, 'error state');
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
});
