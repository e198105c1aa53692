// Focus that the person moved elsewhere on the page stays there. An element moves focus after a
// slow answer (to the success message, to the editor, back to a row) only while the person is
// still in it, or when the control that had focus went away with the change; a person who went
// on typing in the portal's own form while a file uploaded keeps typing there.
import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@docportal/core-sdk';
import '../index.ts';
import { activeDeep, clickOn, describeEl, press } from '../test/helpers.ts';
import { control, until, usesMockBackend } from '../test/setup.ts';
import { mount, pdf, readyToSend, submitButton } from '../test/uploader.ts';
import { rowNamed } from '../test/tree-rows.ts';
import {
  ROSENWEG,
  buttonNamed,
  publish,
  tree,
  waitLive,
  waitRow,
} from '../components/doc-folder-tree/doc-folder-tree.test-support.ts';

/** A field of the portal's own, outside the element. */
async function portalField(): Promise<HTMLInputElement> {
  const wrap = await fixture<HTMLDivElement>(
    html`<div>
      <label>Notiz <input id="note" type="text" /></label>
    </div>`,
  );
  return wrap.querySelector('input')!;
}

/** An uploader whose folders failed to load, with the notice's "Erneut versuchen"; the server answers slowly from now on. */
async function foldersFailed() {
  await control('/faults', { failRate: 1, failStatus: 500 });
  const m = await mount({
    scope: 'property:rosenweg-24',
    locale: 'de',
    client: createClient({ baseUrl: '/api/v1', token: 'manager', retry: 0 }),
  });
  const retry = await until(
    () => m.root.querySelector<HTMLButtonElement>('[role="alert"] [part~="retry"]'),
    5000,
    'the retry button',
  );
  await control('/faults', { latencyMs: 400 });
  return { m, retry };
}

const expectFocusOn = (field: HTMLInputElement, after: string) =>
  expect(activeDeep() === field, `focus after ${after}: ${describeEl(activeDeep())}`).to.equal(true);

describe('focus the person moved elsewhere stays there', () => {
  usesMockBackend();

  it('<doc-uploader>: the upload ends while the person types in the portal', async () => {
    // Arrange
    const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
    await readyToSend(m, pdf('Hausordnung'));
    const field = await portalField();
    await control('/faults', { latencyMs: 400 });
    // Act: send, then go on in the portal's own field.
    submitButton(m.root)!.click();
    field.focus();
    // Assert
    await until(() => m.root.querySelector('.success'), 8000, 'published');
    await m.up.updateComplete;
    expectFocusOn(field, 'the upload ended');
  });

  it('<doc-uploader>: the upload ends while the person waits on its button: focus goes to the message', async () => {
    // Arrange
    const m = await mount({ scope: 'property:rosenweg-24', locale: 'de' });
    await readyToSend(m, pdf('Hausordnung'));
    await control('/faults', { latencyMs: 400 });
    const send = submitButton(m.root)!;
    send.focus();
    // Act
    send.click();
    // Assert
    await until(() => m.root.querySelector('.success'), 8000, 'published');
    await until(
      () => m.root.activeElement?.matches('.success .heading'),
      3000,
      () => `focus on the message; it is on ${describeEl(activeDeep())}`,
    );
  });

  it('<doc-uploader>: the folders load on "Erneut versuchen" after the person went on in the portal', async () => {
    // Arrange
    const { m, retry } = await foldersFailed();
    const field = await portalField();
    // Act
    retry.click();
    field.focus();
    // Assert
    await until(() => !m.root.querySelector('[role="alert"]'), 5000, 'the folders loaded');
    await m.up.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expectFocusOn(field, 'the folders loaded');
  });

  it('<doc-uploader>: the folders load on "Erneut versuchen" while the person stays: focus goes to the drop zone', async () => {
    // Arrange
    const { m, retry } = await foldersFailed();
    // Act
    await clickOn(retry);
    // Assert
    await until(() => !m.root.querySelector('[role="alert"]'), 5000, 'the folders loaded');
    await until(
      () => m.root.activeElement?.matches('.dropzone'),
      3000,
      () => `focus on the drop zone; it is on ${describeEl(activeDeep())}`,
    );
  });

  it('<doc-folder-tree> manage: the editor opens after the person went on in the portal', async () => {
    // Arrange
    await publish('Hausordnung', 'objektunterlagen', ROSENWEG, []);
    const el = await tree({ mode: 'manage' });
    rowNamed(el, 'Objektunterlagen')!.click();
    const row = await waitRow(el, 'Hausordnung');
    const field = await portalField();
    await control('/faults', { latencyMs: 400 });
    // Act
    row.click();
    field.focus();
    // Assert
    await until(() => el.shadowRoot!.querySelector('.details .heading'), 5000, 'the editor');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expectFocusOn(field, 'the editor opened');
  });

  it('<doc-folder-tree> manage: a document deleted after the person went on in the portal', async () => {
    // Arrange
    await publish('Hausordnung', 'objektunterlagen', ROSENWEG, []);
    const el = await tree({ mode: 'manage' });
    rowNamed(el, 'Objektunterlagen')!.click();
    (await waitRow(el, 'Hausordnung')).click();
    await until(() => el.shadowRoot!.querySelector('.details'), 5000, 'the editor');
    buttonNamed(el, 'Dokument löschen')!.click();
    const confirm = await until(() => buttonNamed(el, 'Endgültig löschen'), 3000, 'the confirmation');
    const field = await portalField();
    await control('/faults', { latencyMs: 400 });
    // Act
    confirm.click();
    field.focus();
    // Assert
    await until(() => !el.shadowRoot!.querySelector('.details'), 5000, 'the editor closed');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expectFocusOn(field, 'the document was deleted');
  });

  it('<doc-folder-tree> admin: a new folder saved after the person went on in the portal', async () => {
    // Arrange
    const el = await tree({ mode: 'admin' });
    buttonNamed(el, 'Neuer Ordner')!.click();
    const name = await until(
      () => el.shadowRoot!.querySelector<HTMLInputElement>('#folder-name'),
      3000,
      'the name field',
    );
    name.focus();
    name.value = 'Verträge';
    name.dispatchEvent(new Event('input'));
    const field = await portalField();
    await control('/faults', { latencyMs: 400 });
    // Act
    await press('Enter');
    field.focus();
    // Assert
    await waitRow(el, 'Verträge');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    expectFocusOn(field, 'the folder was saved');
  });

  it('<doc-folder-tree> admin: a folder moved by Alt+ArrowDown after the person went on in the portal', async () => {
    // Arrange
    const el = await tree({ mode: 'admin' });
    rowNamed(el, 'Objektunterlagen')!.focus();
    const field = await portalField();
    await control('/faults', { latencyMs: 400 });
    // Act
    await press('Alt+ArrowDown');
    field.focus();
    // Assert
    await waitLive(el, 'status', 'verschoben');
    // The folders are listed again (400 ms) before the row would take focus.
    await new Promise((r) => setTimeout(r, 1200));
    await el.updateComplete;
    expectFocusOn(field, 'the folder was moved');
  });
});
