/** The colour pairs the elements paint, checked for their contrast in a theme (themes tests). */
import { expect } from '@open-wc/testing';
import { backgroundOf, contrast, expectContrast } from './contrast.ts';
import type { Kit } from './kit.ts';

const css = (el: Element, pseudo?: string) => getComputedStyle(el, pseudo);

/** Every colour pair the elements paint, at ≥ 4.5:1 for text and ≥ 3:1 for boundaries, rings and indicators. */
export function checkPairs({ uploader, picker, tree }: Kit, theme: string): void {
  const u = uploader.shadowRoot!;
  const p = picker.shadowRoot!;
  const t = tree.shadowRoot!;
  const surface = css(uploader).getPropertyValue('--_surface').trim() || backgroundOf(uploader);
  const at = (what: string) => `${theme || 'default'}: ${what}`;

  expectContrast(css(uploader).color, surface, 4.5, at('text on the surface'));
  const zone = u.querySelector<HTMLElement>('.dropzone')!;
  expectContrast(
    css(zone).borderTopColor,
    backgroundOf(zone),
    3,
    at('the drop zone’s dashed border on its background'),
  );
  expectContrast(css(zone).borderTopColor, surface, 3, at('the drop zone’s dashed border on the surface'));
  expectContrast(
    css(u.querySelector('.drop-hint')!).color,
    backgroundOf(zone),
    4.5,
    at('the drop zone’s hint'),
  );
  const title = u.querySelector<HTMLInputElement>('.file input.input')!;
  expectContrast(css(title).borderTopColor, surface, 3, at('a field’s border'));
  const submit = u.querySelector<HTMLElement>('button[type="submit"]')!;
  expectContrast(css(submit).color, backgroundOf(submit), 4.5, at('the submit button’s text'));

  const search = p.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  expectContrast(
    css(search, '::placeholder').color,
    backgroundOf(search),
    4.5,
    at('the search field’s placeholder'),
  );
  expectContrast(css(p.querySelector('.summary')!).color, surface, 4.5, at('the summary line'));

  // The focus ring of a checked checkbox must not merge with the box's fill: ring and whatever
  // is painted in the gap between them differ by 3:1, and the ring stands out from the surface.
  const box = p.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
  expect(box.checked, at('the checkbox is checked')).to.equal(true);
  box.focus({ focusVisible: true } as FocusOptions);
  const ring = css(box);
  expect(ring.outlineStyle, at('a focused checkbox has an outline')).to.not.equal('none');
  expect(parseFloat(ring.outlineOffset), at('the ring stands off the box')).to.be.at.least(2);
  expectContrast(ring.outlineColor, surface, 3, at('the focus ring on the surface'));
  const gap = /(rgba?\([^)]*\)|color\([^)]*\)|#[0-9a-f]+)/i.exec(ring.boxShadow)?.[1] ?? surface;
  expectContrast(ring.outlineColor, gap, 3, at('the focus ring against the gap around a checked box'));
  box.blur();

  // The selected folder: a tint and an indicator of 3:1 against the row's own background.
  const row = t.querySelector<HTMLElement>('[role="treeitem"][aria-selected="true"]')!;
  const r = css(row);
  expect(parseFloat(r.borderInlineStartWidth), at('the selected row has an indicator')).to.be.at.least(3);
  expectContrast(r.borderInlineStartColor, backgroundOf(row), 3, at('the selected row’s indicator'));
  expect(contrast(backgroundOf(row), surface), at('the selected row is tinted')).to.be.above(1.05);
  expectContrast(
    css(row.querySelector('.name')!).color,
    backgroundOf(row),
    4.5,
    at('the selected row’s name'),
  );
  expectContrast(
    css(row.querySelector('.meta')!).color,
    backgroundOf(row),
    4.5,
    at('the selected row’s count'),
  );
}

/** `data-doc-theme="auto"` as the page prefers `scheme`: the page does, the theme follows, every pair holds. */
export function checkAuto(k: Kit, scheme: 'light' | 'dark'): void {
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  expect(dark, `the page prefers ${scheme}`).to.equal(scheme === 'dark');
  const surface = getComputedStyle(k.picker).getPropertyValue('--doc-color-surface').trim();
  expect(surface, `auto, ${scheme}: the surface`).to.equal(scheme === 'dark' ? '#16181c' : '');
  checkPairs(k, `auto, ${scheme}`);
}
