import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../index.ts';
import { badFiles, makePdf } from '@docportal/mock-server/testing';
import { dropFiles, ready, until } from '../test/setup.ts';

const pdf = () =>
  new File(
    [makePdf('Hausordnung') as Uint8Array<ArrayBuffer>],
    'Objektunterlagen Rosenweg 24 mit einem langen Namen.pdf',
    { type: 'application/pdf' },
  );

/** The elements of a shadow root (and nested ones) that reach past `box`'s right edge. */
function overflowing(root: ParentNode, right: number): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > right + 0.5 && !el.closest('.sr-only'))
      out.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(r.right)} > ${right})`);
    if (el.shadowRoot) out.push(...overflowing(el.shadowRoot, right));
  }
  return out;
}

async function uploaderWithFileAndNotice(width: string): Promise<HTMLElement> {
  const box = await fixture<HTMLElement>(
    html`<div style="width: ${width}">
      <doc-uploader
        base-url="/api/v1"
        token="manager"
        scope="property:rosenweg-24"
        locale="de"
      ></doc-uploader>
    </div>`,
  );
  const up = box.firstElementChild as HTMLElement;
  const zone = await until(() => up.shadowRoot!.querySelector('.dropzone'), 5000, 'drop zone');
  const bad = badFiles()[0]!;
  dropFiles(zone, [
    pdf(),
    new File([bad.bytes as Uint8Array<ArrayBuffer>], 'Ein sehr langer Dateiname der nicht passt.exe', {
      type: bad.type,
    }),
  ]);
  await until(
    () => up.shadowRoot!.querySelector('.file .fields') && up.shadowRoot!.querySelector('.notice'),
    5000,
    'a file card and a notice',
  );
  return box;
}

describe('layout follows the element’s own width (container queries)', () => {
  before(() => ready);
  after(() => setViewport({ width: 800, height: 600 }));

  it('a 340 px container in a 1280 px page stacks the uploader’s fields', async () => {
    await setViewport({ width: 1280, height: 800 });
    const box = await uploaderWithFileAndNotice('340px');
    const [title, type] = [...box.firstElementChild!.shadowRoot!.querySelectorAll('.fields > .field')];
    expect(type!.getBoundingClientRect().top, 'the type below the title').to.be.at.least(
      title!.getBoundingClientRect().bottom,
    );
    expect(overflowing(box.firstElementChild!.shadowRoot!, box.getBoundingClientRect().right)).to.deep.equal(
      [],
    );
  });

  it('a wide container keeps title and type side by side, even in a narrow window', async () => {
    await setViewport({ width: 1280, height: 800 });
    const box = await uploaderWithFileAndNotice('900px');
    const [title, type] = [...box.firstElementChild!.shadowRoot!.querySelectorAll('.fields > .field')];
    expect(type!.getBoundingClientRect().top).to.equal(title!.getBoundingClientRect().top);
  });

  it('a notice puts its button below the text in a narrow box', async () => {
    await setViewport({ width: 1280, height: 800 });
    const box = await uploaderWithFileAndNotice('300px');
    const notice = box.firstElementChild!.shadowRoot!.querySelector('.notice')!;
    const text = notice.querySelector('.grow')!.getBoundingClientRect();
    const button = notice.querySelector('button')!.getBoundingClientRect();
    expect(button.top, 'the button below the text').to.be.at.least(text.bottom - 0.5);
    expect(text.width, 'the text keeps the width of the notice').to.be.above(200);
  });

  for (const width of [280, 320]) {
    it(`every element works in a ${width} px box: nothing reaches past it`, async () => {
      await setViewport({ width: 1280, height: 800 });
      const box = await fixture<HTMLElement>(
        html`<div style="width: ${width}px">
          <doc-uploader
            base-url="/api/v1"
            token="manager"
            scope="property:rosenweg-24"
            locale="de"
          ></doc-uploader>
          <share-picker
            base-url="/api/v1"
            token="manager"
            scope="property:rosenweg-24"
            locale="de"
          ></share-picker>
          <doc-folder-tree
            base-url="/api/v1"
            token="manager"
            scope="property:rosenweg-24"
            locale="de"
            mode="admin"
          ></doc-folder-tree>
        </div>`,
      );
      const up = box.firstElementChild as HTMLElement;
      const zone = await until(() => up.shadowRoot!.querySelector('.dropzone'), 5000, 'drop zone');
      dropFiles(zone, [pdf()]);
      await until(
        () => up.shadowRoot!.querySelector('.file share-picker')?.shadowRoot?.querySelector('.roles'),
        5000,
        'a file card',
      );
      await until(
        () => (box.lastElementChild as HTMLElement).shadowRoot!.querySelector('[role="treeitem"]'),
        5000,
        'tree rows',
      );
      expect(overflowing(box, box.getBoundingClientRect().right)).to.deep.equal([]);
    });
  }

  it('a 320 px window does not scroll sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    await uploaderWithFileAndNotice('auto');
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});
