import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createClient, type DocPortalClient, type ShareTarget } from '@docportal/core-sdk';
import '../../index.ts';
import { api, clickOn, expectFocus, expectSame, nextFrame, press, record, stats, tabTo, type } from '../../test/helpers.ts';
import { control, ready, until } from '../../test/setup.ts';
import type { SharePicker } from './share-picker.component.ts';

type Locale = 'de' | 'en';

const TEXT = {
  de: {
    tenants: 'Alle Mieter',
    owners: 'Alle Eigentümer',
    summary: (n: number) => (n === 1 ? '1 Empfänger · wird morgen per E-Mail benachrichtigt' : `${n} Empfänger · werden morgen per E-Mail benachrichtigt`),
    none: 'Noch keine Empfänger · nur die Verwaltung sieht das Dokument',
    required: 'Bitte wählen Sie mindestens einen Empfänger.',
    remove: (what: string) => `${what} entfernen`,
  },
  en: {
    tenants: 'All tenants',
    owners: 'All owners',
    summary: (n: number) => (n === 1 ? '1 recipient · will be notified by e-mail tomorrow' : `${n} recipients · will be notified by e-mail tomorrow`),
    none: 'No recipients yet · only the management sees the document',
    required: 'Please choose at least one recipient.',
    remove: (what: string) => `Remove ${what}`,
  },
} as const;

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const sr = (p: SharePicker) => p.shadowRoot!;
const roleBoxes = (p: SharePicker) => [...sr(p).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
const combobox = (p: SharePicker) => sr(p).querySelector<HTMLInputElement>('input[role="combobox"]')!;
const listbox = (p: SharePicker) => sr(p).querySelector<HTMLElement>('[role="listbox"]')!;
const options = (p: SharePicker) => [...sr(p).querySelectorAll<HTMLElement>('[role="option"]')];
const labelOf = (o: Element) => text(o.querySelector('.option-label'));
const chips = (p: SharePicker) => [...sr(p).querySelectorAll<HTMLElement>('.chip')];
const summary = (p: SharePicker) => text(sr(p).querySelector('.summary'));

/** A real SDK client that logs the searches it sends (what the picker asked, in order). */
function loggingClient(): { client: DocPortalClient; searches: string[] } {
  const searches: string[] = [];
  const client = createClient({
    baseUrl: '/api/v1',
    token: 'manager',
    // The page's own fetch (through the mock backend), watched on the way out.
    fetch: (input, init) => {
      const u = new URL(input instanceof Request ? input.url : String(input), location.href);
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      if (method === 'GET' && u.pathname.endsWith('/recipients') && u.searchParams.has('q')) searches.push(u.searchParams.get('q')!);
      return fetch(input, init);
    },
  });
  return { client, searches };
}

interface PickerOptions {
  scope?: string;
  locale?: Locale;
  client?: DocPortalClient;
}

/** A standalone picker (base-url + token + scope), between two buttons. */
async function mountPicker(o: PickerOptions = {}): Promise<{ picker: SharePicker; before: HTMLButtonElement; after: HTMLButtonElement }> {
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <button id="before" type="button">Vorher</button>
    <share-picker base-url="/api/v1" token="manager" scope=${o.scope ?? 'property:rosenweg-24'} locale=${ifDefined(o.locale)} .client=${o.client}></share-picker>
    <button id="after" type="button">Nachher</button>
  </div>`);
  const picker = wrap.querySelector('share-picker')!;
  await until(() => sr(picker).querySelectorAll('.role .count').length === 2, 5000, 'role counts');
  return { picker, before: wrap.querySelector('#before')!, after: wrap.querySelector('#after')! };
}

/** Types into the search and waits for options whose labels all contain `expect`. */
async function search(picker: SharePicker, query: string, contains = query): Promise<HTMLElement[]> {
  combobox(picker).focus();
  await type(query);
  return until(() => {
    const o = options(picker);
    return o.length && o.every((x) => labelOf(x).toLowerCase().includes(contains.toLowerCase())) && combobox(picker).value === query ? o : null;
  }, 5000, () => `options for "${query}" (are ${options(picker).map(labelOf).join(', ')})`);
}

async function resolveCount(scope: { kind: string; id: string }, targets: ShareTarget[]): Promise<number> {
  const { status, body } = await api<{ count: number }>('/recipients/resolve', 'manager', { method: 'POST', body: JSON.stringify({ scope, targets }) });
  expect(status).to.equal(200);
  return body.count;
}

describe('<share-picker>', () => {
  before(async () => {
    await ready;
  });
  beforeEach(async () => {
    await control('/reset', {});
  });
  afterEach(async () => {
    await resetMouse();
  });

  describe('role choices', () => {
    it('tenants, owners, both: one scope target with the roles (property scope, mouse)', async () => {
      // Arrange
      const { picker } = await mountPicker({ locale: 'de' });
      const [tenants, owners] = roleBoxes(picker);
      expect(text(tenants!.closest('label'))).to.equal('Alle Mieter (4)');
      expect(text(owners!.closest('label'))).to.match(/^Alle Eigentümer \(\d+\)$/);
      // Act + Assert
      await clickOn(tenants!);
      expect(picker.value).to.deep.equal([{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }]);
      await clickOn(owners!);
      expect(picker.value).to.deep.equal([{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant', 'owner'] }]);
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
      expect(picker.value).to.deep.equal([{ kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant', 'owner'] }]);
      await until(() => summary(picker) === TEXT.en.summary(2), 5000, () => `summary for two (is "${summary(picker)}")`);
      await press('Space');
      expect(picker.value).to.deep.equal([{ kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant'] }]);
    });
  });

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
      const found = await until(() => {
        const o = options(picker);
        return o.length === 6 && o.every((x) => labelOf(x).startsWith('Wohnung')) ? o : null;
      }, 5000, 'six units');
      // Assert: debounced (fewer searches than keys), the last one for the whole word
      expect(searches.length, `searches sent: ${JSON.stringify(searches)}`).to.be.lessThan('Wohnung'.length);
      expect(searches.at(-1)).to.equal('Wohnung');
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      expect(listbox(picker).hidden).to.equal(false);
      expect(found.map((o) => o.getAttribute('aria-setsize'))).to.deep.equal(Array(6).fill('6'));
      expect(found.map((o) => o.getAttribute('aria-posinset'))).to.deep.equal(['1', '2', '3', '4', '5', '6']);
      expect(input.hasAttribute('aria-activedescendant'), 'nothing highlighted before the arrows').to.equal(false);
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
      expect(options(picker).filter((o) => o.getAttribute('aria-selected') === 'true'), 'nothing chosen yet').to.have.length(0);
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
      await until(() => input.getAttribute('aria-expanded') === 'true' && options(picker).length > 7, 5000, 'open again');
      expect(listbox(picker).scrollHeight, 'the list scrolls').to.be.greaterThan(listbox(picker).clientHeight);
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
      await until(() => {
        const o = options(picker).map(labelOf);
        return o.length === 1 && o[0] === 'Ahmet Yılmaz';
      }, 5000, 'Ahmet alone');
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
        await until(() => chips(picker).some((c) => text(c.querySelector('.chip-label')) === label), 5000, () => `chip ${label}`);
      };
      // Act
      await pick('Wohnung 00', 'Wohnung 001');
      await pick('Beirat', 'Verwaltungsbeirat');
      await pick('Sophie', 'Sophie Wagner');
      // Assert
      expect(picker.value.map((t) => t.kind)).to.deep.equal(['unit', 'group', 'contact']);
      expect(rec.events.map((e) => e.type)).to.deep.equal(['input', 'change', 'input', 'change', 'input', 'change']);
      // Act: remove by mouse
      const removeBtn = (label: string) => sr(picker).querySelector<HTMLButtonElement>(`button[aria-label="${TEXT.de.remove(label)}"]`)!;
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
      expect(chips(picker).map((c) => text(c.querySelector('.chip-label')))).to.deep.equal(['Verwaltungsbeirat']);
      expect(rec.events, 'no events for a programmatic value').to.have.length(10);
    });

    for (const locale of ['de', 'en'] as const) {
      it(`the live summary matches POST /recipients/resolve (${locale})`, async () => {
        // Arrange
        const t = TEXT[locale];
        const { picker } = await mountPicker({ locale });
        const scope = { kind: 'property', id: 'rosenweg-24' };
        await until(() => summary(picker) === t.none, 5000, () => `empty summary (is "${summary(picker)}")`);
        // Act + Assert: tenants
        roleBoxes(picker)[0]!.click();
        let n = await resolveCount(scope, picker.value);
        expect(n).to.equal(4);
        await until(() => summary(picker) === t.summary(n), 5000, () => `summary ${n} (is "${summary(picker)}")`);
        // Act + Assert: plus the advisory board (two owners)
        await search(picker, 'Beirat');
        await press('ArrowDown');
        await press('Enter');
        n = await resolveCount(scope, picker.value);
        expect(n).to.equal(6);
        await until(() => summary(picker) === t.summary(n), 5000, () => `summary ${n} (is "${summary(picker)}")`);
        // Act + Assert: one person only
        picker.value = [{ kind: 'contact', contactId: 'paul-klein' }];
        n = await resolveCount(scope, picker.value);
        expect(n).to.equal(1);
        await until(() => summary(picker) === t.summary(1), 5000, () => `summary 1 (is "${summary(picker)}")`);
      });
    }
  });

  describe('form association', () => {
    async function mountForm() {
      const form = await fixture<HTMLFormElement>(html`<form>
        <fieldset>
          <share-picker name="shares" required base-url="/api/v1" token="manager" scope="property:rosenweg-24" locale="de"></share-picker>
        </fieldset>
        <button type="submit">Senden</button>
      </form>`);
      const picker = form.querySelector('share-picker')!;
      await until(() => sr(picker).querySelectorAll('.role .count').length === 2, 5000, 'role counts');
      return { form, picker, fieldset: form.querySelector('fieldset')!, submit: form.querySelector<HTMLButtonElement>('button[type="submit"]')! };
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
      const expected = [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }, { kind: 'contact', contactId: 'sophie-wagner' }];
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

  describe('standalone and inside a provider', () => {
    it('works inside a provider (client, scope and locale from it)', async () => {
      // Arrange
      const provider = await fixture(html`<doc-provider base-url="/api/v1" token="manager" scope="unit:max-planck-12-w002" locale="en"><share-picker></share-picker></doc-provider>`);
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
      const lone = await fixture<SharePicker>(html`<share-picker base-url="/api/v1" token="manager"></share-picker>`);
      expect(text(lone.shadowRoot!.querySelector('.error'))).to.equal('Es ist kein Bereich (Liegenschaft oder Einheit) gewählt.');
      await expect(lone).to.be.accessible();
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
      expect(row.top >= list.top - 1 && row.bottom <= list.bottom + 1, 'the active option is scrolled into view').to.equal(true);
      const label = labelOf(active!);
      await press('Enter');
      expect(chips(picker).map((c) => text(c.querySelector('.chip-label')))).to.deep.equal([label]);
      await expect(picker).to.be.accessible();
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
        await until(() => chips(picker).length === 1 && !summary(picker).includes('…'), 5000, 'chip and summary');
        await expect(picker).to.be.accessible();
      });
    }
  });
});
