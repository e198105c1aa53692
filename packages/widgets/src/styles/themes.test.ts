import { expect } from '@open-wc/testing';
import '../index.ts';
import { emulateMedia, kit } from '../test/kit.ts';
import { checkPairs } from '../test/theme-pairs.ts';
import { ready } from '../test/setup.ts';

const THEMES = [
  '',
  'data-doc-theme=light',
  'data-doc-theme=dark',
  'data-doc-theme=high-contrast',
  'class=doc-theme-dark',
];

describe('themes (themes.css)', () => {
  before(() => ready);
  after(() => emulateMedia({ colorScheme: null, reducedMotion: null }));

  for (const theme of THEMES) {
    it(`${theme || 'no theme (the defaults)'}: every pair has its contrast`, async () => {
      const k = await kit(theme);
      checkPairs(k, theme);
    });
  }

  it('one attribute on an ancestor or on the element itself switches the theme', async () => {
    const k = await kit();
    const surface = () => getComputedStyle(k.tree).getPropertyValue('--doc-color-surface').trim();
    expect(surface()).to.equal('');
    k.box.setAttribute('data-doc-theme', 'dark');
    expect(surface()).to.equal('#16181c');
    k.box.removeAttribute('data-doc-theme');
    k.tree.setAttribute('data-doc-theme', 'high-contrast');
    expect(surface()).to.equal('#ffffff');
    expect(getComputedStyle(k.uploader).getPropertyValue('--doc-color-surface').trim()).to.equal('');
  });
});
