// Browser tests of every package, in Debian Chromium and Debian Firefox ESR, against the MSW mock backend.
// Run one package: `npx wtr --group core-sdk` (`widgets`, and `widgets-chromium` for the files a plain
// Firefox cannot run); one browser: `BROWSERS=firefox npx wtr …` (chromium, firefox;
// both by default).
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from './scripts/chromium.mjs';
import { accessibleNames } from './scripts/wtr-accessibility.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const wanted = (process.env.BROWSERS ?? 'chromium,firefox').split(',');

const chromium = playwrightLauncher({
  product: 'chromium',
  launchOptions: { executablePath: CHROMIUM, headless: true, args: ARGS },
});
// Firefox through puppeteer over WebDriver BiDi (playwright's Firefox is a patched build, not Debian's).
// BiDi has no media emulation; a Firefox started with preferences is in that medium from the start.
// A download is saved and nothing more, as in Chromium: by default Firefox opens a downloaded PDF in
// a new tab (pdf.js), or shows its downloads panel, and either takes focus from the test page. A
// page in a background tab gets no animation frames and slow timers (open-wc's fixture waits for a
// frame: the tests after a download hang), and in a window without focus Enter on a button does
// not click it. Saved files go to a directory of their own, not the home's Downloads.
const DOWNLOADS = join(tmpdir(), 'docportal-wtr-downloads');
mkdirSync(DOWNLOADS, { recursive: true });
const QUIET_DOWNLOADS = {
  'pdfjs.disabled': true,
  'browser.download.alwaysOpenPanel': false,
  'browser.download.folderList': 2,
  'browser.download.dir': DOWNLOADS,
};
const firefoxWith = (prefs = {}) =>
  puppeteerLauncher({
    launchOptions: {
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: { ...QUIET_DOWNLOADS, ...prefs },
    },
  });
const firefox = firefoxWith();
const CALM = { 'ui.prefersReducedMotion': 1 };
/** Firefox as Windows High Contrast makes it: forced colours, as "Override colours: always" does. */
const firefoxForcedColors = firefoxWith({ ...CALM, 'browser.display.document_color_use': 2 });
/** Firefox on a dark system theme: prefers-color-scheme: dark. */
const firefoxDark = firefoxWith({
  ...CALM,
  'ui.systemUsesDarkTheme': 1,
  'layout.css.prefers-color-scheme.content-override': 0,
});

/**
 * Test files that do not run in a plain Firefox ESR, each with its reason.
 * They run in Chromium; everything else runs in both browsers.
 */
const NOT_IN_FIREFOX = [
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
    {
      name: 'widgets',
      files: [
        'packages/widgets/src/**/*.test.ts',
        '!packages/widgets/src/**/*.touch.test.ts',
        `!${DARK_ONLY}`,
        ...NOT_IN_FIREFOX.map((f) => `!${f}`),
      ],
    },
    // What a plain Firefox cannot run, in Chromium alone.
    ...(wanted.includes('chromium')
      ? [{ name: 'widgets-chromium', files: NOT_IN_FIREFOX, browsers: [chromium] }]
      : []),
    // Media that Firefox cannot emulate: a Firefox started in that medium.
    ...(wanted.includes('firefox')
      ? [
          {
            name: 'widgets-firefox-forced-colors',
            files: 'packages/widgets/src/styles/forced-colors.test.ts',
            browsers: [firefoxForcedColors],
          },
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
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)),
    }),
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
