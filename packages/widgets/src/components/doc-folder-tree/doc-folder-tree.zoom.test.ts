import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../index.ts';
import { control, ready, until } from '../../test/setup.ts';
import { treeitems } from '../../test/tree-rows.ts';
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
      const el = await fixture<DocFolderTree>(html`<doc-folder-tree base-url="/api/v1" token="manager" scope="property:grosssiedlung" mode="admin" locale="de" style="--doc-tree-height: 12rem"></doc-folder-tree>`);
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
});
