// The picker's search: debounce, keys, stale answers, and a large data set windowed.
import { expect } from '@open-wc/testing';
import '../../index.ts';
import { expectFocus, nextFrame, press, stats, type } from '../../test/helpers.ts';
import { control, until, usesMockBackend } from '../../test/setup.ts';
import {
  text,
  sr,
  combobox,
  listbox,
  options,
  labelOf,
  chips,
  loggingClient,
  mountPicker,
  search,
} from '../../test/picker.ts';

describe('<share-picker>', () => {
  usesMockBackend();

  describe('search combobox', () => {
    it('debounces typing, shows results, ArrowDown/ArrowUp/Enter pick, with correct ARIA', async () => {
      // Arrange
      const { client, searches } = loggingClient();
      const { picker } = await mountPicker({ locale: 'de', client });
      const input = combobox(picker);
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.getAttribute('aria-controls')).to.equal(listbox(picker).id);
      expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
      // Act: typing
      input.focus();
      await type('Wohnung');
      const found = await until(
        () => {
          const o = options(picker);
          return o.length === 6 && o.every((x) => labelOf(x).startsWith('Wohnung')) ? o : null;
        },
        5000,
        'six units',
      );
      // Assert: debounced (fewer searches than keys), the last one for the whole word
      expect(searches.length, `searches sent: ${JSON.stringify(searches)}`).to.be.lessThan('Wohnung'.length);
      expect(searches.at(-1)).to.equal('Wohnung');
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      expect(listbox(picker).hidden).to.equal(false);
      expect(found.map((o) => o.getAttribute('aria-setsize'))).to.deep.equal(Array(6).fill('6'));
      expect(found.map((o) => o.getAttribute('aria-posinset'))).to.deep.equal(['1', '2', '3', '4', '5', '6']);
      expect(input.hasAttribute('aria-activedescendant'), 'nothing highlighted before the arrows').to.equal(
        false,
      );
      expect(text(sr(picker).querySelector('[role="status"]'))).to.contain('6 Vorschläge');
      // Act: arrows
      await press('ArrowDown');
      await press('ArrowDown');
      await press('ArrowDown');
      await press('ArrowUp');
      // Assert
      const active = options(picker).find((o) => o.id === input.getAttribute('aria-activedescendant'))!;
      expect(active.getAttribute('aria-posinset')).to.equal('2');
      expect(active.classList.contains('active')).to.equal(true);
      expect(sr(picker).querySelectorAll('.option.active')).to.have.length(1);
      expect(
        options(picker).filter((o) => o.getAttribute('aria-selected') === 'true'),
        'nothing chosen yet',
      ).to.have.length(0);
      const label = labelOf(active);
      // Act: Enter picks
      await press('Enter');
      // Assert
      expect(picker.value).to.have.length(1);
      expect(picker.value[0]!.kind).to.equal('unit');
      expect(chips(picker).map((c) => text(c.querySelector('.chip-label')))).to.deep.equal([label]);
      expect(input.value).to.equal('');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
      expectFocus(input, 'the search');
    });

    it('Escape closes the list; Tab leaves the combobox for the next control, not into the list', async () => {
      // Arrange
      const { picker, after } = await mountPicker({ locale: 'de' });
      const input = combobox(picker);
      await search(picker, 'Wohnung');
      // Act
      await press('Escape');
      // Assert
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(listbox(picker).hidden).to.equal(true);
      expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
      expect(input.value).to.equal('Wohnung');
      expect(picker.value).to.deep.equal([]);
      // Act: clear, open the whole (scrolling) list with ArrowDown, then Tab away
      await press('Control+a');
      await press('Backspace');
      await press('Escape');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      await press('ArrowDown');
      await until(
        () => input.getAttribute('aria-expanded') === 'true' && options(picker).length > 7,
        5000,
        'open again',
      );
      expect(listbox(picker).scrollHeight, 'the list scrolls').to.be.greaterThan(
        listbox(picker).clientHeight,
      );
      await press('Tab');
      // Assert
      expectFocus(after, 'the next control after the picker');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
    });

    it('stale answers: a slow first query never shows after the newer results', async () => {
      // Arrange
      const { client, searches } = loggingClient();
      const { picker } = await mountPicker({ locale: 'de', client });
      const input = combobox(picker);
      input.focus();
      const seen: string[][] = [];
      const observer = new MutationObserver(() => seen.push(options(picker).map(labelOf)));
      observer.observe(sr(picker), { subtree: true, childList: true, characterData: true, attributes: true });
      await control('/faults', { latencyMs: 1500 });
      const base = (await stats()).requests;
      // Act: a slow query for "a", then more letters once it is under way
      await type('a');
      await until(() => searches.at(-1) === 'a', 5000, 'the search for "a" sent');
      await control('/faults', {});
      await type('hmet');
      await until(
        () => {
          const o = options(picker).map(labelOf);
          return o.length === 1 && o[0] === 'Ahmet Yılmaz';
        },
        5000,
        'Ahmet alone',
      );
      // the slow answer has been served by now
      await until(async () => (await stats()).requests >= base + 2, 10000, 'the slow request answered');
      await new Promise((r) => setTimeout(r, 150));
      await nextFrame();
      observer.disconnect();
      // Assert
      const first = seen.findIndex((s) => s.length === 1 && s[0] === 'Ahmet Yılmaz');
      expect(first).to.be.at.least(0);
      const later = seen.slice(first).filter((s) => s.some((l) => !l.includes('Ahmet')));
      expect(later, 'old results flashed after the new ones').to.deep.equal([]);
      expect(options(picker).map(labelOf)).to.deep.equal(['Ahmet Yılmaz']);
      expect(searches.at(-1)).to.equal('ahmet');
    });
  });

  describe('large data set', () => {
    it('windows the option list and the keyboard still reaches options further down', async () => {
      // Arrange
      await control('/reset', { dataset: 'large' });
      const { picker } = await mountPicker({ scope: 'property:grosssiedlung', locale: 'de' });
      const input = combobox(picker);
      // Act
      input.focus();
      await press('ArrowDown');
      const first = await until(() => options(picker)[0], 10000, 'suggestions');
      const setsize = Number(first.getAttribute('aria-setsize'));
      // Assert: windowed
      expect(setsize).to.be.greaterThan(30);
      expect(options(picker).length, 'option elements in the DOM').to.be.lessThan(30);
      // Act: down the list with the keyboard
      await press('PageDown', 8);
      await press('ArrowDown', 2);
      // Assert
      const id = input.getAttribute('aria-activedescendant')!;
      const active = sr(picker).getElementById(id);
      expect(active, 'the active option is rendered').to.exist;
      expect(active!.getAttribute('aria-posinset')).to.equal('43');
      expect(options(picker).length).to.be.lessThan(30);
      const list = listbox(picker).getBoundingClientRect();
      const row = active!.getBoundingClientRect();
      expect(
        row.top >= list.top - 1 && row.bottom <= list.bottom + 1,
        'the active option is scrolled into view',
      ).to.equal(true);
      const label = labelOf(active!);
      await press('Enter');
      expect(chips(picker).map((c) => text(c.querySelector('.chip-label')))).to.deep.equal([label]);
      await expect(picker).to.be.accessible();
    });
  });
});
