// The picker's role choices, chips and summary, inside a provider or standalone, and axe.
import { expect, fixture, html } from '@open-wc/testing';
import '../../index.ts';
import { clickOn, expectFocus, press, record, tabTo } from '../../test/helpers.ts';
import { until, usesMockBackend } from '../../test/setup.ts';
import type { SharePicker } from './share-picker.component.ts';
import {
  TEXT,
  text,
  sr,
  roleBoxes,
  combobox,
  options,
  labelOf,
  chips,
  summary,
  mountPicker,
  search,
  resolveCount,
} from '../../test/picker.ts';

describe('<share-picker>', () => {
  usesMockBackend();

  describe('role choices', () => {
    it('tenants, owners, both: one scope target with the roles (property scope, mouse)', async () => {
      // Arrange
      const { picker } = await mountPicker({ locale: 'de' });
      const [tenants, owners] = roleBoxes(picker);
      expect(text(tenants!.closest('label'))).to.equal('Alle Mieter (4)');
      expect(text(owners!.closest('label'))).to.match(/^Alle Eigentümer \(\d+\)$/);
      // Act + Assert
      await clickOn(tenants!);
      expect(picker.value).to.deep.equal([
        { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] },
      ]);
      await clickOn(owners!);
      expect(picker.value).to.deep.equal([
        { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant', 'owner'] },
      ]);
      await clickOn(tenants!);
      expect(picker.value).to.deep.equal([{ kind: 'property', propertyId: 'rosenweg-24', roles: ['owner'] }]);
      await clickOn(owners!);
      expect(picker.value).to.deep.equal([]);
    });

    it('tenants, owners, both in a unit scope (keyboard)', async () => {
      // Arrange
      const { picker, before } = await mountPicker({ scope: 'unit:max-planck-12-w002', locale: 'en' });
      const [tenants, owners] = roleBoxes(picker);
      expect(text(tenants!.closest('label'))).to.equal('All tenants (1)');
      expect(text(owners!.closest('label'))).to.equal('All owners (1)');
      // Act
      before.focus();
      await tabTo((e) => e === tenants, 'all tenants');
      await press('Space');
      await tabTo((e) => e === owners, 'all owners');
      await press('Space');
      // Assert
      expect(picker.value).to.deep.equal([
        { kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant', 'owner'] },
      ]);
      await until(
        () => summary(picker) === TEXT.en.summary(2),
        5000,
        () => `summary for two (is "${summary(picker)}")`,
      );
      await press('Space');
      expect(picker.value).to.deep.equal([{ kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant'] }]);
    });
  });

  describe('chips and summary', () => {
    it('chips are removable by mouse and by keyboard; input and change fire on user changes only', async () => {
      // Arrange
      const { picker } = await mountPicker({ locale: 'de' });
      const rec = record(picker, ['input', 'change']);
      const pick = async (query: string, label: string) => {
        await search(picker, query);
        const target = options(picker).find((o) => labelOf(o) === label)!;
        expect(target, label).to.exist;
        await clickOn(target);
        await until(
          () => chips(picker).some((c) => text(c.querySelector('.chip-label')) === label),
          5000,
          () => `chip ${label}`,
        );
      };
      // Act
      await pick('Wohnung 00', 'Wohnung 001');
      await pick('Beirat', 'Verwaltungsbeirat');
      await pick('Sophie', 'Sophie Wagner');
      // Assert
      expect(picker.value.map((t) => t.kind)).to.deep.equal(['unit', 'group', 'contact']);
      expect(rec.events.map((e) => e.type)).to.deep.equal([
        'input',
        'change',
        'input',
        'change',
        'input',
        'change',
      ]);
      // Act: remove by mouse
      const removeBtn = (label: string) =>
        sr(picker).querySelector<HTMLButtonElement>(`button[aria-label="${TEXT.de.remove(label)}"]`)!;
      await clickOn(removeBtn('Wohnung 001'));
      expect(picker.value.map((t) => t.kind)).to.deep.equal(['group', 'contact']);
      // Act: remove by keyboard (Tab from the search to the chip's button, Enter)
      combobox(picker).focus();
      await tabTo((e) => e === removeBtn('Verwaltungsbeirat'), 'the chip’s remove button');
      await press('Enter');
      expect(picker.value).to.deep.equal([{ kind: 'contact', contactId: 'sophie-wagner' }]);
      expectFocus(combobox(picker), 'the search (after removing a chip)');
      expect(rec.events).to.have.length(10);
      // Act: a programmatic value sends no event
      picker.value = [{ kind: 'group', groupId: 'rosenweg-24-beirat' }];
      await picker.updateComplete;
      await until(() => summary(picker) === TEXT.de.summary(2), 5000, 'summary of the new value');
      expect(chips(picker).map((c) => text(c.querySelector('.chip-label')))).to.deep.equal([
        'Verwaltungsbeirat',
      ]);
      expect(rec.events, 'no events for a programmatic value').to.have.length(10);
    });

    for (const locale of ['de', 'en'] as const) {
      it(`the live summary matches POST /recipients/resolve (${locale})`, async () => {
        // Arrange
        const t = TEXT[locale];
        const { picker } = await mountPicker({ locale });
        const scope = { kind: 'property', id: 'rosenweg-24' };
        await until(
          () => summary(picker) === t.none,
          5000,
          () => `empty summary (is "${summary(picker)}")`,
        );
        // Act + Assert: tenants
        roleBoxes(picker)[0]!.click();
        let n = await resolveCount(scope, picker.value);
        expect(n).to.equal(4);
        await until(
          () => summary(picker) === t.summary(n),
          5000,
          () => `summary ${n} (is "${summary(picker)}")`,
        );
        // Act + Assert: plus the advisory board (two owners)
        await search(picker, 'Beirat');
        await press('ArrowDown');
        await press('Enter');
        n = await resolveCount(scope, picker.value);
        expect(n).to.equal(6);
        await until(
          () => summary(picker) === t.summary(n),
          5000,
          () => `summary ${n} (is "${summary(picker)}")`,
        );
        // Act + Assert: one person only
        picker.value = [{ kind: 'contact', contactId: 'paul-klein' }];
        n = await resolveCount(scope, picker.value);
        expect(n).to.equal(1);
        await until(
          () => summary(picker) === t.summary(1),
          5000,
          () => `summary 1 (is "${summary(picker)}")`,
        );
      });
    }
  });

  describe('standalone and inside a provider', () => {
    it('works inside a provider (client, scope and locale from it)', async () => {
      // Arrange
      const provider = await fixture(
        html`<doc-provider base-url="/api/v1" token="manager" scope="unit:max-planck-12-w002" locale="en"
          ><share-picker></share-picker
        ></doc-provider>`,
      );
      const picker = provider.querySelector('share-picker')!;
      await until(() => sr(picker).querySelectorAll('.role .count').length === 2, 5000, 'role counts');
      expect(text(roleBoxes(picker)[0]!.closest('label'))).to.equal('All tenants (1)');
      // Act
      await search(picker, 'Jonas');
      await press('ArrowDown');
      await press('Enter');
      // Assert
      expect(picker.value).to.deep.equal([{ kind: 'contact', contactId: 'jonas-becker' }]);
      await until(() => summary(picker) === TEXT.en.summary(1), 5000, 'summary');
    });

    it('works standalone with base-url, token and scope and says when no scope is set', async () => {
      const { picker } = await mountPicker({ scope: 'property:max-planck-12', locale: 'de' });
      await search(picker, 'Lena');
      await press('ArrowDown');
      await press('Enter');
      expect(picker.value).to.deep.equal([{ kind: 'contact', contactId: 'lena-hoffmann' }]);
      const lone = await fixture<SharePicker>(
        html`<share-picker base-url="/api/v1" token="manager"></share-picker>`,
      );
      expect(text(lone.shadowRoot!.querySelector('.error'))).to.equal(
        'Es ist kein Bereich (Liegenschaft oder Einheit) gewählt.',
      );
      await expect(lone).to.be.accessible();
    });
  });

  describe('accessibility', () => {
    for (const locale of ['de', 'en'] as const) {
      it(`axe finds nothing closed, open, with chips and a summary (${locale})`, async () => {
        const { picker } = await mountPicker({ locale });
        await expect(picker).to.be.accessible();
        roleBoxes(picker)[1]!.click();
        await search(picker, 'Wohnung');
        await press('ArrowDown');
        await expect(picker).to.be.accessible();
        await press('Enter');
        await until(
          () => chips(picker).length === 1 && !summary(picker).includes('…'),
          5000,
          'chip and summary',
        );
        await expect(picker).to.be.accessible();
      });
    }
  });
});
