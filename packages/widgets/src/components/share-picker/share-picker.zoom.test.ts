// The picker's windowed suggestions at any text size: rows are in rem and their height is measured,
// so that rows neither overlap nor leave gaps and the highlighted one is scrolled fully into view,
// with a portal's `html { font-size: 62.5% }`, a reader's 20 or 24 px, and at 200 % zoom.
import { expect, nextFrame } from '@open-wc/testing';
import '../../index.ts';
import { press } from '../../test/helpers.ts';
import { control, ready, until } from '../../test/setup.ts';
import { combobox, listbox, mountPicker, options, sr } from '../../test/picker.ts';
import { resetTextSize, rowGaps, TEXT_SIZES } from '../../test/text-size.ts';
import type { SharePicker } from './share-picker.component.ts';

/** Neighbouring options in list order that overlap or leave a gap of more than a pixel. */
const overlaps = (p: SharePicker) =>
  rowGaps(options(p), (o) => Number(o.getAttribute('aria-posinset')), 'options');

describe('<share-picker> suggestions at any text size', () => {
  before(async () => {
    await ready;
    await control('/reset', { dataset: 'large' });
  });
  after(async () => {
    resetTextSize();
    await control('/reset', {});
  });

  for (const [what, set] of TEXT_SIZES) {
    it(`${what}: options do not overlap, and the highlighted one is fully in view after 14 × ArrowDown`, async () => {
      // Arrange
      resetTextSize();
      set();
      const { picker } = await mountPicker({ scope: 'property:grosssiedlung', locale: 'de' });
      const input = combobox(picker);
      input.focus();
      await press('ArrowDown');
      await until(() => options(picker).length > 10, 10000, 'suggestions');
      await picker.updateComplete;
      expect(overlaps(picker), 'when the list opens').to.deep.equal([]);
      // Act: the first ArrowDown highlighted the first option; 14 more
      await press('ArrowDown', 14);
      await picker.updateComplete;
      // Assert
      const active = sr(picker).getElementById(input.getAttribute('aria-activedescendant')!);
      expect(active, 'the highlighted option is rendered').to.exist;
      expect(active!.getAttribute('aria-posinset')).to.equal('15');
      const list = listbox(picker);
      const box = list.getBoundingClientRect();
      // The visible box: inside the list's borders.
      const top = box.top + list.clientTop;
      const bottom = top + list.clientHeight * (box.height / list.offsetHeight);
      const r = active!.getBoundingClientRect();
      expect(r.top, 'the option’s top in view').to.be.at.least(top - 1);
      expect(r.bottom, 'the option’s bottom in view').to.be.at.most(bottom + 1);
      expect(overlaps(picker), 'after scrolling').to.deep.equal([]);
      const label = active!.querySelector('.option-text')!.getBoundingClientRect();
      expect(label.height, 'the text fits its row').to.be.at.most(r.height + 1);
    });
  }

  it('the text size changes while the list is open: the options in view after a scroll are the ones rendered', async () => {
    // Arrange: options measured at the browser's text size
    resetTextSize();
    const { picker } = await mountPicker({ scope: 'property:grosssiedlung', locale: 'de' });
    combobox(picker).focus();
    await press('ArrowDown');
    await until(() => options(picker).length > 10, 10000, 'suggestions');
    await picker.updateComplete;
    // Act: the text gets smaller (no update of the picker asks for it), then the list scrolls
    TEXT_SIZES[1][1]();
    await nextFrame();
    await nextFrame();
    await picker.updateComplete;
    const list = listbox(picker);
    const row = options(picker)[0]!.getBoundingClientRect().height;
    list.scrollTop = 30 * row;
    await nextFrame();
    await nextFrame();
    await picker.updateComplete;
    // Assert: the option at the top of the list's box is the 31st, rendered where it belongs
    const box = list.getBoundingClientRect();
    const top = options(picker).find((o) => {
      const r = o.getBoundingClientRect();
      return r.top <= box.top + list.clientTop + 2 && r.bottom > box.top + list.clientTop + 2;
    });
    expect(top?.getAttribute('aria-posinset'), 'the option at the top of the view').to.equal('31');
    expect(overlaps(picker)).to.deep.equal([]);
  });
});
