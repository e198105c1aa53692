// Many files at once: up to three uploads under way together, the rest waiting in line.
import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { makeJpeg, makePdf, makePng } from '@docportal/mock-server/testing';
import '../../index.ts';
import { clickOn, documentsFor, press, tabTo } from '../../test/helpers.ts';
import { control, dropFiles, fileOf, until, usesMockBackend } from '../../test/setup.ts';
import type { DocUploader } from './doc-uploader.component.ts';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** An uploader of Rosenweg 24 in German; `type` preselects a document type. */
async function mount({ parallel, type }: { parallel?: number; type?: string } = {}) {
  const up = await fixture<DocUploader>(
    html`<doc-uploader
      base-url="/api/v1"
      token="manager"
      scope="property:rosenweg-24"
      locale="de"
      parallel-uploads=${parallel ?? 3}
      document-type=${type ?? nothing}
    ></doc-uploader>`,
  );
  await up.updateComplete;
  return up;
}

/** Drops `n` PDFs, submits, and follows how many uploads are under way at once. */
async function uploadMany(
  up: DocUploader,
  n: number,
): Promise<{ most: number; waitingSeen: boolean; overall: Array<[number, string]> }> {
  const root = up.shadowRoot!;
  dropFiles(
    root.querySelector('.dropzone')!,
    Array.from({ length: n }, (_, i) =>
      fileOf(makePdf(`Datei ${i + 1}`), `Datei ${i + 1}.pdf`, 'application/pdf'),
    ),
  );
  await until(
    () =>
      root.querySelectorAll('li.file').length === n &&
      root.querySelector<HTMLSelectElement>('.shared select')!.options.length > 5,
    5000,
    'the files',
  );
  let now = 0;
  let most = 0;
  let waitingSeen = false;
  up.addEventListener('doc-upload-start', () => {
    most = Math.max(most, ++now);
    waitingSeen ||= [...root.querySelectorAll('li.file')].some(
      (li) => text(li.querySelector('.status')) === 'Wartet …',
    );
  });
  const overall: Array<[number, string]> = [];
  up.addEventListener('doc-uploaded', async () => {
    now--;
    await up.updateComplete;
    const bar = root.querySelector('.overall [role="progressbar"]');
    if (bar) overall.push([Number(bar.getAttribute('aria-valuenow')), text(root.querySelector('.overall'))]);
  });
  root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await until(() => root.querySelector('.success'), 30000, 'all published');
  return { most, waitingSeen, overall };
}

describe('<doc-uploader> with many files', () => {
  usesMockBackend();

  it('uploads up to three at a time, the others waiting, and publishes every one', async () => {
    await control('/faults', { latencyMs: 80 });
    const up = await mount({ type: 'objektunterlagen' });
    const { most, waitingSeen, overall } = await uploadMany(up, 7);
    expect(most, 'uploads under way at once').to.equal(3);
    expect(waitingSeen, 'files in line say they wait').to.equal(true);
    // One bar for all: it never goes back, and says how many of the seven are published.
    expect(overall.length, 'the overall progress while uploading').to.be.at.least(5);
    const counts = overall.map(([, t]) => Number(/^(\d) von 7 veröffentlicht$/.exec(t)?.[1]));
    expect(
      counts.every((c, i) => c >= 1 && (i === 0 || c >= counts[i - 1]!)),
      `counts ${counts}`,
    ).to.equal(true);
    expect(
      overall.every(([v], i) => i === 0 || v >= overall[i - 1]![0]),
      `values ${overall.map(([v]) => v)}`,
    ).to.equal(true);
    const docs = await documentsFor('manager', 'scope=property:rosenweg-24&documentTypeId=objektunterlagen');
    for (let i = 1; i <= 7; i++)
      expect(
        docs.map((d) => d.title),
        `Datei ${i}`,
      ).to.include(`Datei ${i}`);
  });

  it('parallel-uploads="1" uploads one at a time', async () => {
    await control('/faults', { latencyMs: 80 });
    const up = await mount({ parallel: 1, type: 'objektunterlagen' });
    const { most } = await uploadMany(up, 3);
    expect(most).to.equal(1);
  });

  it('several files are compact rows: preview of images, name, size, type; the details behind "Bearbeiten"', async () => {
    // Arrange
    const up = await mount();
    const root = up.shadowRoot!;
    // Act
    dropFiles(root.querySelector('.dropzone')!, [
      fileOf(makePng(40, 30), 'Grundriss.png', 'image/png'),
      fileOf(makePdf('Hausordnung'), 'Hausordnung.pdf', 'application/pdf'),
      fileOf(makeJpeg(), 'Foto.jpg', 'image/jpeg'),
    ]);
    const select = await until(
      () => {
        const s = root.querySelector<HTMLSelectElement>('.shared select');
        return s && s.options.length > 5 ? s : null;
      },
      5000,
      'the shared choice',
    );
    const rows = [...root.querySelectorAll<HTMLElement>('li.file')];
    // Assert: each row says name, size and type; no field until its details open
    expect(rows.map((r) => text(r.querySelector('.file-name')))).to.deep.equal([
      'Grundriss.png',
      'Hausordnung.pdf',
      'Foto.jpg',
    ]);
    expect(rows.map((r) => text(r.querySelector('.file-type')))).to.deep.equal(
      Array(3).fill('Noch kein Typ'),
    );
    expect(rows.map((r) => r.querySelectorAll('input, select, share-picker').length)).to.deep.equal([
      0, 0, 0,
    ]);
    // Assert: the images show their own pixels (decoded from the file), the PDF its icon
    const thumbs = await until(
      () => {
        const imgs = rows.map((r) => r.querySelector<HTMLImageElement>('img.thumb'));
        return imgs[0]?.complete && imgs[2]?.complete ? imgs : null;
      },
      5000,
      'the previews',
    );
    expect(thumbs.map((i) => i?.naturalWidth ?? null)).to.deep.equal([40, null, 1]);
    expect(thumbs[0]!.alt, 'decorative: the name is beside it').to.equal('');
    // Assert: once shown, the preview's object URL is freed (its load event comes a moment after `complete`)
    let freed = false;
    for (let n = 0; n < 20 && !freed; n++)
      freed = await fetch(thumbs[0]!.src).then(
        () => new Promise((r) => setTimeout(() => r(false), 50)),
        () => true,
      );
    expect(freed, 'the object URL is revoked').to.equal(true);
    // Act: the shared type
    select.value = 'objektunterlagen';
    select.dispatchEvent(new Event('change'));
    await up.updateComplete;
    // Assert: every row says it
    expect(rows.map((r) => text(r.querySelector('.file-type')))).to.deep.equal(
      Array(3).fill('Objektunterlagen'),
    );
    // Act: the second row's details
    const edit = rows[1]!.querySelector<HTMLButtonElement>('button.edit')!;
    expect(edit.getAttribute('aria-expanded')).to.equal('false');
    await clickOn(edit);
    // Assert: its title and "individuell festlegen", in the panel the button controls
    expect(edit.getAttribute('aria-expanded')).to.equal('true');
    const panel = root.getElementById(edit.getAttribute('aria-controls')!)!;
    expect(rows[1]!.contains(panel)).to.equal(true);
    expect(panel.querySelector<HTMLInputElement>('input[id^="title-"]')!.value).to.equal('Hausordnung');
    expect(text(panel.querySelector('button.own'))).to.equal('Typ und Freigabe individuell festlegen');
    expect(rows.map((r) => r.querySelectorAll('input').length)).to.deep.equal([0, 1, 0]);
    // Act: closed again
    await clickOn(edit);
    expect(rows[1]!.querySelector('input')).to.equal(null);
  });

  it('several files share type and recipients; "individuell festlegen" gives one its own, by mouse and keyboard', async () => {
    // Arrange
    const up = await mount();
    const root = up.shadowRoot!;
    dropFiles(
      root.querySelector('.dropzone')!,
      ['Eins', 'Zwei', 'Drei'].map((t) => fileOf(makePdf(t), `${t}.pdf`, 'application/pdf')),
    );
    const all = await until(
      () => {
        const box = root.querySelector<HTMLElement>('.shared');
        return box &&
          box.querySelector('select')!.options.length > 5 &&
          box.querySelector('share-picker')!.shadowRoot?.querySelector('input[type="checkbox"]')
          ? box
          : null;
      },
      5000,
      'the shared choice',
    );
    const files = [...root.querySelectorAll<HTMLElement>('li.file')];
    // Assert: one type chooser and one picker for all, none in the rows
    expect(text(all.querySelector('legend'))).to.equal('Für alle Dateien');
    expect(files.map((f) => f.querySelectorAll('select, share-picker').length)).to.deep.equal([0, 0, 0]);
    // Act: the shared choice
    const select = all.querySelector('select')!;
    select.value = 'objektunterlagen';
    select.dispatchEvent(new Event('change'));
    all
      .querySelector('share-picker')!
      .shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!
      .click();
    // Act: the third file its own, by keyboard: its details open by "Bearbeiten", Tab to its button, Space
    const edit = files[2]!.querySelector<HTMLButtonElement>('button.edit')!;
    edit.focus();
    await press('Space');
    expect(edit.getAttribute('aria-expanded')).to.equal('true');
    const own = await until(
      () => files[2]!.querySelector<HTMLButtonElement>('button.own'),
      2000,
      'its details',
    );
    expect(own.getAttribute('aria-pressed')).to.equal('false');
    await tabTo((e) => e === own, 'the third file’s "individuell festlegen"');
    await press('Space');
    await until(
      () => own.getAttribute('aria-pressed') === 'true' && files[2]!.querySelector('select'),
      2000,
      'its own choice',
    );
    const ownSelect = files[2]!.querySelector('select')!;
    expect(ownSelect.value, 'it starts from the shared choice').to.equal('objektunterlagen');
    ownSelect.value = 'plaene';
    ownSelect.dispatchEvent(new Event('change'));
    // Act: the second file its own by mouse, and back to the shared choice
    await clickOn(files[1]!.querySelector<HTMLButtonElement>('button.edit')!);
    const own2 = await until(
      () => files[1]!.querySelector<HTMLButtonElement>('button.own'),
      2000,
      'its details',
    );
    await clickOn(own2);
    await clickOn(own2);
    expect(own2.getAttribute('aria-pressed')).to.equal('false');
    expect(files[1]!.querySelector('select')).to.equal(null);
    // Act: upload
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => root.querySelector('.success'), 10000, 'published');
    // Assert: on the server
    const docs = await documentsFor('manager', 'scope=property:rosenweg-24');
    const by = (t: string) => docs.find((d) => d.title === t)!;
    const tenants = [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }];
    expect(['Eins', 'Zwei', 'Drei'].map((t) => [by(t).documentTypeId, by(t).shares])).to.deep.equal([
      ['objektunterlagen', tenants],
      ['objektunterlagen', tenants],
      ['plaene', tenants],
    ]);
  });
});
