/**
 * `data-doc-theme="auto"` in a browser that prefers dark from its start: the Firefox of the group
 * widgets-firefox-dark (web-test-runner.config.mjs), where media cannot be emulated. Chromium
 * checks the same by emulation in themes.auto.test.ts.
 */
import '../index.ts';
import { kit } from '../test/kit.ts';
import { ready } from '../test/setup.ts';
import { checkAuto } from '../test/theme-pairs.ts';

describe('themes: "auto" on a dark system', () => {
  before(() => ready);

  it('is dark, with every pair at its contrast', async () => {
    checkAuto(await kit('data-doc-theme=auto'), 'dark');
  });
});
