// The count line under the picker: what it says before, during and after a count, and when the
// count fails. It sits above the buttons of a form, so it must not change height without cause.
import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@docportal/core-sdk';
import '../../index.ts';
import { clickOn, watchSecondRenders } from '../../test/helpers.ts';
import { mountPicker } from '../../test/picker.ts';
import { control, until, usesMockBackend } from '../../test/setup.ts';
import type { SharePicker } from './share-picker.component.ts';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const summary = (p: SharePicker) => text(p.shadowRoot!.querySelector('.summary'));
const tenants = (p: SharePicker) => p.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;

describe('<share-picker> the count line', () => {
  usesMockBackend();

  for (const [locale, none] of [
    ['de', 'Noch keine Empfänger · nur die Verwaltung sieht das Dokument'],
    ['en', 'No recipients yet · only the management sees the document'],
  ] as const) {
    it(`with nothing chosen it says so from the first frame, without a count on its way (${locale})`, async () => {
      // Arrange: every answer takes a while, so a count on its way would show.
      await control('/faults', { latencyMs: 400 });
      const lines: string[] = [];
      // Act
      const picker = await fixture<SharePicker>(
        html`<share-picker
          base-url="/api/v1"
          token="manager"
          scope="property:rosenweg-24"
          locale=${locale}
        ></share-picker>`,
      );
      const watch = new MutationObserver(() => lines.push(summary(picker)));
      watch.observe(picker.shadowRoot!, { subtree: true, childList: true, characterData: true });
      lines.push(summary(picker));
      await until(
        () => picker.shadowRoot!.querySelectorAll('.role .count').length === 2,
        5000,
        'role counts',
      );
      watch.disconnect();
      // Assert
      expect([...new Set(lines)]).to.deep.equal([none]);
    });
  }

  it('a failed count shows the notice with "Erneut versuchen" instead of an empty line; the retry counts', async () => {
    // Arrange: a client that does not retry by itself, so the failure shows at once.
    const client = createClient({ baseUrl: '/api/v1', token: 'manager', retry: 0 });
    const { picker } = await mountPicker({ locale: 'de', client });
    // Act: the count fails.
    await control('/faults', { failRate: 1, failStatus: 503, retryAfter: 0 });
    await clickOn(tenants(picker));
    const notice = await until(
      () => picker.shadowRoot!.querySelector<HTMLElement>('[part~="error"]'),
      5000,
      'the notice',
    );
    // Assert
    expect(text(notice)).to.contain('Die Empfänger konnten nicht gezählt werden.');
    expect(text(notice)).to.contain('Der Dienst ist gerade nicht erreichbar');
    expect(notice.getAttribute('role'), 'said once').to.equal('alert');
    expect(picker.value, 'the choice stays').to.have.length(1);
    await expect(picker).to.be.accessible();
    // Act: the backend is back; "Erneut versuchen" counts.
    await control('/faults', {});
    const renders = watchSecondRenders();
    await clickOn([...notice.querySelectorAll('button')].find((b) => text(b) === 'Erneut versuchen')!);
    await until(
      () => summary(picker) === '4 Empfänger · werden morgen per E-Mail benachrichtigt',
      5000,
      () => `the count (is "${summary(picker)}")`,
    );
    expect(picker.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    // The focused "Erneut versuchen" went with the notice: one render for it, not a second one.
    await picker.updateComplete;
    renders.stop();
    expect(renders.warnings, 'renders from inside a render').to.deep.equal([]);
  });
});

describe('<share-picker> role counts belong to the scope shown', () => {
  usesMockBackend();

  it('an answer for the previous scope that arrives last does not replace the counts of the new one', async () => {
    // Arrange: the answers for Rosenweg 24 take 600 ms, those for the unit come at once.
    const client = createClient({
      baseUrl: '/api/v1',
      token: 'manager',
      fetch: async (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (/scope=property(:|%3A)rosenweg-24\b/.test(url)) await new Promise((r) => setTimeout(r, 600));
        return fetch(input, init);
      },
    });
    const picker = await fixture<SharePicker>(
      html`<share-picker .client=${client} scope="property:rosenweg-24" locale="de"></share-picker>`,
    );
    const roles = () => [...picker.shadowRoot!.querySelectorAll('.role')].map(text).join();
    // Act: the scope changes while the first answer is on its way.
    picker.setAttribute('scope', 'unit:max-planck-12-w002');
    await until(
      () => roles() === 'Alle Mieter (1),Alle Eigentümer (1)',
      5000,
      () => `the unit's counts (are ${roles()})`,
    );
    await new Promise((r) => setTimeout(r, 900));
    // Assert: Rosenweg 24's answer (4 tenants, 2 owners) came and went unseen.
    expect(roles()).to.equal('Alle Mieter (1),Alle Eigentümer (1)');
  });
});
