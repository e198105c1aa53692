import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@docportal/core-sdk';
import { makePdf } from '@docportal/mock-server/testing';
import '../index.ts';
import { kit } from '../test/kit.ts';
import { ready, until } from '../test/setup.ts';
import { rowCount, treeitems } from '../test/tree-rows.ts';

/** Every button and field of a shadow root (not of nested elements) has a part. */
function unparted(root: ShadowRoot): string[] {
  return [...root.querySelectorAll('button, input:not([type="file"]), select')]
    .filter((b) => !b.getAttribute('part'))
    .map((b) => b.outerHTML.slice(0, 80));
}

describe('::part on every restylable node', () => {
  before(() => ready);

  it('buttons and fields of the uploader, the picker and the tree; the nested picker exports its parts', async () => {
    await createClient({ baseUrl: '/api/v1', token: 'manager' }).documents.upload(
      new File([makePdf('Hausordnung') as Uint8Array<ArrayBuffer>], 'Hausordnung.pdf'),
      {
        documentTypeId: 'objektunterlagen',
        scope: { kind: 'property', id: 'rosenweg-24' },
        shares: [],
      },
    );
    const { uploader, picker, tree } = await kit();
    expect(unparted(uploader.shadowRoot!)).to.deep.equal([]);
    expect(unparted(picker.shadowRoot!)).to.deep.equal([]);
    const style = document.createElement('style');
    style.textContent = `doc-uploader::part(picker__input) { outline-color: rgb(1, 2, 3); } doc-folder-tree::part(row--selected) { outline-color: rgb(4, 5, 6); }
      doc-uploader::part(button) { outline-color: rgb(7, 8, 9); } share-picker::part(checkbox) { outline-color: rgb(10, 11, 12); }`;
    document.head.append(style);
    try {
      const nested = uploader
        .shadowRoot!.querySelector('share-picker')!
        .shadowRoot!.querySelector('input[role="combobox"]')!;
      expect(getComputedStyle(nested).outlineColor).to.equal('rgb(1, 2, 3)');
      expect(
        getComputedStyle(tree.shadowRoot!.querySelector('[aria-selected="true"]')!).outlineColor,
      ).to.equal('rgb(4, 5, 6)');
      expect(getComputedStyle(uploader.shadowRoot!.querySelector('.file .remove')!).outlineColor).to.equal(
        'rgb(7, 8, 9)',
      );
      expect(
        getComputedStyle(picker.shadowRoot!.querySelector('input[type="checkbox"]')!).outlineColor,
      ).to.equal('rgb(10, 11, 12)');
    } finally {
      style.remove();
    }

    // The editor of a document (manage) with its nested picker.
    treeitems(tree)
      .find((r) => r.getAttribute('aria-expanded') === 'false' && (rowCount(r) ?? 0) > 0)!
      .click();
    const doc = await until(
      () => treeitems(tree).find((r) => r.classList.contains('doc')),
      5000,
      'a document row',
    );
    doc.click();
    const editor = await until(() => tree.shadowRoot!.querySelector('[part~="editor"]'), 5000, 'the editor');
    expect(unparted(tree.shadowRoot!)).to.deep.equal([]);
    expect(editor.querySelector('share-picker')!.getAttribute('exportparts')).to.contain(
      'input:picker__input',
    );
  });

  it('the admin tools and their form', async () => {
    const tree = await fixture<HTMLElement>(
      html`<doc-folder-tree
        base-url="/api/v1"
        token="manager"
        scope="property:rosenweg-24"
        mode="admin"
        locale="de"
      ></doc-folder-tree>`,
    );
    await until(() => treeitems(tree).length, 5000, 'rows');
    const admin = tree.shadowRoot!.querySelector('[part~="admin"]')!;
    admin.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => tree.shadowRoot!.querySelector('[part~="admin-form"] input'), 5000, 'the folder form');
    expect(unparted(tree.shadowRoot!)).to.deep.equal([]);
  });
});
