/**
 * What a screen reader is given for the picker's role boxes: each box's accessible name is its
 * label, then its count in brackets after a space ("Alle Mieter (4)"), never run together
 * ("Alle Mieter(4)"), and the boxes say which is checked. The name is computed twice: by
 * dom-accessibility-api (the W3C accname algorithm that Testing Library uses), and by the browser
 * itself where the runner can read its accessibility tree (Chromium). Chromium leaves out a text
 * node of white space alone, so the space must not stand on its own between label and count.
 */
import { computeAccessibleName } from 'dom-accessibility-api';
import { executeServerCommand } from '@web/test-runner-commands';
import { expect, fixture, html } from '@open-wc/testing';
import '../../index.ts';
import { ready, until } from '../../test/setup.ts';

/** The text of `el` without its text nodes of white space alone (which Chromium's names drop). */
function printed(el: Element): string {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let out = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent!.trim()) out += n.textContent;
  return out.replace(/\s+/g, ' ').trim();
}

describe('<share-picker> role boxes, as assistive technology names them', () => {
  before(() => ready);

  for (const [locale, tenants, owners] of [
    ['de', 'Alle Mieter', 'Alle Eigentümer'],
    ['en', 'All tenants', 'All owners'],
  ] as const) {
    it(`(${locale}) name each box by its label and its count, apart, and say which is checked`, async () => {
      // Arrange
      const value = [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }];
      const el = await fixture<HTMLElement>(
        html`<share-picker
          base-url="/api/v1"
          token="manager"
          scope="property:rosenweg-24"
          locale=${locale}
          .value=${value}
        ></share-picker>`,
      );
      await until(() => el.shadowRoot!.querySelectorAll('.role .count').length === 2, 5000, 'the counts');
      const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.roles input[type="checkbox"]')];
      const expected = [new RegExp(`^${tenants} \\(\\d+\\)$`), new RegExp(`^${owners} \\(\\d+\\)$`)];
      // Act
      const names = boxes.map((box) => computeAccessibleName(box));
      const withoutLoneSpaces = boxes.map((box) => printed(box.closest('label')!));
      const browser = await executeServerCommand<string[] | false, { role: string }>('accessible-names', {
        role: 'checkbox',
      });
      // Assert
      expect(names[0]).to.match(expected[0]!);
      expect(names[1]).to.match(expected[1]!);
      expect(withoutLoneSpaces[0], 'the space is part of the text, not a node of its own').to.match(
        expected[0]!,
      );
      expect(withoutLoneSpaces[1]).to.match(expected[1]!);
      if (browser) {
        expect(browser[0], 'as Chromium names the first box').to.match(expected[0]!);
        expect(browser[1], 'as Chromium names the second box').to.match(expected[1]!);
      }
      expect(boxes.map((box) => box.checked)).to.deep.equal([true, false]);
    });
  }
});
