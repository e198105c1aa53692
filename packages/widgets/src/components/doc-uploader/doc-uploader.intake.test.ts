// Files a user adds are checked by their bytes before they join the list, which takes a moment
// (a slow disk, a network drive). What happens meanwhile must not change the outcome: when the
// user changes, the previous user's files join neither the next user's list nor their refusals
// (the next user never sees the name of a file they did not choose, nor sends it with their own
// credentials); files dropped again before the first check ended come after them, and `single`
// still takes one file.
import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@docportal/core-sdk';
import { makePdf, makePng } from '@docportal/mock-server/testing';
import '../../index.ts';
import { fileOf, ready } from '../../test/setup.ts';
import { cards } from '../../test/uploader.ts';
import type { DocUploader } from './doc-uploader.component.ts';

/** A gate the test opens: until then, every read of the slow files waits. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
}

/** A real file whose bytes come only once `opened` resolves (like a file on a slow network drive). */
function slowFile(bytes: Uint8Array, name: string, type: string, opened: Promise<void>): File {
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name, { type });
  const slice = file.slice.bind(file);
  Object.defineProperty(file, 'slice', {
    value: (...args: Parameters<Blob['slice']>) => {
      const part = slice(...args);
      const read = part.arrayBuffer.bind(part);
      return Object.assign(part, { arrayBuffer: () => opened.then(read) });
    },
  });
  return file;
}

/** What the element shows as text (a failed assertion prints it, not the element). */
const words = (root: ShadowRoot) => (root.textContent ?? '').replace(/\s+/g, ' ');

const manager = () => createClient({ baseUrl: '/api/v1', token: 'manager' });

describe("<doc-uploader> keeps a user's files from the next user", () => {
  before(() => ready);

  it('files still being checked when the user changes are not added, nor refused, for the next user', async () => {
    const up = await fixture<DocUploader>(
      html`<doc-uploader .client=${manager()} scope="property:rosenweg-24" locale="de"></doc-uploader>`,
    );
    const { opened, open } = gate();
    const files = [
      slowFile(makePdf('Kündigung Müller'), 'Kündigung Müller.pdf', 'application/pdf', opened),
      slowFile(makePng(4, 4), 'Ausweis Müller.png', 'image/png', opened),
      // An executable named like a PDF: refused by its bytes, and the refusal names it.
      slowFile(new TextEncoder().encode('MZ\x90\x00 Gehaltsliste'), 'Gehaltsliste.pdf', '', opened),
    ];
    const added = up.addFiles(files);
    // Another user signs in while the bytes are still being read.
    up.client = manager();
    await up.updateComplete;
    open();
    await added;
    await up.updateComplete;
    const root = up.shadowRoot!;
    expect(cards(root).length, 'no file card').to.equal(0);
    for (const name of ['Kündigung Müller', 'Ausweis Müller', 'Gehaltsliste'])
      expect(words(root), `nothing of "${name}"`).not.to.contain(name);
  });

  it('the same files, checked without a change of user, are added and refused as usual', async () => {
    const up = await fixture<DocUploader>(
      html`<doc-uploader .client=${manager()} scope="property:rosenweg-24" locale="de"></doc-uploader>`,
    );
    const { opened, open } = gate();
    const added = up.addFiles([
      slowFile(makePdf('Kündigung Müller'), 'Kündigung Müller.pdf', 'application/pdf', opened),
      slowFile(new TextEncoder().encode('MZ\x90\x00 Gehaltsliste'), 'Gehaltsliste.pdf', '', opened),
    ]);
    open();
    await added;
    await up.updateComplete;
    const root = up.shadowRoot!;
    expect(cards(root).length, 'one file card').to.equal(1);
    expect(words(root)).to.contain('Gehaltsliste.pdf');
  });
});

/** Drops "Erste.pdf", whose check reads slowly, then "Zweite.pdf" at once; resolves when both are taken in. */
async function dropTwice(up: DocUploader): Promise<void> {
  const { opened, open } = gate();
  const first = up.addFiles([slowFile(makePdf('Erste'), 'Erste.pdf', 'application/pdf', opened)]);
  const second = up.addFiles([fileOf(makePdf('Zweite'), 'Zweite.pdf', 'application/pdf')]);
  open();
  await Promise.all([first, second]);
  await up.updateComplete;
}

describe('<doc-uploader> takes files dropped while others are still being checked in the order chosen', () => {
  before(() => ready);

  it("single: a second file dropped during the first one's check is refused, the first one stays", async () => {
    const up = await fixture<DocUploader>(
      html`<doc-uploader
        .client=${manager()}
        scope="property:rosenweg-24"
        locale="de"
        single
      ></doc-uploader>`,
    );
    const refused: string[] = [];
    up.addEventListener('doc-file-rejected', (e) => {
      const { file, code } = (e as CustomEvent<{ file: File; code: string }>).detail;
      refused.push(`${file.name}: ${code}`);
    });
    await dropTwice(up);
    const root = up.shadowRoot!;
    expect(cards(root).length, 'one file card').to.equal(1);
    expect(words(root)).to.contain('„Zweite.pdf“ wurde nicht übernommen');
    expect(refused).to.deep.equal(['Zweite.pdf: too_many_files']);
  });

  it('several: the files of two drops are listed in the order they were chosen', async () => {
    const up = await fixture<DocUploader>(
      html`<doc-uploader .client=${manager()} scope="property:rosenweg-24" locale="de"></doc-uploader>`,
    );
    await dropTwice(up);
    const titles = cards(up.shadowRoot!).map((c) => c.querySelector('input')?.value ?? c.textContent);
    expect(titles.length, 'two file cards').to.equal(2);
    expect(String(titles[0])).to.contain('Erste');
    expect(String(titles[1])).to.contain('Zweite');
  });
});
