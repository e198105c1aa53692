// One error notice for every element (error-notice.ts): the uploader's and the picker's failures
// look, read and act like the folder tree's: the same parts, an icon, the words for the error's
// code, "Erneut versuchen" that tries again, and each failure heard once.
import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@docportal/core-sdk';
import '../index.ts';
import { clickOn, press, type } from '../test/helpers.ts';
import { control, dropFiles, until, usesMockBackend } from '../test/setup.ts';
import { cardReady, cards, dropzone, mount, pdf, submitButton, readyToSend } from '../test/uploader.ts';
import { combobox, mountPicker, options, sr } from '../test/picker.ts';

const DOWN = { failRate: 1, failStatus: 503, retryAfter: 0 };
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** What makes a notice the shared one: its parts, icon, text box and retry button. */
function shape(notice: Element) {
  const retry = [...notice.querySelectorAll('button')].find((b) =>
    (b.getAttribute('part') ?? '').split(' ').includes('retry'),
  );
  return {
    class: notice.classList.contains('notice'),
    parts: (notice.getAttribute('part') ?? '')
      .split(' ')
      .filter((p) => p === 'notice' || p === 'error')
      .sort(),
    icon: notice.firstElementChild?.localName,
    text: !!notice.querySelector(':scope > .grow'),
    retry: retry && { part: retry.getAttribute('part'), words: text(retry) },
  };
}

/** The tree's notice when its load fails: the reference. */
async function treeShape(): Promise<ReturnType<typeof shape>> {
  await control('/faults', DOWN);
  const tree = await fixture<HTMLElement>(
    html`<doc-folder-tree
      base-url="/api/v1"
      token="manager"
      scope="property:rosenweg-24"
      mode="browse"
      locale="de"
    ></doc-folder-tree>`,
  );
  const notice = await until(
    () => tree.shadowRoot!.querySelector('[part~="error"]'),
    5000,
    'the tree’s notice',
  );
  await control('/faults', {});
  return shape(notice);
}

describe('one error notice in every element', () => {
  usesMockBackend();

  it('the tree’s notice is the reference: notice and error parts, icon, text, "Erneut versuchen"', async () => {
    expect(await treeShape()).to.deep.equal({
      class: true,
      parts: ['error', 'notice'],
      icon: 'svg',
      text: true,
      retry: { part: 'button retry', words: 'Erneut versuchen' },
    });
  });

  it('the uploader’s failed load of the document types: the same notice, heard once, and its retry loads them', async () => {
    // Arrange
    const reference = await treeShape();
    await control('/faults', DOWN);
    // Act
    const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
    const notice = await until(() => m.root.querySelector('[part~="error"]'), 5000, 'the uploader’s notice');
    // Assert
    expect(shape(notice)).to.deep.equal(reference);
    expect(text(notice)).to.contain('Der Dienst ist gerade nicht erreichbar');
    expect(notice.getAttribute('role'), 'heard by its alert').to.equal('alert');
    expect(text(m.root.querySelector('[role="status"]')), 'and not again by the status line').to.equal('');
    // Act: the server is back
    await control('/faults', {});
    await clickOn(notice.querySelector('[part~="retry"]')!);
    // Assert
    await until(() => !m.root.querySelector('[part~="error"]'), 5000, 'the notice gone');
    dropFiles(dropzone(m.root), [pdf('Hausordnung')]);
    await cardReady(m.root);
    expect(m.root.contains(m.root.activeElement) || m.root.activeElement === null).to.equal(true);
  });

  it('a file’s failed upload: the same notice, heard once (its alert names the file; the status line stays quiet)', async () => {
    // Arrange
    const reference = await treeShape();
    const m = await mount({
      scope: 'property:rosenweg-24',
      locale: 'de',
      client: createClient({ baseUrl: '/api/v1', token: 'manager', retry: 0 }),
    });
    await readyToSend(m, pdf('Hausordnung'));
    const status = m.root.querySelector('.sr-only[role="status"]')!;
    const heard: string[] = [];
    const watch = new MutationObserver(() => heard.push(text(status)));
    watch.observe(status, { subtree: true, childList: true, characterData: true });
    await control('/faults', DOWN);
    // Act
    submitButton(m.root)!.click();
    const notice = await until(
      () => cards(m.root)[0]!.querySelector('[part~="notice"]'),
      5000,
      'the failure',
    );
    await new Promise((r) => setTimeout(r, 100));
    watch.disconnect();
    // Assert
    expect(shape(notice)).to.deep.equal(reference);
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(text(notice)).to.contain('Hausordnung.pdf');
    expect(text(notice)).to.contain('Der Dienst ist gerade nicht erreichbar');
    expect(
      heard.filter((s) => s.includes('Der Dienst')),
      'the status line does not say it again',
    ).to.deep.equal([]);
  });

  it('a refused file: the same look, with its close button', async () => {
    const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
    dropFiles(dropzone(m.root), [new File(['x'], 'leer.txt')]);
    const notice = await until(() => m.root.querySelector('[role="alert"]'), 5000, 'the refusal');
    const s = shape(notice);
    expect([s.class, s.parts, s.icon, s.text]).to.deep.equal([true, ['error', 'notice'], 'svg', true]);
    expect(notice.querySelector('[part~="dismiss"]')!.getAttribute('aria-label')).to.equal(
      'Hinweis schließen',
    );
  });

  it('the picker’s failed search: the same notice, and its retry searches again', async () => {
    // Arrange
    const reference = await treeShape();
    const client = createClient({ baseUrl: '/api/v1', token: 'manager', retry: 0 });
    const { picker } = await mountPicker({ locale: 'de', client });
    combobox(picker).focus();
    await control('/faults', DOWN);
    // Act
    await type('Sophie');
    const notice = await until(() => sr(picker).querySelector('[role="alert"]'), 5000, 'the failure');
    // Assert
    expect(shape(notice)).to.deep.equal(reference);
    expect(notice.getAttribute('part')!.split(' '), 'the part it had').to.include('list-note');
    expect(text(notice)).to.contain('Die Suche ist fehlgeschlagen.');
    // A phone's width, the picker on its own (no container around it): the button goes below the text.
    picker.style.cssText = 'display: block; width: 340px';
    const words = notice.querySelector('.grow')!.getBoundingClientRect();
    expect(
      notice.querySelector('button')!.getBoundingClientRect().top,
      'the button below the text',
    ).to.be.at.least(words.bottom - 1);
    expect(words.width, 'the text keeps the width').to.be.above(250);
    // Act: the server is back; Tab to "Erneut versuchen" and press it
    await control('/faults', {});
    await press('Tab');
    expect(sr(picker).activeElement?.getAttribute('part')).to.equal('button retry');
    await press('Enter');
    // Assert
    await until(() => options(picker).length === 1, 5000, 'Sophie after trying again');
    expect(sr(picker).querySelector('[part~="error"]')).to.equal(null);
  });
});
