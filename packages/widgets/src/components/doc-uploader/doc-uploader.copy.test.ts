// What the uploader says is true: the success names the folder and who is told, a disguised
// file's refusal names what it really is, single mode speaks of one file, and numbers keep
// their units on the same line.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { makePdf, makePng } from '@docportal/mock-server/testing';
import '../../index.ts';
import { clickOn } from '../../test/helpers.ts';
import { control, dropFiles, fileOf, ready, until } from '../../test/setup.ts';
import type { SharePicker } from '../share-picker/share-picker.component.ts';
import type { DocUploader } from './doc-uploader.component.ts';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/[ \t\n]+/g, ' ').trim();
const pdf = (title: string) => fileOf(makePdf(title), `${title}.pdf`, 'application/pdf');

async function mount(locale: 'de' | 'en', single = false) {
  const wrap = await fixture<HTMLElement>(
    html`<doc-provider base-url="/api/v1" token="manager" scope="property:rosenweg-24" locale=${locale}>
      <doc-uploader ?single=${single}></doc-uploader>
    </doc-provider>`,
  );
  const up = wrap.querySelector<DocUploader>('doc-uploader')!;
  await up.updateComplete;
  return { up, root: up.shadowRoot! };
}

const cards = (root: ShadowRoot) => [...root.querySelectorAll<HTMLElement>('li.file')];
const pickerOf = (card: Element) => card.querySelector<SharePicker>('share-picker')!;

/** Waits for `n` cards and their type chooser: the card's own for one file, the shared one for several. */
async function ready3(root: ShadowRoot, n: number): Promise<HTMLElement[]> {
  return until(
    () => {
      const c = cards(root);
      const box = n === 1 ? c[0] : root.querySelector('.shared');
      return c.length === n &&
        box &&
        box.querySelectorAll('select option').length > 5 &&
        pickerOf(box).shadowRoot?.querySelector('input[type="checkbox"]')
        ? c
        : null;
    },
    5000,
    `${n} file cards`,
  );
}

function chooseType(card: Element, id: string): string {
  const s = card.querySelector<HTMLSelectElement>('select')!;
  s.value = id;
  s.dispatchEvent(new Event('change', { bubbles: true }));
  return text(s.selectedOptions[0]).replace(/^[\s\u00a0–-]+/, '');
}

async function publish(up: DocUploader, n: number): Promise<string> {
  const root = up.shadowRoot!;
  let left = n;
  const all = new Promise<void>((resolve) =>
    up.addEventListener('doc-uploaded', () => --left === 0 && resolve()),
  );
  await clickOn(root.querySelector('button[type="submit"]')!);
  await all;
  return text(await until(() => root.querySelector('.success .heading'), 5000, 'the success heading'));
}

describe('<doc-uploader> says what is true', () => {
  before(async () => {
    await ready;
  });
  beforeEach(async () => {
    await control('/reset', {});
  });

  for (const [locale, expected] of [
    [
      'de',
      (folder: string) =>
        `3\u00a0Dokumente in „${folder}“ veröffentlicht · 4\u00a0Empfänger werden morgen benachrichtigt`,
    ],
    [
      'en',
      (folder: string) =>
        `3\u00a0documents published in “${folder}” · 4\u00a0recipients will be notified tomorrow`,
    ],
  ] as const) {
    it(`the success names the folder and how many are told (${locale})`, async () => {
      // Arrange
      const { up, root } = await mount(locale);
      dropFiles(root.querySelector('.dropzone')!, [pdf('Eins'), pdf('Zwei'), pdf('Drei')]);
      await ready3(root, 3);
      const all = root.querySelector<HTMLElement>('.shared')!;
      const folder = chooseType(all, 'objektunterlagen');
      pickerOf(all).shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
      // Act
      const message = await publish(up, 3);
      // Assert
      expect(message).to.equal(expected(folder));
    });
  }

  for (const [locale, expected] of [
    ['de', (folder: string) => `Dokument in „${folder}“ veröffentlicht · nur die Verwaltung sieht es`],
    ['en', (folder: string) => `Document published in “${folder}” · only the management sees it`],
  ] as const) {
    it(`with no recipients it says only the management sees it (${locale})`, async () => {
      const { up, root } = await mount(locale);
      dropFiles(root.querySelector('.dropzone')!, [pdf('Intern')]);
      const [c] = await ready3(root, 1);
      const folder = chooseType(c!, 'objektunterlagen');
      expect(await publish(up, 1)).to.equal(expected(folder));
    });
  }

  for (const [locale, expected] of [
    ['de', 'foto.pdf ist ein PNG-Bild mit falscher Endung.'],
    ['en', 'foto.pdf is a PNG image with the wrong extension.'],
  ] as const) {
    it(`a disguised file's refusal names what it really is (${locale})`, async () => {
      const { up, root } = await mount(locale);
      const rejected = oneEvent(up, 'doc-file-rejected');
      dropFiles(root.querySelector('.dropzone')!, [fileOf(makePng(8, 8), 'foto.pdf', 'application/pdf')]);
      expect((await rejected).detail.code).to.equal('unsupported_file_type');
      const notice = await until(() => root.querySelector('[role="alert"]'), 5000, 'the refusal');
      expect(text(notice)).to.contain(expected);
      expect(cards(root)).to.have.length(0);
    });
  }

  it('single mode speaks of one file; sizes keep number and unit together', async () => {
    const many = await mount('de');
    expect(text(many.root.querySelector('.drop-title'))).to.equal('Dateien hierher ziehen oder klicken');
    expect(many.root.querySelector('.drop-hint')!.textContent).to.contain('50\u00a0MB');
    const one = await mount('de', true);
    expect(text(one.root.querySelector('.drop-title'))).to.equal('Eine Datei hierher ziehen oder klicken');
    const en = await mount('en', true);
    expect(text(en.root.querySelector('.drop-title'))).to.equal('Drag a file here or click');
    dropFiles(one.root.querySelector('.dropzone')!, [pdf('Hausordnung')]);
    const [c] = await ready3(one.root, 1);
    expect(c!.querySelector('.file-size')!.textContent).to.match(/^\d+(,\d)?\u00a0kB$/);
    expect(text(one.root.querySelector('button[type="submit"]'))).to.equal('Dokument hochladen');
  });
});
