import { expect, fixture, html } from '@open-wc/testing';
import '../../index.ts';
import { clickOn } from '../../test/helpers.ts';
import { control, ready, until } from '../../test/setup.ts';
import { treeitems } from '../../test/tree-rows.ts';
import type { DocFolderTree } from './doc-folder-tree.component.ts';

const tree = (attrs: { mode: string; token?: string; locale?: string }) =>
  fixture<DocFolderTree>(html`<doc-folder-tree base-url="/api/v1" token=${attrs.token ?? 'manager'} scope="property:rosenweg-24" mode=${attrs.mode} locale=${attrs.locale ?? 'de'}></doc-folder-tree>`);

describe('<doc-folder-tree>: failures and empty states', () => {
  before(() => ready);
  afterEach(() => control('/faults', {}));

  it('a failed load shows the error notice (icon, words, "Erneut versuchen"), unlike the empty state; retry loads', async () => {
    // Arrange: a contact who sees nothing, for the empty state.
    const empty = await tree({ mode: 'browse', token: 'contact:paul-klein' });
    const emptyState = await until(() => empty.shadowRoot!.querySelector('.status:not(.loading)'), 5000, 'the empty state');
    // Act: every request fails.
    await control('/faults', { failRate: 1, failStatus: 503, retryAfter: 0 });
    const el = await tree({ mode: 'manage' });
    // Assert
    const notice = await until(() => el.shadowRoot!.querySelector<HTMLElement>('[part~="error"]'), 5000, 'the error notice');
    expect(notice.querySelector('svg'), 'an icon').to.exist;
    expect(notice.textContent).to.contain('Der Dienst ist gerade nicht erreichbar');
    const retry = [...notice.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Erneut versuchen');
    expect(retry, 'a retry button').to.exist;
    expect(empty.shadowRoot!.querySelector('[part~="error"]'), 'no error notice when simply empty').to.equal(null);
    expect(getComputedStyle(notice).borderTopStyle, 'the notice has a border').to.not.equal('none');
    expect(getComputedStyle(emptyState).borderTopStyle, 'the empty state has none').to.equal('none');
    await expect(el).to.be.accessible();
    // Act: the backend is back; the retry button loads.
    await control('/faults', {});
    await clickOn(retry!);
    await until(() => treeitems(el).length > 0, 5000, 'rows after retry');
    expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
  });
});
