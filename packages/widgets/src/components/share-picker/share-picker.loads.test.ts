// The picker's loads of a scope it moved on from: the role counts and the chips' names on their way
// are aborted, and their answers, arriving last, never replace those of the scope shown.
import { expect, fixture, html } from '@open-wc/testing';
import '../../index.ts';
import { lateFor } from '../../test/late.ts';
import { until, usesMockBackend } from '../../test/setup.ts';
import type { SharePicker } from './share-picker.component.ts';

const counts = (picker: SharePicker) =>
  [...picker.shadowRoot!.querySelectorAll('.role .count')].map((c) => c.textContent!.trim());

describe('<share-picker> loads of a scope left', () => {
  usesMockBackend();

  it('aborts the role counts and names still on their way, and keeps those of the scope shown', async () => {
    // Arrange: everything the picker asks of Rosenweg 24's recipients comes late; a contact of
    // Rosenweg 24 is chosen, so its name is asked for too.
    const { client, late, aborted, settled } = lateFor('property:rosenweg-24', '/recipients');
    const picker = await fixture<SharePicker>(
      html`<share-picker
        .client=${client}
        scope="property:rosenweg-24"
        locale="de"
        .value=${[{ kind: 'contact', contactId: 'ahmet-yilmaz' }]}
      ></share-picker>`,
    );
    const asked = () => late.filter((r) => !r.signal?.aborted).map((r) => r.url.searchParams.get('limit'));
    await until(
      () => asked().sort().join() === '100,3',
      5000,
      "Rosenweg 24's role counts and names asked for",
    );
    // Act: the same manager, another property, while they are on their way.
    picker.scope = 'property:max-planck-12';
    await until(() => counts(picker).length === 2, 5000, "Max-Planck-Straße 12's role counts");
    const shown = counts(picker);
    await settled();
    await picker.updateComplete;
    // Assert
    expect(
      aborted(),
      "Rosenweg 24's requests, the role counts' (limit 3) and the names' (limit 100)",
    ).to.not.include(false);
    expect(counts(picker), 'the counts of Max-Planck-Straße 12 stay').to.deep.equal(shown);
  });
});
