// People in a hurry, on a slow connection: a key pressed or a click made again before the server answered.
// Each change of the folders is made on the folders as the one before left them (Alt+ArrowDown
// pressed three times moves a folder three places), and a form sent twice saves once; a document
// deleted twice is deleted once; a document double-clicked by a tenant downloads once.
import { expect } from '@open-wc/testing';
import { press } from '../../test/helpers.ts';
import { control, ready, until } from '../../test/setup.ts';
import '../../index.ts';
import type { DocFolderTree } from './doc-folder-tree.component.ts';
import {
  HOUSE_RULES,
  buttonNamed,
  manager,
  publish,
  serverTypes,
  tree,
  waitLive,
  waitRow,
} from './doc-folder-tree.test-support.ts';
import { rowNamed } from '../../test/tree-rows.ts';

/** The top-level folders in the server's order. */
const topLevel = async () =>
  (await serverTypes())
    .filter((t) => t.parentId === null)
    .sort((a, b) => a.position - b.position)
    .map((t) => t.id);

const refusal = (el: DocFolderTree) =>
  el.shadowRoot!.querySelector('.admin [role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('<doc-folder-tree>, pressed again before the server answered', () => {
  before(() => ready);
  beforeEach(() => control('/reset', {}));

  it('Alt+ArrowDown three times moves a folder three places down', async () => {
    // Arrange
    const el = await tree({ mode: 'admin' });
    expect(await topLevel()).to.deep.equal([
      'objektunterlagen',
      'bedienungsanleitungen',
      'abrechnungen',
      'protokolle',
    ]);
    await control('/faults', { latencyMs: 400 });
    rowNamed(el, 'Objektunterlagen')!.focus();
    // Act
    await press('Alt+ArrowDown', 3);
    // Assert
    let order: string[] = [];
    await until(
      async () => (order = await topLevel()).at(-1) === 'objektunterlagen',
      8000,
      () => `the server's order: ${order.join(', ')}`,
    );
    await wait(1500);
    expect(await topLevel()).to.deep.equal([
      'bedienungsanleitungen',
      'abrechnungen',
      'protokolle',
      'objektunterlagen',
    ]);
    expect(refusal(el)).to.equal(null);
  });

  it("Enter pressed twice in the new folder's name creates one folder, and says nothing failed", async () => {
    // Arrange
    const el = await tree({ mode: 'admin' });
    const root = el.shadowRoot!;
    buttonNamed(el, 'Neuer Ordner')!.click();
    const field = await until(() => root.querySelector<HTMLInputElement>('#folder-name'), 3000, 'name field');
    field.focus();
    field.value = 'Verträge';
    field.dispatchEvent(new Event('input'));
    await control('/faults', { latencyMs: 400 });
    // Act
    await press('Enter', 2);
    // Assert
    await waitLive(el, 'status', 'gespeichert');
    await wait(1500);
    expect((await serverTypes()).filter((t) => t.name === 'Verträge')).to.have.length(1);
    expect(refusal(el)).to.equal(null);
  });

  it('"Endgültig löschen" clicked twice deletes the folder, and says nothing failed', async () => {
    // Arrange
    const el = await tree({ mode: 'admin' });
    rowNamed(el, 'Abrechnungen')!.click();
    (await waitRow(el, 'Nebenkostenabrechnungen')).click();
    buttonNamed(el, 'Ordner löschen')!.click();
    const confirm = await until(() => buttonNamed(el, 'Endgültig löschen'), 3000, 'the confirmation');
    await control('/faults', { latencyMs: 400 });
    // Act
    confirm.click();
    confirm.click();
    // Assert
    await waitLive(el, 'status', 'gelöscht');
    await wait(1500);
    expect((await serverTypes()).some((t) => t.id === 'nebenkostenabrechnungen')).to.equal(false);
    expect(refusal(el)).to.equal(null);
  });

  it('a document\'s "Endgültig löschen" clicked twice deletes it once: the editor closes and says nothing failed', async () => {
    // Arrange
    const id = await publish('Hausordnung', 'objektunterlagen', { kind: 'property', id: 'rosenweg-24' }, []);
    const el = await tree({ mode: 'manage' });
    const root = el.shadowRoot!;
    rowNamed(el, 'Objektunterlagen')!.click();
    (await waitRow(el, 'Hausordnung')).click();
    await until(() => root.querySelector('.details'), 5000, 'the editor');
    [...root.querySelectorAll<HTMLButtonElement>('.details .bar button')]
      .find((b) => b.textContent!.includes('löschen'))!
      .click();
    const confirm = await until(
      () => root.querySelector<HTMLButtonElement>('.confirm .btn'),
      5000,
      'confirm',
    );
    await control('/faults', { latencyMs: 400 });
    const changes: boolean[] = [];
    el.addEventListener('doc-document-change', (e) => changes.push(e.detail.deleted));
    // Act
    confirm.click();
    confirm.click();
    // Assert
    await until(() => changes.length > 0, 8000, 'deleted');
    await wait(1500);
    expect(changes).to.deep.equal([true]);
    expect(!!root.querySelector('.details'), 'the editor closed').to.equal(false);
    expect(
      (await fetch(`/api/v1/documents/${id}`, { headers: { Authorization: 'Bearer manager' } })).status,
    ).to.equal(404);
  });

  it('a document double-clicked in browse mode downloads once, and is counted once', async () => {
    // Arrange
    const id = await publish('Hausordnung', 'objektunterlagen', { kind: 'property', id: 'rosenweg-24' }, [
      HOUSE_RULES,
    ]);
    const el = await tree({ token: 'contact:ahmet-yilmaz', mode: 'browse' });
    rowNamed(el, 'Objektunterlagen')!.click();
    const row = await waitRow(el, 'Hausordnung');
    await control('/faults', { latencyMs: 400 });
    const downloads: string[] = [];
    el.addEventListener('doc-download', (e) => downloads.push(e.detail.document.id));
    // Act
    row.click();
    row.click();
    // Assert
    await until(() => downloads.length > 0, 8000, 'downloaded');
    await wait(1500);
    expect(downloads).to.deep.equal([id]);
    expect((await manager().documents.get(id)).downloadCount, 'counted').to.equal(1);
  });
});
