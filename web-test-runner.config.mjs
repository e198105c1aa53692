// Browser tests of every package, in Debian Chromium and Debian Firefox ESR, against the MSW mock backend.
// Run one package: `npx wtr --group core-sdk` (`widgets`, and `widgets-chromium` for the files Firefox
// cannot run yet); one browser: `BROWSERS=firefox npx wtr …` (chromium, firefox;
// both by default).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from './scripts/chromium.mjs';
import { accessibleNames } from './scripts/wtr-accessibility.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const wanted = (process.env.BROWSERS ?? 'chromium,firefox').split(',');

const chromium = playwrightLauncher({ product: 'chromium', launchOptions: { executablePath: CHROMIUM, headless: true, args: ARGS } });
// Firefox through puppeteer over WebDriver BiDi (playwright's Firefox is a patched build, not Debian's).
// BiDi has no media emulation; a Firefox started with preferences is in that medium from the start.
const firefoxWith = (prefs = {}) =>
  puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath: FIREFOX, headless: true, extraPrefsFirefox: prefs } });
const firefox = firefoxWith();
const CALM = { 'ui.prefersReducedMotion': 1 };
/** Firefox as Windows High Contrast makes it: forced colours, as "Override colours: always" does. */
const firefoxForcedColors = firefoxWith({ ...CALM, 'browser.display.document_color_use': 2 });
/** Firefox on a dark system theme: prefers-color-scheme: dark. */
const firefoxDark = firefoxWith({ ...CALM, 'ui.systemUsesDarkTheme': 1, 'layout.css.prefers-color-scheme.content-override': 0 });

/**
 * Test files that do not run in Firefox ESR yet, each with its reason (issue 17 tracks them).
 * They run in Chromium; everything else runs in both browsers.
 */
const NOT_IN_FIREFOX = [
  // In Firefox ESR the page of the tree's browsing tests stops answering part way (the file
  // alone never finishes); in the keyboard tests, Enter on a tool button reached by Tab
  // ("Who downloaded it?", "New folder") does not act. The manage and admin files run in both.
  'packages/widgets/src/components/doc-folder-tree/doc-folder-tree.browse.test.ts',
  'packages/widgets/src/components/doc-folder-tree/doc-folder-tree.keyboard.test.ts',
  // Forced colours are emulated in Chromium; in Firefox the file runs in a browser started with
  // forced colours on (the group widgets-firefox-forced-colors below), not in a plain one.
  'packages/widgets/src/styles/forced-colors.test.ts',
];

/** Tests for a browser that prefers dark from its start (Firefox, which cannot emulate it). */
const DARK_ONLY = 'packages/widgets/src/styles/themes.auto.dark.test.ts';

export default {
  rootDir: '.',
  groups: [
    { name: 'core-sdk', files: 'packages/core-sdk/test/browser/**/*.test.ts' },
    { name: 'widgets', files: ['packages/widgets/src/**/*.test.ts', '!packages/widgets/src/**/*.touch.test.ts', `!${DARK_ONLY}`, ...NOT_IN_FIREFOX.map((f) => `!${f}`)] },
    // What Firefox cannot run yet, in Chromium alone.
    ...(wanted.includes('chromium') ? [{ name: 'widgets-chromium', files: NOT_IN_FIREFOX, browsers: [chromium] }] : []),
    // Media that Firefox cannot emulate: a Firefox started in that medium.
    ...(wanted.includes('firefox')
      ? [
          { name: 'widgets-firefox-forced-colors', files: 'packages/widgets/src/styles/forced-colors.test.ts', browsers: [firefoxForcedColors] },
          { name: 'widgets-firefox-dark', files: DARK_ONLY, browsers: [firefoxDark] },
        ]
      : []),
    // A phone: a touch screen, so a coarse pointer (the tests set a 375 px viewport); Chromium's touch emulation.
    ...(wanted.includes('chromium')
      ? [
          {
            name: 'widgets-touch',
            files: 'packages/widgets/src/**/*.touch.test.ts',
            browsers: [
              playwrightLauncher({
                product: 'chromium',
                launchOptions: { executablePath: CHROMIUM, headless: true, args: ARGS },
                createBrowserContext: ({ browser }) => browser.newContext({ hasTouch: true }),
              }),
            ],
          },
        ]
      : []),
  ],
  nodeResolve: { browser: true, exportConditions: ['source', 'browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)) }),
    accessibleNames,
  ],
  middleware: [
    (ctx, next) => {
      if (ctx.path === '/mockServiceWorker.js') ctx.url = '/packages/mock-server/public/mockServiceWorker.js';
      return next();
    },
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 60000 } },
  testsFinishTimeout: 600000,
  browsers: [wanted.includes('chromium') && chromium, wanted.includes('firefox') && firefox].filter(Boolean),
};
