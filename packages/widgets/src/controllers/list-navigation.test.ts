// The list keyboard engine shared by the tree and the picker's listbox (list-navigation.ts), alone:
// the moves each key makes, where they stop, and type-ahead. The widgets' own keys are tested with them.
import { expect } from '@open-wc/testing';
import { listNavigation } from './list-navigation.ts';

const NAMES = ['Abrechnungen', 'Energieausweis', 'Objektunterlagen', 'Pläne', 'Protokolle'];

/** A list of `names` whose active item starts at `active`; `press` returns whether the key was the list's. */
function list(options: { active?: number; page?: number; typeAhead?: boolean; names?: string[] } = {}) {
  const names = options.names ?? NAMES;
  const moves: number[] = [];
  let active = options.active ?? 0;
  const handle = listNavigation({
    items: () => names,
    active: () => active,
    go: (i) => {
      moves.push(i);
      active = i;
    },
    page: options.page,
    name: options.typeAhead === false ? undefined : (n) => n,
  });
  const press = (key: string, init: KeyboardEventInit = {}) =>
    handle(new KeyboardEvent('keydown', { key, ...init }));
  return { press, moves, active: () => active };
}

describe('listNavigation', () => {
  describe('arrows', () => {
    it('Down and Up move by one and stop at the ends (no wrapping)', () => {
      // Arrange
      const l = list({ active: 3 });
      // Act
      const handled = [l.press('ArrowDown'), l.press('ArrowDown'), l.press('ArrowUp')];
      // Assert
      expect(handled).to.deep.equal([true, true, true]);
      expect(l.moves).to.deep.equal([4, 4, 3]);
      l.press('Home');
      l.press('ArrowUp');
      expect(l.active()).to.equal(0);
    });

    it('with nothing active (a listbox before the person arrows), Down goes to the first and Up to the last', () => {
      const down = list({ active: -1 });
      down.press('ArrowDown');
      const up = list({ active: -1 });
      up.press('ArrowUp');
      expect([down.active(), up.active()]).to.deep.equal([0, 4]);
    });

    it('on an empty list, the keys are the list’s but nothing moves', () => {
      const l = list({ names: [], active: -1, page: 5 });
      expect(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown'].map((k) => l.press(k))).to.deep.equal([
        true,
        true,
        true,
        true,
        true,
      ]);
      expect(l.moves).to.deep.equal([]);
    });
  });

  describe('Home, End, PageUp, PageDown', () => {
    it('Home and End go to the first and the last item', () => {
      const l = list({ active: 2 });
      l.press('End');
      l.press('Home');
      expect(l.moves).to.deep.equal([4, 0]);
    });

    it('PageDown and PageUp move by the page and stop at the ends', () => {
      const l = list({ active: 1, page: 2, names: ['a', 'b', 'c', 'd', 'e', 'f'] });
      expect(l.press('PageDown')).to.equal(true);
      l.press('PageDown');
      l.press('PageDown');
      l.press('PageUp');
      expect(l.moves).to.deep.equal([3, 5, 5, 3]);
    });

    it('without a page, PageUp and PageDown are left to the page', () => {
      const l = list({ active: 1 });
      expect([l.press('PageDown'), l.press('PageUp')]).to.deep.equal([false, false]);
      expect(l.moves).to.deep.equal([]);
    });

    it('leaves every other named key alone', () => {
      const l = list();
      expect(['Enter', 'ArrowLeft', 'ArrowRight', 'Escape', 'Tab'].map((k) => l.press(k))).to.deep.equal([
        false,
        false,
        false,
        false,
        false,
      ]);
      expect(l.moves).to.deep.equal([]);
    });
  });

  describe('type-ahead', () => {
    it('a character moves to the next item whose name starts with it, whatever its case, wrapping to the first', async () => {
      // Arrange: "Pläne" is active; "Protokolle" is the next P, and after it the list starts again.
      const l = list({ active: 3 });
      // Act
      const handled = l.press('p');
      await new Promise((r) => setTimeout(r, 600));
      l.press('P');
      // Assert
      expect(handled).to.equal(true);
      expect(l.moves).to.deep.equal([4, 3]);
    });

    it('characters typed quickly search as one prefix; a pause starts a new one', async () => {
      const l = list({ active: 0 });
      l.press('P');
      l.press('r');
      expect(l.moves).to.deep.equal([3, 4]);
      await new Promise((r) => setTimeout(r, 600));
      l.press('e');
      expect(l.active()).to.equal(1);
    });

    it('no match, a modifier, or no names: the key is left alone and nothing moves', async () => {
      const l = list({ active: 0 });
      expect(l.press('z')).to.equal(false);
      await new Promise((r) => setTimeout(r, 600));
      expect([
        l.press('p', { ctrlKey: true }),
        l.press('p', { metaKey: true }),
        l.press('p', { altKey: true }),
      ]).to.deep.equal([false, false, false]);
      expect(list({ typeAhead: false }).press('p')).to.equal(false);
      expect(l.moves).to.deep.equal([]);
    });
  });
});
