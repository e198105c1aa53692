// The uploader on a phone: a coarse pointer, nothing to drag from and no Ctrl+V.
import { expect, fixture, html } from '@open-wc/testing';
import '../../index.ts';
import { control, ready } from '../../test/setup.ts';
import type { DocUploader } from './doc-uploader.component.ts';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/[ \t\n]+/g, ' ').trim();

describe('<doc-uploader> on a touch screen', () => {
  before(async () => {
    await ready;
    await control('/reset', {});
  });

  for (const [locale, many, one, hint] of [
    ['de', 'Tippen, um Dateien auszuwählen', 'Tippen, um eine Datei auszuwählen', 'PDF, Word, JPEG oder PNG · höchstens 50\u00a0MB'],
    ['en', 'Tap to choose files', 'Tap to choose a file', 'PDF, Word, JPEG or PNG · up to 50\u00a0MB'],
  ] as const) {
    it(`says "tap", never drag or Ctrl+V (${locale})`, async () => {
      expect(matchMedia('(pointer: coarse)').matches, 'a coarse pointer').to.equal(true);
      for (const [single, title] of [[false, many], [true, one]] as const) {
        const up = await fixture<DocUploader>(html`<doc-uploader base-url="/api/v1" token="manager" scope="property:rosenweg-24" locale=${locale} ?single=${single}></doc-uploader>`);
        await up.updateComplete;
        expect(text(up.shadowRoot!.querySelector('.drop-title'))).to.equal(title);
        expect(text(up.shadowRoot!.querySelector('.drop-hint'))).to.equal(hint);
      }
    });
  }
});
