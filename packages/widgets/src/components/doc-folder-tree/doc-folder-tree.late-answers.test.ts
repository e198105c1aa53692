// The document editor (manage) when an answer comes after the person moved on: the editor was
// closed, another document was opened, or someone else signed in. The answer lands on the server
// as asked, but it never brings back an editor nobody has open, never replaces the document open
// now, and never shows the previous user's document to the next one.
import { expect } from '@open-wc/testing';
import { press } from '../../test/helpers.ts';
import { control, ready, until } from '../../test/setup.ts';
import '../../index.ts';
import type { DocFolderTree } from './doc-folder-tree.component.ts';
import {
  ROSENWEG,
  buttonNamed,
  manager,
  publish,
  tree,
  waitLive,
  waitRow,
} from './doc-folder-tree.test-support.ts';
import { rowNamed } from '../../test/tree-rows.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const editorTitle = (el: DocFolderTree) =>
  el.shadowRoot!.querySelector('.details .heading')?.textContent?.trim() ?? '';

/** Opens the document `title` in the editor and waits for its form. */
async function open(el: DocFolderTree, title: string): Promise<void> {
  (await waitRow(el, title)).click();
  await until(() => editorTitle(el) === title, 5000, `the editor of ${title}`);
}

/** Types `text` as the title field's new value. */
function retitle(el: DocFolderTree, text: string): void {
  const field = el.shadowRoot!.querySelector<HTMLInputElement>('#edit-title')!;
  field.value = text;
  field.dispatchEvent(new Event('input'));
}

/** Collects whether the editor was ever shown from now on (after every change of the element). */
function watchEditor(el: DocFolderTree): { shown: string[]; stop: () => void } {
  const shown: string[] = [];
  const look = () => {
    const title = editorTitle(el);
    if (title) shown.push(title);
  };
  const observer = new MutationObserver(look);
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
  return { shown, stop: () => observer.disconnect() };
}

describe('<doc-folder-tree> manage: an answer that comes after the person moved on', () => {
  before(() => ready);
  beforeEach(() => control('/reset', {}));

  it('saved, then closed with Escape: the save lands and the editor stays closed', async () => {
    // Arrange
    const id = await publish('Hausordnung', 'objektunterlagen', ROSENWEG, []);
    const el = await tree({ mode: 'manage' });
    rowNamed(el, 'Objektunterlagen')!.click();
    await open(el, 'Hausordnung');
    retitle(el, 'Hausordnung 2027');
    el.shadowRoot!.querySelector<HTMLInputElement>('#edit-title')!.focus();
    await control('/faults', { latencyMs: 400 });
    // Act
    await press('Enter');
    await press('Escape');
    expect(editorTitle(el), 'closed at once').to.equal('');
    const watched = watchEditor(el);
    // Assert
    await waitLive(el, 'status', 'gespeichert');
    await wait(1000);
    watched.stop();
    expect(watched.shown, 'the editor shown again').to.deep.equal([]);
    expect((await manager().documents.get(id)).title).to.equal('Hausordnung 2027');
  });

  it('saved, then another document opened: the editor keeps showing the one opened last', async () => {
    // Arrange
    await publish('Hausordnung', 'objektunterlagen', ROSENWEG, []);
    await publish('Lageplan', 'objektunterlagen', ROSENWEG, []);
    const el = await tree({ mode: 'manage' });
    rowNamed(el, 'Objektunterlagen')!.click();
    await open(el, 'Hausordnung');
    retitle(el, 'Hausordnung 2027');
    await control('/faults', { latencyMs: 600 });
    // Act
    el.shadowRoot!.querySelector<HTMLButtonElement>('.details button[type="submit"]')!.click();
    rowNamed(el, 'Lageplan')!.click();
    // Assert
    await waitLive(el, 'status', 'gespeichert');
    await until(() => editorTitle(el) === 'Lageplan', 5000, 'the editor of Lageplan');
    await wait(1000);
    expect(editorTitle(el)).to.equal('Lageplan');
    const field = el.shadowRoot!.querySelector<HTMLInputElement>('#edit-title')!;
    expect(field.value, 'the title field').to.equal('Lageplan');
  });

  it("saved, then someone else signed in: the previous user's document never shows", async () => {
    // Arrange: a document only managers see.
    await publish('Vertraulich', 'objektunterlagen', ROSENWEG, []);
    const el = await tree({ mode: 'manage' });
    rowNamed(el, 'Objektunterlagen')!.click();
    await open(el, 'Vertraulich');
    retitle(el, 'Vertraulich 2027');
    await control('/faults', { latencyMs: 400 });
    // Act
    el.shadowRoot!.querySelector<HTMLButtonElement>('.details button[type="submit"]')!.click();
    el.setAttribute('token', 'contact:ahmet-yilmaz');
    await el.updateComplete;
    const watched = watchEditor(el);
    // Assert
    await wait(1500);
    watched.stop();
    expect(watched.shown, 'an editor shown to the next user').to.deep.equal([]);
    expect(el.shadowRoot!.textContent, 'the text').not.to.contain('Vertraulich');
  });

  it('"Wer hat heruntergeladen?", then closed: the editor stays closed', async () => {
    // Arrange
    await publish('Hausordnung', 'objektunterlagen', ROSENWEG, []);
    const el = await tree({ mode: 'manage' });
    rowNamed(el, 'Objektunterlagen')!.click();
    await open(el, 'Hausordnung');
    await control('/faults', { latencyMs: 400 });
    // Act
    buttonNamed(el, 'Wer hat heruntergeladen?')!.click();
    buttonNamed(el, 'Schließen')!.click();
    await el.updateComplete;
    expect(editorTitle(el), 'closed at once').to.equal('');
    const watched = watchEditor(el);
    // Assert
    await wait(1500);
    watched.stop();
    expect(watched.shown, 'the editor shown again').to.deep.equal([]);
  });

  it('deleting fails after the editor was closed: the editor stays closed', async () => {
    // Arrange
    const id = await publish('Hausordnung', 'objektunterlagen', ROSENWEG, []);
    const el = await tree({ mode: 'manage' });
    rowNamed(el, 'Objektunterlagen')!.click();
    await open(el, 'Hausordnung');
    buttonNamed(el, 'Dokument löschen')!.click();
    const confirm = await until(() => buttonNamed(el, 'Endgültig löschen'), 3000, 'the confirmation');
    await control('/faults', { latencyMs: 400, failRate: 1, failStatus: 403 });
    // Act
    confirm.click();
    buttonNamed(el, 'Schließen')!.click();
    await el.updateComplete;
    const watched = watchEditor(el);
    // Assert
    await wait(2500);
    watched.stop();
    expect(watched.shown, 'the editor shown again').to.deep.equal([]);
    await control('/faults', {});
    expect((await manager().documents.get(id)).title).to.equal('Hausordnung');
  });
});
