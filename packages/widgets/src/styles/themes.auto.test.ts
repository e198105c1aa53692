/**
 * `data-doc-theme="auto"` follows the person's light or dark setting (prefers-color-scheme).
 * Chromium switches the setting by emulation within the test. Firefox over WebDriver BiDi has no
 * media emulation: there this file checks the light setting Firefox starts with, and
 * themes.auto.dark.test.ts runs in a Firefox started with a dark system theme
 * (web-test-runner.config.mjs, group widgets-firefox-dark).
 */
import '../index.ts';
import { emulateMedia, kit } from '../test/kit.ts';
import { ready } from '../test/setup.ts';
import { checkAuto } from '../test/theme-pairs.ts';

describe('themes: "auto"', () => {
  before(() => ready);
  after(() => emulateMedia({ colorScheme: null, reducedMotion: null }));

  it('follows prefers-color-scheme, with every pair at its contrast', async () => {
    const k = await kit('data-doc-theme=auto');
    // Without transitions, so that the colours read are the new ones, not a step between.
    if (await emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' })) {
      checkAuto(k, 'dark');
      await emulateMedia({ colorScheme: 'light' });
    }
    checkAuto(k, 'light');
  });
});
