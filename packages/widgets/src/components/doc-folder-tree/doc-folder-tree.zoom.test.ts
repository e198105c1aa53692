import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../index.ts';
import { control, ready, until } from '../../test/setup.ts';
import { rowNamed, treeitems } from '../../test/tree-rows.ts';
import { resetTextSize, rowGaps, TEXT_SIZES } from '../../test/text-size.ts';
import type { DocFolderTree } from './doc-folder-tree.component.ts';

/** Rows in view order that overlap or leave a gap of more than a pixel. */
const overlaps = (el: DocFolderTree) => rowGaps(treeitems(el), (row) => Number(row.dataset.index), 'rows');

describe('<doc-folder-tree> at any text size', () => {
  before(async () => {
    await ready;
    await control('/reset', { dataset: 'large' });
  });
  after(async () => {
    resetTextSize();
    await control('/reset', {});
  });

  for (const [what, set] of TEXT_SIZES) {
    it(`${what}: rows do not overlap, and the focused row stays in view after 14 × ArrowDown`, async () => {
      // Arrange
      resetTextSize();
      set();
      const el = await fixture<DocFolderTree>(
        html`<doc-folder-tree
          base-url="/api/v1"
          token="manager"
          scope="property:grosssiedlung"
          mode="admin"
          locale="de"
          style="--doc-tree-height: 12rem"
        ></doc-folder-tree>`,
      );
      const first = await until(() => treeitems(el)[0], 5000, 'rows');
      first.focus();
      await sendKeys({ press: '*' });
      await until(() => (el as unknown as { rows: unknown[] }).rows.length > 16, 5000, 'open folders');
      await el.updateComplete;
      expect(overlaps(el), 'after opening').to.deep.equal([]);
      // Act
      for (let i = 0; i < 14; i++) await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      // Assert
      const row = el.shadowRoot!.activeElement as HTMLElement;
      expect(row.dataset.index).to.equal('14');
      const box = el.shadowRoot!.querySelector('.scroller')!.getBoundingClientRect();
      const r = row.getBoundingClientRect();
      expect(r.top, 'the row’s top in view').to.be.at.least(box.top - 1);
      expect(r.bottom, 'the row’s bottom in view').to.be.at.most(box.bottom + 1);
      expect(overlaps(el), 'after scrolling').to.deep.equal([]);
      const name = row.querySelector('.name')!.getBoundingClientRect();
      expect(name.height, 'the text fits its row').to.be.at.most(r.height);
    });
  }

  it('the text size changes while the tree is shown: the rows in view after a scroll are the ones rendered', async () => {
    // Arrange: rows measured at the browser's text size; the top folders and the archive's years open
    resetTextSize();
    const el = await fixture<DocFolderTree>(
      html`<doc-folder-tree
        base-url="/api/v1"
        token="manager"
        scope="property:grosssiedlung"
        mode="admin"
        locale="de"
        style="--doc-tree-height: 12rem"
      ></doc-folder-tree>`,
    );
    const first = await until(() => treeitems(el)[0], 5000, 'rows');
    first.focus();
    await sendKeys({ press: '*' });
    const year = await until(() => rowNamed(el, '2020'), 5000, 'years');
    year.focus();
    await sendKeys({ press: '*' });
    const count = () => (el as unknown as { rows: unknown[] }).rows.length;
    await until(() => count() > 40, 5000, 'quarters');
    await el.updateComplete;
    // Act: the text gets smaller (no update of the tree asks for it), then the tree scrolls to its end
    TEXT_SIZES[1][1]();
    await nextFrame();
    await nextFrame();
    await el.updateComplete;
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = scroller.scrollHeight;
    await nextFrame();
    await nextFrame();
    await el.updateComplete;
    // Assert: the last row is rendered, in view
    const last = treeitems(el).find((row) => row.dataset.index === String(count() - 1));
    expect(last, 'the last row is rendered').to.exist;
    const box = scroller.getBoundingClientRect();
    const r = last!.getBoundingClientRect();
    expect(r.top, 'the last row’s top in view').to.be.at.least(box.top - 1);
    expect(r.bottom, 'the last row’s bottom in view').to.be.at.most(box.bottom + 1);
    expect(overlaps(el)).to.deep.equal([]);
  });
});
