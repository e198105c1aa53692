// The picker as a form control: its value, required, reset and disabled.
import { expect, fixture, html } from '@open-wc/testing';
import '../../index.ts';
import { expectSame, press } from '../../test/helpers.ts';
import { until, usesMockBackend } from '../../test/setup.ts';
import { TEXT, sr, roleBoxes, combobox, chips, search } from '../../test/picker.ts';

describe('<share-picker>', () => {
  usesMockBackend();

  describe('form association', () => {
    async function mountForm() {
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <fieldset>
            <share-picker
              name="shares"
              required
              base-url="/api/v1"
              token="manager"
              scope="property:rosenweg-24"
              locale="de"
            ></share-picker>
          </fieldset>
          <button type="submit">Senden</button>
        </form>`,
      );
      const picker = form.querySelector('share-picker')!;
      await until(() => sr(picker).querySelectorAll('.role .count').length === 2, 5000, 'role counts');
      return {
        form,
        picker,
        fieldset: form.querySelector('fieldset')!,
        submit: form.querySelector<HTMLButtonElement>('button[type="submit"]')!,
      };
    }

    it('form value is the JSON of the targets; required blocks submit until a target is chosen; reset clears', async () => {
      // Arrange
      const { form, picker, submit } = await mountForm();
      let submits = 0;
      form.addEventListener('submit', (e) => (submits++, e.preventDefault()));
      let invalids = 0;
      picker.addEventListener('invalid', () => invalids++);
      // Assert: empty and required
      expectSame(picker.form, form, 'picker.form');
      expect(JSON.parse(new FormData(form).get('shares') as string)).to.deep.equal([]);
      expect(form.checkValidity()).to.equal(false);
      expect(picker.validity.valueMissing).to.equal(true);
      expect(picker.validationMessage).to.equal(TEXT.de.required);
      // Act: try to submit
      submit.click();
      expect(submits, 'an empty required picker blocks submit').to.equal(0);
      expect(invalids).to.be.greaterThan(0);
      // Act: choose tenants and a person
      roleBoxes(picker)[0]!.click();
      await search(picker, 'Sophie');
      await press('ArrowDown');
      await press('Enter');
      // Assert
      const expected = [
        { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] },
        { kind: 'contact', contactId: 'sophie-wagner' },
      ];
      expect(picker.value).to.deep.equal(expected);
      expect(JSON.parse(new FormData(form).get('shares') as string)).to.deep.equal(expected);
      expect(form.checkValidity()).to.equal(true);
      submit.click();
      expect(submits).to.equal(1);
      // Act: reset
      form.reset();
      await picker.updateComplete;
      // Assert
      expect(picker.value).to.deep.equal([]);
      expect(JSON.parse(new FormData(form).get('shares') as string)).to.deep.equal([]);
      expect(roleBoxes(picker)[0]!.checked).to.equal(false);
      expect(chips(picker)).to.have.length(0);
      expect(form.checkValidity()).to.equal(false);
    });

    it('a disabled fieldset, or disabled, disables the picker', async () => {
      // Arrange
      const { form, picker, fieldset } = await mountForm();
      roleBoxes(picker)[0]!.click();
      // Act
      fieldset.disabled = true;
      await picker.updateComplete;
      // Assert
      expect(roleBoxes(picker).every((b) => b.disabled)).to.equal(true);
      expect(combobox(picker).disabled).to.equal(true);
      expect(picker.matches(':disabled')).to.equal(true);
      expect(new FormData(form).has('shares'), 'a disabled control is not submitted').to.equal(false);
      await expect(picker).to.be.accessible();
      // Act: enabled again, then disabled by its own attribute
      fieldset.disabled = false;
      await picker.updateComplete;
      expect(combobox(picker).disabled).to.equal(false);
      expect(new FormData(form).has('shares')).to.equal(true);
      picker.setAttribute('disabled', '');
      await picker.updateComplete;
      expect(roleBoxes(picker).every((b) => b.disabled)).to.equal(true);
      expect(combobox(picker).disabled).to.equal(true);
      expect(sr(picker).querySelector('fieldset')!.disabled).to.equal(true);
    });
  });
});
