// The picker never adds recipients nobody aimed at: the combobox as WAI-ARIA APG's list
// autocomplete, answers that always belong to the text in the field, and results that say the truth.
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createClient, type DocPortalClient } from '@docportal/core-sdk';
import '../../index.ts';
import {
  activeDeep,
  clickOn,
  describeEl,
  expectFocus,
  nextFrame,
  press,
  tabTo,
  type,
} from '../../test/helpers.ts';
import { control, ready, until, usesMockBackend } from '../../test/setup.ts';
import type { SharePicker } from './share-picker.component.ts';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const sr = (p: SharePicker) => p.shadowRoot!;
const combobox = (p: SharePicker) => sr(p).querySelector<HTMLInputElement>('input[role="combobox"]')!;
const listbox = (p: SharePicker) => sr(p).querySelector<HTMLElement>('[role="listbox"]')!;
const options = (p: SharePicker) => [...sr(p).querySelectorAll<HTMLElement>('[role="option"]')];
const labelOf = (o: Element) => text(o.querySelector('.option-label'));
const isOpen = (p: SharePicker) => combobox(p).getAttribute('aria-expanded') === 'true';

/** A real client whose requests are counted while they are under way, so a test can wait for quiet. */
function watchedClient(retry?: number): {
  client: DocPortalClient;
  searches: string[];
  quiet: () => Promise<void>;
} {
  const searches: string[] = [];
  let inflight = 0;
  const client = createClient({
    baseUrl: '/api/v1',
    token: 'manager',
    ...(retry === undefined ? {} : { retry }),
    fetch: async (input, init) => {
      const u = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (u.pathname.endsWith('/recipients')) searches.push(u.searchParams.get('q') ?? '');
      inflight++;
      try {
        return await fetch(input, init);
      } finally {
        inflight--;
      }
    },
  });
  // Quiet: nothing under way after the picker's debounce had time to send (a settle, not an assertion).
  const quiet = async () => {
    for (let calm = 0; calm < 3;) {
      await new Promise((r) => setTimeout(r, 120));
      calm = inflight === 0 ? calm + 1 : 0;
    }
    await nextFrame();
  };
  return { client, searches, quiet };
}

async function mountPicker(o: { scope?: string; locale?: 'de' | 'en'; client: DocPortalClient }) {
  const wrap = await fixture<HTMLDivElement>(
    html`<div>
      <button id="before" type="button">Vorher</button>
      <share-picker
        scope=${o.scope ?? 'property:rosenweg-24'}
        locale=${ifDefined(o.locale)}
        .client=${o.client}
      ></share-picker>
      <button id="after" type="button">Nachher</button>
    </div>`,
  );
  const picker = wrap.querySelector('share-picker')!;
  await until(() => sr(picker).querySelectorAll('.role .count').length === 2, 5000, 'role counts');
  return {
    picker,
    before: wrap.querySelector<HTMLButtonElement>('#before')!,
    after: wrap.querySelector<HTMLButtonElement>('#after')!,
  };
}

describe('<share-picker> adds only whom the person aimed at', () => {
  usesMockBackend();

  it('Tab into the search opens nothing, and Enter there adds nobody', async () => {
    // Arrange
    const w = watchedClient();
    const { picker, before } = await mountPicker({ locale: 'de', client: w.client });
    // Act
    before.focus();
    await tabTo((e) => e === combobox(picker), 'the recipient search');
    await w.quiet();
    // Assert: closed, nothing highlighted
    expect(isOpen(picker), 'the list opened on focus').to.equal(false);
    expect(listbox(picker).hidden).to.equal(true);
    expect(combobox(picker).hasAttribute('aria-activedescendant')).to.equal(false);
    // Act: Enter, as if to submit
    await press('Enter');
    await w.quiet();
    // Assert
    expect(picker.value).to.deep.equal([]);
    expect(isOpen(picker)).to.equal(false);
  });

  it('typing opens the list with nothing highlighted; Enter then adds nobody; Escape closes and keeps the text', async () => {
    // Arrange
    const w = watchedClient();
    const { picker } = await mountPicker({ locale: 'de', client: w.client });
    combobox(picker).focus();
    // Act
    await type('Rosenweg');
    await until(
      () => options(picker).length === 2 && options(picker).every((o) => labelOf(o).startsWith('Rosenweg')),
      5000,
      'two addresses',
    );
    // Assert
    expect(isOpen(picker)).to.equal(true);
    expect(
      combobox(picker).hasAttribute('aria-activedescendant'),
      'nothing highlighted before the person arrows',
    ).to.equal(false);
    expect(sr(picker).querySelectorAll('.option.active')).to.have.length(0);
    await press('Enter');
    await w.quiet();
    expect(picker.value, 'Enter without a highlighted option').to.deep.equal([]);
    // Act: Escape
    await press('Escape');
    // Assert
    expect(isOpen(picker)).to.equal(false);
    expect(combobox(picker).value).to.equal('Rosenweg');
    expect(picker.value).to.deep.equal([]);
    // Act: Alt+ArrowDown opens without highlighting; ArrowDown then highlights the first
    await press('Alt+ArrowDown');
    await until(() => isOpen(picker) && options(picker).length === 2, 5000, 'open again');
    expect(combobox(picker).hasAttribute('aria-activedescendant')).to.equal(false);
    await press('ArrowDown');
    expect(combobox(picker).getAttribute('aria-activedescendant')).to.equal(options(picker)[0]!.id);
    await press('Enter');
    expect(picker.value).to.deep.equal([
      { kind: 'address', addressId: 'rosenweg-24', roles: ['tenant', 'owner'] },
    ]);
  });

  it('type "Maiblume", at once ArrowDown and Enter: Kristina Maiblume, never the answer to older text', async () => {
    // Arrange
    const w = watchedClient();
    const { picker, before } = await mountPicker({
      scope: 'unit:max-planck-12-w002',
      locale: 'de',
      client: w.client,
    });
    before.focus();
    await tabTo((e) => e === combobox(picker), 'the recipient search');
    await w.quiet();
    // Act
    await type('Maiblume');
    await press('ArrowDown');
    await press('Enter');
    // Assert
    await until(() => picker.value.length > 0, 5000, 'a recipient chosen');
    await w.quiet();
    expect(picker.value).to.deep.equal([{ kind: 'contact', contactId: 'kristina-maiblume' }]);
  });

  it('options that no longer answer the text go at once; ArrowDown and Enter wait for the answer', async () => {
    // Arrange
    const w = watchedClient();
    const { picker } = await mountPicker({ locale: 'de', client: w.client });
    combobox(picker).focus();
    await type('Wohnung');
    await until(() => options(picker).length === 6, 5000, 'six units');
    await control('/faults', { latencyMs: 600 });
    // Act
    await type(' 10');
    await picker.updateComplete;
    // Assert: at once, only options that still answer "Wohnung 10"
    const now = options(picker).map(labelOf);
    expect(
      now.every((l) => l.startsWith('Wohnung 10')),
      `shown while waiting: ${now.join(', ')}`,
    ).to.equal(true);
    // Act: arrows and Enter before the answer
    await press('ArrowDown');
    await press('ArrowDown');
    await press('Enter');
    await control('/faults', {});
    await until(() => picker.value.length > 0, 5000, 'a recipient chosen');
    // Assert: the second option of the answer to "Wohnung 10"
    expect(picker.value).to.deep.equal([
      { kind: 'unit', unitId: 'rosenweg-24a-w102', roles: ['tenant', 'owner'] },
    ]);
    expect(w.searches.at(-1)).to.equal('Wohnung 10');
  });

  it('a click outside closes the list without adding', async () => {
    // Arrange
    const w = watchedClient();
    const { picker, after } = await mountPicker({ locale: 'de', client: w.client });
    combobox(picker).focus();
    await type('Rosenweg');
    await until(() => options(picker).length === 2, 5000, 'two addresses');
    await press('ArrowDown');
    // Act
    await clickOn(after);
    // Assert
    expect(isOpen(picker)).to.equal(false);
    expect(picker.value).to.deep.equal([]);
    if (activeDeep() !== after)
      throw new Error(`focus should be on the button, is on ${describeEl(activeDeep())}`);
  });

  it('Tab closes the list, also when focus goes on to a chip in the picker', async () => {
    // Arrange: one chip, then a search with the list open
    const w = watchedClient();
    const { picker } = await mountPicker({ locale: 'de', client: w.client });
    combobox(picker).focus();
    await type('Sophie');
    await until(() => options(picker).length === 1, 5000, 'Sophie');
    await press('ArrowDown');
    await press('Enter');
    await type('Rosenweg');
    await until(() => options(picker).length === 2, 5000, 'two addresses');
    // Act
    await press('Tab');
    // Assert
    expectFocus(sr(picker).querySelector('.chip button'), 'the chip’s remove button');
    expect(isOpen(picker)).to.equal(false);
    expect(picker.value).to.deep.equal([{ kind: 'contact', contactId: 'sophie-wagner' }]);
  });

  it('a form’s failed validation focuses the search without opening the list', async () => {
    // Arrange
    const w = watchedClient();
    const form = await fixture<HTMLFormElement>(
      html`<form @submit=${(e: Event) => e.preventDefault()}>
        <share-picker
          name="shares"
          required
          scope="property:rosenweg-24"
          locale="de"
          .client=${w.client}
        ></share-picker>
        <button type="submit">Senden</button>
      </form>`,
    );
    const picker = form.querySelector('share-picker')!;
    await until(() => sr(picker).querySelectorAll('.role .count').length === 2, 5000, 'role counts');
    const submit = form.querySelector('button')!;
    // Act
    await clickOn(submit);
    await w.quiet();
    // Assert
    expectFocus(combobox(picker), 'the search');
    expect(isOpen(picker)).to.equal(false);
    expect(options(picker)).to.have.length(0);
    // Act: a click where the button is now adds nothing and submits nothing
    const r = submit.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)],
    });
    await w.quiet();
    expect(picker.value).to.deep.equal([]);
  });
});

describe('<share-picker> results that tell the truth', () => {
  usesMockBackend();

  for (const [locale, words] of [
    ['de', 'Mehr als 50 Treffer – bitte verfeinern Sie die Suche.'],
    ['en', 'More than 50 matches — refine your search.'],
  ] as const) {
    it(`a capped answer says so (${locale}); a complete one does not`, async () => {
      // Arrange
      await control('/reset', { dataset: 'large' });
      const w = watchedClient();
      const { picker } = await mountPicker({ scope: 'property:grosssiedlung', locale, client: w.client });
      combobox(picker).focus();
      // Act
      await type('Wohnung');
      const note = await until(
        () => sr(picker).querySelector('.list-note'),
        10000,
        'the note under the list',
      );
      // Assert
      expect(text(note)).to.equal(words);
      expect(Number(options(picker)[0]!.getAttribute('aria-setsize'))).to.equal(50);
      expect(text(sr(picker).querySelector('[role="status"]'))).to.contain(words);
      // Act: a narrower search
      await type(' 10');
      await until(
        () =>
          options(picker)[0]?.getAttribute('aria-setsize') === '40' &&
          text(sr(picker).querySelector('[role="status"]')) !== '',
        10000,
        'the 40 answers to "Wohnung 10"',
      );
      expect(sr(picker).querySelector('.list-note')).to.equal(null);
    });
  }

  it('a failed search says it failed and offers to try again, never "no matches"', async () => {
    // Arrange
    const w = watchedClient(0);
    const { picker } = await mountPicker({ locale: 'de', client: w.client });
    combobox(picker).focus();
    await control('/faults', { failRate: 1, failStatus: 503, retryAfter: 0 });
    // Act
    await type('Sophie');
    const alert = await until(() => sr(picker).querySelector('[role="alert"]'), 5000, 'the failure');
    // Assert
    expect(text(alert)).to.contain('Die Suche ist fehlgeschlagen.');
    expect(text(alert)).to.contain('Der Dienst ist gerade nicht erreichbar.');
    expect(text(sr(picker).querySelector('.combo'))).not.to.contain('Keine Treffer');
    const again = alert.querySelector('button')!;
    expect(text(again)).to.equal('Erneut versuchen');
    // Act: the server is back; try again with the mouse
    await control('/faults', {});
    await clickOn(again);
    // Assert
    await until(
      () => options(picker).length === 1 && labelOf(options(picker)[0]!) === 'Sophie Wagner',
      5000,
      'Sophie after trying again',
    );
    expect(sr(picker).querySelector('[role="alert"]')).to.equal(null);
    expectFocus(combobox(picker), 'the search');
  });

  it('chosen options are marked selected with a check, and the list takes them away again', async () => {
    // Arrange
    const w = watchedClient();
    const { picker } = await mountPicker({ locale: 'de', client: w.client });
    combobox(picker).focus();
    await type('Sophie');
    await until(() => options(picker).length === 1, 5000, 'Sophie');
    expect(options(picker)[0]!.getAttribute('aria-selected')).to.equal('false');
    await press('ArrowDown');
    await press('Enter');
    expect(picker.value).to.deep.equal([{ kind: 'contact', contactId: 'sophie-wagner' }]);
    // Act: the same search again
    await type('Sophie');
    const option = await until(
      () => options(picker).length === 1 && options(picker)[0],
      5000,
      'Sophie again',
    );
    // Assert
    expect(listbox(picker).getAttribute('aria-multiselectable')).to.equal('true');
    expect(option.getAttribute('aria-selected')).to.equal('true');
    expect(option.querySelector('svg'), 'a check mark').to.exist;
    // Act: Enter on it takes it away
    await press('ArrowDown');
    await press('Enter');
    expect(picker.value).to.deep.equal([]);
  });

  for (const [locale, counting, four] of [
    ['de', 'Anzahl der Empfänger wird berechnet …', '4 Empfänger · werden morgen per E-Mail benachrichtigt'],
    ['en', 'Number of recipients: calculating …', '4 recipients · will be notified by e-mail tomorrow'],
  ] as const) {
    it(`the count line says it is counting, and the live region says only the settled count, once (${locale})`, async () => {
      // Arrange
      const w = watchedClient();
      const { picker } = await mountPicker({ locale, client: w.client });
      await w.quiet();
      const lines: string[] = [];
      const spoken: string[] = [];
      const live = () =>
        [...sr(picker).querySelectorAll('[role="status"], [aria-live]')].filter((e) => !e.closest('.combo'));
      const observer = new MutationObserver(() => {
        const line = text(sr(picker).querySelector('.summary'));
        if (lines.at(-1) !== line) lines.push(line);
        for (const e of live()) if (text(e) && spoken.at(-1) !== text(e)) spoken.push(text(e));
      });
      observer.observe(sr(picker), { subtree: true, childList: true, characterData: true });
      // Act
      await clickOn(sr(picker).querySelector<HTMLInputElement>('input[type="checkbox"]')!);
      await until(
        () => text(sr(picker).querySelector('.summary')) === four,
        5000,
        () => `four (is ${text(sr(picker).querySelector('.summary'))})`,
      );
      await w.quiet();
      observer.disconnect();
      // Assert
      expect(lines).to.deep.equal([counting, four]);
      expect(spoken).to.deep.equal([four]);
    });
  }
});

describe('<share-picker> chips that say what they mean', () => {
  before(async () => {
    await ready;
  });
  beforeEach(async () => {
    await control('/reset', {});
  });

  /** What a chip reads: name, kind, and for addresses, units and properties the audience chosen. */
  const reading = (chip: Element) => {
    const select = chip.querySelector('select');
    return [
      text(chip.querySelector('.chip-label')),
      text(chip.querySelector('.chip-kind')),
      select ? text(select.selectedOptions[0]) : '',
    ]
      .join(' ')
      .trim();
  };
  const chips = (p: SharePicker) => [...sr(p).querySelectorAll('.chip')];

  for (const [locale, address, narrowed, group, person] of [
    [
      'de',
      'Rosenweg 24 · Adresse · Mieter und Eigentümer',
      'Rosenweg 24 · Adresse · nur Mieter',
      'Verwaltungsbeirat · Gruppe',
      'Sophie Wagner · Person',
    ],
    [
      'en',
      'Rosenweg 24 · Address · tenants and owners',
      'Rosenweg 24 · Address · tenants only',
      'Verwaltungsbeirat · Group',
      'Sophie Wagner · Person',
    ],
  ] as const) {
    it(`every chip says kind and audience; the keyboard narrows an address to its tenants (${locale})`, async () => {
      // Arrange
      const w = watchedClient();
      const { picker } = await mountPicker({ locale, client: w.client });
      const pick = async (text: string, label: string) => {
        combobox(picker).focus();
        await type(text);
        await until(() => options(picker).length > 0 && labelOf(options(picker)[0]!) === label, 5000, label);
        await press('ArrowDown');
        await press('Enter');
      };
      await pick('Rosenweg 24', 'Rosenweg 24');
      await pick('Beirat', 'Verwaltungsbeirat');
      await pick('Sophie', 'Sophie Wagner');
      // Assert
      expect(chips(picker).map(reading)).to.deep.equal([address, group, person]);
      // Act: Tab to the address's audience, one arrow down
      const select = chips(picker)[0]!.querySelector('select')!;
      await tabTo((e) => e === select, 'the audience of Rosenweg 24');
      await press('ArrowDown');
      // Assert
      expect(picker.value[0]).to.deep.equal({ kind: 'address', addressId: 'rosenweg-24', roles: ['tenant'] });
      expect(reading(chips(picker)[0]!)).to.equal(narrowed);
      expect(chips(picker)).to.have.length(3);
      await expect(picker).to.be.accessible();
    });
  }
});
