// The uploader on a portal's page: headings that fit the page's outline, and a disabled state
// that looks and acts inert.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createClient } from '@docportal/core-sdk';
import { makePdf } from '@docportal/mock-server/testing';
import '../../index.ts';
import { clickOn, nextFrame } from '../../test/helpers.ts';
import { dropFiles, fileOf, until, usesMockBackend } from '../../test/setup.ts';
import type { DocFolderTree } from '../doc-folder-tree/doc-folder-tree.component.ts';
import type { DocUploader } from './doc-uploader.component.ts';

const pdf = (title: string) => fileOf(makePdf(title), `${title}.pdf`, 'application/pdf');

async function page(o: { level?: number; locale: 'de' | 'en'; disabled?: boolean }) {
  const wrap = await fixture<HTMLElement>(
    html`<main lang=${o.locale}>
      <h1>Hausverwaltung Portal</h1>
      <doc-provider base-url="/api/v1" token="manager" scope="property:rosenweg-24" locale=${o.locale}>
        <doc-uploader heading-level=${ifDefined(o.level)} ?disabled=${!!o.disabled}></doc-uploader>
      </doc-provider>
    </main>`,
  );
  const up = wrap.querySelector<DocUploader>('doc-uploader')!;
  await up.updateComplete;
  return { wrap, up, root: up.shadowRoot! };
}

/** Uploads one file with the tenants and waits for the success message. */
async function publishOne(up: DocUploader): Promise<HTMLElement> {
  const root = up.shadowRoot!;
  dropFiles(root.querySelector('.dropzone')!, [pdf('Hausordnung')]);
  const card = await until(
    () => {
      const c = root.querySelector('li.file');
      return c &&
        c.querySelectorAll('select option').length > 5 &&
        c.querySelector('share-picker')?.shadowRoot?.querySelector('input[type="checkbox"]')
        ? c
        : null;
    },
    5000,
    'file card',
  );
  const select = card.querySelector('select')!;
  select.value = 'objektunterlagen';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  const done = oneEvent(up, 'doc-uploaded');
  await clickOn(root.querySelector('button[type="submit"]')!);
  await done;
  return until(() => root.querySelector<HTMLElement>('.success .heading'), 5000, 'the success heading');
}

/** Parses `rgb()`/`rgba()` or `color(srgb …)` as computed by Chromium, to 0–255 channels. */
function rgb(c: string): [number, number, number] {
  const m = c.match(/^rgba?\(([^)]+)\)$/);
  if (m)
    return m[1]!
      .split(/[ ,/]+/)
      .slice(0, 3)
      .map(Number) as [number, number, number];
  const s = c.match(/^color\(srgb ([^)]+)\)$/);
  if (s)
    return s[1]!
      .split(/[ /]+/)
      .slice(0, 3)
      .map((x) => Number(x) * 255) as [number, number, number];
  throw new Error(`cannot read colour ${c}`);
}
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = rgb(c).map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
  return (x! + 0.05) / (y! + 0.05);
}

describe('<doc-uploader> on a portal page', () => {
  usesMockBackend();

  for (const locale of ['de', 'en'] as const) {
    it(`under the page's <h1>, the success heading is an <h2> by default and axe finds nothing (${locale})`, async () => {
      const { wrap, up } = await page({ locale });
      const h = await publishOne(up);
      expect(h.tagName).to.equal('H2');
      await expect(wrap).to.be.accessible();
    });
  }

  it('heading-level="4" makes it an <h4>', async () => {
    const { up } = await page({ locale: 'de', level: 4 });
    const h = await publishOne(up);
    expect(h.tagName).to.equal('H4');
  });

  it('the folder tree’s editor heading takes heading-level too (default 2)', async () => {
    const manager = createClient({ baseUrl: '/api/v1', token: 'manager' });
    await manager.documents.upload(
      new File([makePdf('Hausordnung') as Uint8Array<ArrayBuffer>], 'Hausordnung.pdf'),
      {
        title: 'Hausordnung',
        documentTypeId: 'objektunterlagen',
        scope: { kind: 'property', id: 'rosenweg-24' },
        shares: [],
      },
    );
    for (const level of [undefined, 3] as const) {
      const wrap = await fixture<HTMLElement>(
        html`<main>
          <h1>Portal</h1>
          <doc-folder-tree
            base-url="/api/v1"
            token="manager"
            scope="property:rosenweg-24"
            mode="manage"
            locale="de"
            heading-level=${ifDefined(level)}
          ></doc-folder-tree>
        </main>`,
      );
      const tree = wrap.querySelector<DocFolderTree>('doc-folder-tree')!;
      const row = (name: string) =>
        [...tree.shadowRoot!.querySelectorAll<HTMLElement>('[role="treeitem"]')].find((r) =>
          r.textContent!.includes(name),
        );
      (await until(() => row('Objektunterlagen'), 5000, 'the folder')).click();
      (await until(() => row('Hausordnung'), 5000, 'the document')).click();
      const h = await until(
        () => tree.shadowRoot!.querySelector('.details .heading'),
        5000,
        'the editor heading',
      );
      expect(h.tagName).to.equal(level === 3 ? 'H3' : 'H2');
      if (level === undefined) await expect(wrap).to.be.accessible();
    }
  });

  it('disabled looks and acts inert: aria-disabled, no hover, no pointer, readable text', async () => {
    // Arrange
    const { up, root } = await page({ locale: 'de', disabled: true });
    const zone = root.querySelector<HTMLButtonElement>('.dropzone')!;
    // Assert
    expect(zone.getAttribute('aria-disabled')).to.equal('true');
    expect(getComputedStyle(zone).cursor).not.to.equal('pointer');
    const before = getComputedStyle(zone);
    const look = `${before.borderColor} ${before.backgroundColor}`;
    // Act: the real mouse over it
    const r = zone.getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)],
    });
    await nextFrame();
    await new Promise((res) => setTimeout(res, 200)); // past any transition
    const hovered = getComputedStyle(zone);
    expect(`${hovered.borderColor} ${hovered.backgroundColor}`, 'hover changes nothing').to.equal(look);
    // Assert: muted, but every text at least 4.5:1 against the zone, with nothing faded by opacity
    for (
      let e: Element | null = zone;
      e && e !== document.documentElement;
      e = e.parentElement ?? (e.getRootNode() as ShadowRoot).host ?? null
    ) {
      expect(getComputedStyle(e).opacity, `opacity of ${e.tagName}`).to.equal('1');
    }
    for (const sel of ['.drop-title', '.drop-hint']) {
      const ratio = contrast(getComputedStyle(root.querySelector(sel)!).color, hovered.backgroundColor);
      expect(ratio, `${sel} contrast`).to.be.at.least(4.5);
    }
    expect(up.matches('[disabled]')).to.equal(true);
  });

  it('a disabled uploader’s file and recipients stay readable: nothing faded, text at least 4.5:1', async () => {
    // Arrange: a file with its choices, then disabled
    const { up, root } = await page({ locale: 'de' });
    dropFiles(root.querySelector('.dropzone')!, [pdf('Hausordnung')]);
    const picker = await until(
      () =>
        root.querySelector('li.file share-picker')?.shadowRoot?.querySelector('.role .count') &&
        root.querySelector('li.file share-picker'),
      5000,
      'the file',
    );
    up.disabled = true;
    await up.updateComplete;
    await (picker as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    // Assert
    const sr = picker.shadowRoot!;
    for (const el of [
      sr.querySelector('legend')!,
      sr.querySelector('.role span')!,
      sr.querySelector('.summary span')!,
    ]) {
      for (
        let e: Element | null = el;
        e && e !== document.documentElement;
        e = e.parentElement ?? (e.getRootNode() as ShadowRoot).host ?? null
      ) {
        expect(getComputedStyle(e).opacity, `opacity of ${e.tagName} above ${el.tagName}`).to.equal('1');
      }
      expect(
        contrast(getComputedStyle(el).color, 'rgb(255, 255, 255)'),
        `contrast of ${el.tagName}`,
      ).to.be.at.least(4.5);
    }
  });
});
