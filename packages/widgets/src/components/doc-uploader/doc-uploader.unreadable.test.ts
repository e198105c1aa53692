// A file that cannot be read (deleted or moved after it was chosen, a network drive gone) is
// refused in words like any other bad file; the files chosen with it are added as usual.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createClient } from '@docportal/core-sdk';
import { makePdf, makePng } from '@docportal/mock-server/testing';
import '../../index.ts';
import { fileOf, ready } from '../../test/setup.ts';
import { alerts, cards, text } from '../../test/uploader.ts';
import type { DocUploader } from './doc-uploader.component.ts';

/** A file whose bytes can no longer be read, as the browser reports a file gone from the disk. */
function unreadable(name: string): File {
  const file = fileOf(makePdf('weg'), name, 'application/pdf');
  Object.defineProperty(file, 'slice', {
    value: () => ({
      arrayBuffer: () =>
        Promise.reject(new DOMException('The requested file could not be read.', 'NotReadableError')),
    }),
  });
  return file;
}

describe('<doc-uploader> refuses a file it cannot read', () => {
  before(() => ready);

  for (const [locale, words] of [
    ['de', 'Etwas ist schiefgegangen'],
    ['en', 'Something went wrong'],
  ] as const) {
    it(`says so by name, and adds the files chosen with it (${locale})`, async () => {
      const up = await fixture<DocUploader>(
        html`<doc-uploader
          .client=${createClient({ baseUrl: '/api/v1', token: 'manager' })}
          scope="property:rosenweg-24"
          locale=${locale}
        ></doc-uploader>`,
      );
      const rejected = oneEvent(up, 'doc-file-rejected');
      await up.addFiles([
        fileOf(makePdf('Hausordnung'), 'Hausordnung.pdf', 'application/pdf'),
        unreadable('Verschoben.pdf'),
        fileOf(makePng(4, 4), 'Lageplan.png', 'image/png'),
      ]);
      await up.updateComplete;
      const root = up.shadowRoot!;
      expect(cards(root).length, 'the two readable files').to.equal(2);
      const { detail } = await rejected;
      expect(detail.file.name).to.equal('Verschoben.pdf');
      expect(detail.code).to.equal('unreadable_file');
      const shown = alerts(root).map(text).join(' | ');
      expect(shown).to.contain('Verschoben.pdf');
      expect(shown).to.contain(words);
    });
  }
});
