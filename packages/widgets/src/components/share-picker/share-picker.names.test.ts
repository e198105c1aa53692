/**
 * What a screen reader is given for the picker's role boxes: each box's accessible name,
 * computed by dom-accessibility-api (the W3C accname algorithm that Testing Library uses), is
 * its label, then its count in brackets after a space ("Alle Mieter (4)"), never run together
 * ("Alle Mieter(4)"), and the boxes say which is checked.
 */
import { computeAccessibleName } from 'dom-accessibility-api';
import { expect, fixture, html } from '@open-wc/testing';
import '../../index.ts';
import { ready, until } from '../../test/setup.ts';

describe('<share-picker> role boxes, as assistive technology names them', () => {
  before(() => ready);

  for (const [locale, tenants, owners] of [['de', 'Alle Mieter', 'Alle Eigentümer'], ['en', 'All tenants', 'All owners']] as const) {
    it(`(${locale}) name each box by its label and its count, apart, and say which is checked`, async () => {
      const value = [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }];
      const el = await fixture<HTMLElement>(html`<share-picker base-url="/api/v1" token="manager" scope="property:rosenweg-24" locale=${locale} .value=${value}></share-picker>`);
      await until(() => el.shadowRoot!.querySelectorAll('.role .count').length === 2, 5000, 'the counts');
      const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.roles input[type="checkbox"]')];
      const names = boxes.map((box) => computeAccessibleName(box));
      expect(names[0]).to.match(new RegExp(`^${tenants} \\(\\d+\\)$`));
      expect(names[1]).to.match(new RegExp(`^${owners} \\(\\d+\\)$`));
      expect(boxes.map((box) => box.checked)).to.deep.equal([true, false]);
    });
  }
});
