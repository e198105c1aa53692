// The uploader on a phone: a coarse pointer, nothing to drag from and no Ctrl+V.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../index.ts';
import { makeDocx, makePdf, makePng } from '@docportal/mock-server/testing';
import { control, fileOf, ready, until } from '../../test/setup.ts';
import type { DocUploader } from './doc-uploader.component.ts';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/[ \t\n]+/g, ' ').trim();

describe('<doc-uploader> on a touch screen', () => {
  before(async () => {
    await setViewport({ width: 375, height: 667 });
    await ready;
    await control('/reset', {});
  });

  for (const [locale, many, one, hint] of [
    [
      'de',
      'Tippen, um Dateien auszuwählen',
      'Tippen, um eine Datei auszuwählen',
      'PDF, Word, JPEG oder PNG · höchstens 50\u00a0MB',
    ],
    ['en', 'Tap to choose files', 'Tap to choose a file', 'PDF, Word, JPEG or PNG · up to 50\u00a0MB'],
  ] as const) {
    it(`says "tap", never drag or Ctrl+V (${locale})`, async () => {
      expect(matchMedia('(pointer: coarse)').matches, 'a coarse pointer').to.equal(true);
      for (const [single, title] of [
        [false, many],
        [true, one],
      ] as const) {
        const up = await fixture<DocUploader>(
          html`<doc-uploader
            base-url="/api/v1"
            token="manager"
            scope="property:rosenweg-24"
            locale=${locale}
            ?single=${single}
          ></doc-uploader>`,
        );
        await up.updateComplete;
        expect(text(up.shadowRoot!.querySelector('.drop-title'))).to.equal(title);
        expect(text(up.shadowRoot!.querySelector('.drop-hint'))).to.equal(hint);
      }
    });
  }

  for (const locale of ['de', 'en'] as const) {
    it(`three files on a 375 px phone take no more than two screens (${locale})`, async () => {
      expect(innerWidth).to.equal(375);
      const up = await fixture<DocUploader>(
        html`<doc-uploader
          base-url="/api/v1"
          token="manager"
          scope="property:rosenweg-24"
          locale=${locale}
        ></doc-uploader>`,
      );
      await up.addFiles([
        fileOf(makePdf('Hausordnung'), 'Hausordnung.pdf', 'application/pdf'),
        fileOf(makePng(48, 32), 'Grundriss Erdgeschoss.png', 'image/png'),
        fileOf(
          makeDocx('Mietvertrag'),
          'Mietvertrag Muster.docx',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ),
      ]);
      const root = up.shadowRoot!;
      await until(
        () =>
          root.querySelectorAll('li.file').length === 3 &&
          root.querySelector('.shared share-picker')?.shadowRoot?.querySelectorAll('.role .count').length ===
            2,
        5000,
        'three files and the shared choice',
      );
      const height = up.getBoundingClientRect().height;
      expect(height, `${Math.round(height)} px on a screen of ${innerHeight} px`).to.be.at.most(
        2 * innerHeight,
      );
      expect(document.documentElement.scrollWidth, 'nothing wider than the screen').to.be.at.most(375);
    });
  }
});
