import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { createClient, type ShareTarget } from '@docportal/core-sdk';
import { makePdf } from '@docportal/mock-server/testing';
import '../../index.ts';
import { api, clickOn, expectFocus, press, tabTo } from '../../test/helpers.ts';
import { control, ready, until } from '../../test/setup.ts';
import { rowNamed, treeitems } from '../../test/tree-rows.ts';
import type { DocFolderTree } from './doc-folder-tree.component.ts';

const manager = () => createClient({ baseUrl: '/api/v1', token: 'manager' });

const tree = (attrs: { mode: string; token?: string; locale?: string }) =>
  fixture<DocFolderTree>(
    html`<doc-folder-tree
      base-url="/api/v1"
      token=${attrs.token ?? 'manager'}
      scope="property:rosenweg-24"
      mode=${attrs.mode}
      locale=${attrs.locale ?? 'de'}
    ></doc-folder-tree>`,
  );

describe('<doc-folder-tree>: failures and empty states', () => {
  before(() => ready);
  afterEach(() => control('/faults', {}));

  it('a failed load shows the error notice (icon, words, "Erneut versuchen"), unlike the empty state; retry loads', async () => {
    // Arrange: a contact who sees nothing, for the empty state.
    const empty = await tree({ mode: 'browse', token: 'contact:paul-klein' });
    const emptyState = await until(
      () => empty.shadowRoot!.querySelector('.status:not(.loading)'),
      5000,
      'the empty state',
    );
    // Act: every request fails.
    await control('/faults', { failRate: 1, failStatus: 503, retryAfter: 0 });
    const el = await tree({ mode: 'manage' });
    // Assert
    const notice = await until(
      () => el.shadowRoot!.querySelector<HTMLElement>('[part~="error"]'),
      5000,
      'the error notice',
    );
    expect(notice.querySelector('svg'), 'an icon').to.exist;
    expect(notice.textContent).to.contain('Der Dienst ist gerade nicht erreichbar');
    const retry = [...notice.querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Erneut versuchen',
    );
    expect(retry, 'a retry button').to.exist;
    expect(empty.shadowRoot!.querySelector('[part~="error"]'), 'no error notice when simply empty').to.equal(
      null,
    );
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

interface ServerType {
  id: string;
  name: string;
  parentId: string | null;
  position: number;
}
const serverTypes = async (): Promise<ServerType[]> =>
  (await api<{ items: ServerType[] }>('/document-types?scope=property:rosenweg-24')).body.items;
const place = async (id: string) => {
  const all = await serverTypes();
  const t = all.find((x) => x.id === id)!;
  const sibs = all.filter((x) => x.parentId === t.parentId).sort((a, b) => a.position - b.position);
  return { parentId: t.parentId, index: sibs.findIndex((x) => x.id === id) };
};
const adminButton = (el: DocFolderTree, text: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="admin"] button')].find(
    (b) => b.textContent!.trim() === text,
  );
const live = (el: DocFolderTree) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

async function admin(): Promise<DocFolderTree> {
  const el = await fixture<DocFolderTree>(
    html`<div>
      <button>Before</button
      ><doc-folder-tree
        base-url="/api/v1"
        token="manager"
        scope="property:rosenweg-24"
        mode="admin"
        locale="de"
        style="--doc-tree-height: 30rem"
      ></doc-folder-tree>
    </div>`,
  ).then((d) => d.querySelector<DocFolderTree>('doc-folder-tree')!);
  await until(() => treeitems(el).length, 5000, 'rows');
  return el;
}

describe('<doc-folder-tree>: folder admin', () => {
  before(() => ready);
  beforeEach(() => control('/reset', {}));

  it('deleting a folder asks first; cancel keeps it, confirming deletes it on the server', async () => {
    // Arrange: an empty folder, selected.
    const made = await manager().documentTypes.create({ name: 'Verträge', parentId: null });
    const el = await admin();
    (await until(() => rowNamed(el, 'Verträge'), 5000, 'the new folder')).click();
    // Act
    await clickOn(adminButton(el, 'Ordner löschen')!);
    // Assert: a question, focus on its answer, nothing deleted yet.
    const confirm = await until(
      () => el.shadowRoot!.querySelector<HTMLElement>('[part~="confirm"]'),
      3000,
      'the confirmation',
    );
    expect(confirm.textContent).to.contain('Verträge');
    expect(
      (await serverTypes()).some((t) => t.id === made.id),
      'still on the server',
    ).to.equal(true);
    const [yes, no] = [...confirm.querySelectorAll('button')];
    expectFocus(yes, 'the confirm button');
    await clickOn(no!);
    expect(el.shadowRoot!.querySelector('[part~="confirm"]')).to.equal(null);
    expect(
      (await serverTypes()).some((t) => t.id === made.id),
      'kept after cancel',
    ).to.equal(true);
    // Act again, by keyboard: Enter on the delete button, Enter on the confirmation.
    adminButton(el, 'Ordner löschen')!.focus();
    await press('Enter');
    await until(() => el.shadowRoot!.querySelector('[part~="confirm"]'), 3000, 'the confirmation');
    await press('Enter');
    await until(
      async () => !(await serverTypes()).some((t) => t.id === made.id),
      5000,
      'deleted on the server',
    );
    await until(() => !rowNamed(el, 'Verträge'), 5000, 'the row gone');
    expect(el.shadowRoot!.activeElement, 'focus stays in the tree').to.not.equal(null);
  });

  it('moves a folder by the visible actions, with the mouse', async () => {
    // Arrange: Pläne, second of Objektunterlagen's children.
    const el = await admin();
    rowNamed(el, 'Objektunterlagen')!.click();
    (await until(() => rowNamed(el, 'Pläne'), 5000, 'Pläne')).click();
    const start = await place('plaene');
    // Act + Assert: each button moves it on the server.
    const up = adminButton(el, 'Nach oben')!;
    expect(up.textContent!.trim()).to.equal('Nach oben');
    // Up then down when it has a sibling above, else down then up: either way back where it was.
    const [there, back] =
      start.index > 0 ? [up, 'Nach unten'] : [adminButton(el, 'Nach unten')!, 'Nach oben'];
    // Each next button is pressed once the tree shows where the last one put the folder, as a
    // person would: before, the buttons still act on the old place.
    const shown = (level: number, pos: number) =>
      until(
        () => {
          const row = rowNamed(el, 'Pläne');
          return (
            row?.getAttribute('aria-level') === String(level) &&
            row.getAttribute('aria-posinset') === String(pos) &&
            row
          );
        },
        5000,
        `Pläne shown at level ${level}, position ${pos}`,
      );
    await clickOn(there);
    await until(
      async () => (await place('plaene')).index !== start.index,
      5000,
      `moved by ${there.textContent!.trim()}`,
    );
    await shown(2, (await place('plaene')).index + 1);
    await clickOn(adminButton(el, back)!);
    await until(async () => (await place('plaene')).index === start.index, 5000, `moved back by ${back}`);
    await shown(2, start.index + 1);
    await clickOn(adminButton(el, 'Heraus')!);
    await until(async () => (await place('plaene')).parentId === null, 5000, 'moved out');
    await shown(1, (await place('plaene')).index + 1);
    await clickOn(adminButton(el, 'Hinein')!);
    await until(async () => (await place('plaene')).parentId !== null, 5000, 'moved into the folder above');
    expect(live(el)).to.contain('verschoben');
  });

  it('moves a folder by the visible actions, with the keyboard alone; focus never lost', async () => {
    const el = await admin();
    const row = rowNamed(el, 'Objektunterlagen')!;
    row.focus();
    await press('ArrowRight');
    await until(() => rowNamed(el, 'Pläne'), 5000, 'Pläne');
    while (
      (el.shadowRoot!.activeElement as HTMLElement | null)?.querySelector('.name')?.textContent?.trim() !==
      'Pläne'
    )
      await press('ArrowDown');
    await press('Enter'); // selects it
    const start = await place('plaene');
    await tabTo((a) => a.textContent?.trim() === 'Nach unten', 'Nach unten', 20, true);
    await press('Enter');
    await until(async () => (await place('plaene')).index === start.index + 1, 5000, 'moved down');
    expect(el.shadowRoot!.activeElement, 'focus stays in the tree').to.not.equal(null);
    await tabTo((a) => a.textContent?.trim() === 'Heraus', 'Heraus', 12, true);
    await press(' ');
    await until(async () => (await place('plaene')).parentId === null, 5000, 'moved out');
    expect(el.shadowRoot!.activeElement, 'focus stays in the tree').to.not.equal(null);
  });

  it('"Neuer Ordner" and "Umbenennen" put focus into a visibly labelled name field', async () => {
    const el = await admin();
    rowNamed(el, 'Objektunterlagen')!.click();
    await clickOn(adminButton(el, 'Neuer Ordner')!);
    const field = await until(
      () => el.shadowRoot!.querySelector<HTMLInputElement>('#folder-name'),
      3000,
      'the name field',
    );
    await until(() => el.shadowRoot!.activeElement === field, 3000, 'focus in the name field');
    const label = el.shadowRoot!.querySelector<HTMLElement>('label[for="folder-name"]')!;
    expect(label.getBoundingClientRect().width, 'the label is visible').to.be.above(20);
    expect(label.classList.contains('sr-only')).to.equal(false);
    await press('Escape');
    await clickOn(adminButton(el, 'Umbenennen')!);
    await until(
      () => el.shadowRoot!.activeElement?.id === 'folder-name',
      3000,
      'focus in the name field on rename',
    );
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#folder-name')!.value).to.equal(
      'Objektunterlagen',
    );
  });

  it('a long folder name is readable in full', async () => {
    const long = 'Sehr lange Bezeichnung eines Ordners für Verträge mit Dienstleistern und Versorgern';
    await manager().documentTypes.create({ name: long, parentId: null });
    const el = await admin();
    const row = await until(() => rowNamed(el, long), 5000, 'the long name');
    expect(row.querySelector('.name')!.getAttribute('title')).to.equal(long);
  });
});

describe('<doc-folder-tree>: the editor (manage)', () => {
  before(() => ready);
  beforeEach(() => control('/reset', {}));

  async function openEditor(
    width: string,
    shares: ShareTarget[] = [],
  ): Promise<{ el: DocFolderTree; row: HTMLElement }> {
    await manager().documents.upload(
      new File([makePdf('Hausordnung') as Uint8Array<ArrayBuffer>], 'Hausordnung.pdf'),
      { documentTypeId: 'objektunterlagen', scope: { kind: 'property', id: 'rosenweg-24' }, shares },
    );
    const box = await fixture<HTMLElement>(
      html`<div style="width: ${width}">
        <doc-folder-tree
          base-url="/api/v1"
          token="manager"
          scope="property:rosenweg-24"
          mode="manage"
          locale="de"
        ></doc-folder-tree>
      </div>`,
    );
    const el = box.firstElementChild as DocFolderTree;
    (await until(() => rowNamed(el, 'Objektunterlagen'), 5000, 'rows')).click();
    const row = await until(() => rowNamed(el, 'Hausordnung'), 5000, 'the document');
    row.focus();
    await press('Enter');
    await until(() => el.shadowRoot!.querySelector('[part~="editor"]'), 5000, 'the editor');
    return { el, row };
  }

  it('beside the tree when there is room, below it when not; the row being edited is marked', async () => {
    await setViewport({ width: 1280, height: 800 });
    const wide = await openEditor('1100px');
    const [scroller, editor] = [
      wide.el.shadowRoot!.querySelector('.scroller')!,
      wide.el.shadowRoot!.querySelector('[part~="editor"]')!,
    ].map((e) => e.getBoundingClientRect());
    expect(editor!.left, 'beside').to.be.at.least(scroller!.right);
    expect(editor!.top).to.be.below(scroller!.bottom);
    const row = rowNamed(wide.el, 'Hausordnung')!;
    expect(row.getAttribute('part')).to.contain('row--editing');
    expect(row.getAttribute('aria-current')).to.equal('true');
    const save = [...wide.el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="editor"] button')].find(
      (b) => b.textContent!.trim() === 'Änderungen speichern',
    )!;
    expect(save.getBoundingClientRect().bottom, '"Änderungen speichern" in view').to.be.at.most(800);
    await control('/reset', {});
    const narrow = await openEditor('400px');
    const [s2, e2] = [
      narrow.el.shadowRoot!.querySelector('.scroller')!,
      narrow.el.shadowRoot!.querySelector('[part~="editor"]')!,
    ].map((e) => e.getBoundingClientRect());
    expect(e2!.top, 'below').to.be.at.least(s2!.bottom);
  });

  for (const width of ['900px', '340px'])
    it(`on a document already shared (${width}): the buttons stay where they are while the count line settles`, async () => {
      // Arrange: counting takes a while, so that the line is seen counting first
      const { el } = await openEditor(width, [
        { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant', 'owner'] },
      ]);
      const picker = el.shadowRoot!.querySelector('share-picker')!;
      const line = () => picker.shadowRoot!.querySelector('.summary')?.textContent ?? '';
      await control('/faults', { latencyMs: 600 });
      const save = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="editor"] button')].find(
        (b) => b.textContent!.trim() === 'Änderungen speichern',
      )!;
      // Act: a change of the recipients starts a new count
      const owners = [...picker.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')][1]!;
      owners.click();
      await until(() => line().includes('berechnet'), 3000, 'the count line counting');
      const top = save.getBoundingClientRect().top;
      // Assert
      await until(() => /\d/.test(line()) && !line().includes('berechnet'), 5000, 'the count settled');
      expect(save.getBoundingClientRect().top, '"Änderungen speichern" did not move').to.equal(top);
      await control('/faults', {});
    });

  it('Escape closes the editor and returns focus to its row', async () => {
    const { el } = await openEditor('900px');
    const title = el.shadowRoot!.querySelector<HTMLInputElement>('#edit-title')!;
    title.focus();
    await press('Escape');
    await until(() => !el.shadowRoot!.querySelector('[part~="editor"]'), 3000, 'the editor closed');
    expectFocus(rowNamed(el, 'Hausordnung'), 'the document’s row');
  });

  it('"Wer hat heruntergeladen?" shows the answer next to the button and says it', async () => {
    const { el } = await openEditor('900px');
    const who = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="editor"] button')].find(
      (b) => b.textContent!.trim() === 'Wer hat heruntergeladen?',
    )!;
    // The buttons stay where they are while the picker above them settles (a click aims at them).
    const top = who.getBoundingClientRect().top;
    const picker = el.shadowRoot!.querySelector('share-picker')!;
    await until(
      () => picker.shadowRoot!.querySelector('.summary')?.textContent?.includes('Noch keine Empfänger'),
      5000,
      'the picker settled',
    );
    expect(who.getBoundingClientRect().top, 'the button did not move').to.equal(top);
    await clickOn(who);
    const answer = await until(
      () => el.shadowRoot!.querySelector<HTMLElement>('#downloads'),
      5000,
      'the answer',
    );
    expect(answer.textContent).to.contain('Noch niemand');
    expect(who.getAttribute('aria-controls')).to.equal('downloads');
    expect(who.closest('.bar')!.nextElementSibling, 'right after the buttons').to.equal(answer);
    await until(() => live(el).includes('Noch niemand'), 3000, 'the answer said');
  });
});
