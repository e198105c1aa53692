// Browser tests of every package, in Debian Chromium, against the MSW mock backend.
// Run one package: `npx wtr --group core-sdk`.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default {
  rootDir: '.',
  groups: [
    { name: 'core-sdk', files: 'packages/core-sdk/test/browser/**/*.test.ts' },
    { name: 'widgets', files: ['packages/widgets/src/**/*.test.ts', '!packages/widgets/src/**/*.touch.test.ts'] },
    // A phone: a touch screen, so a coarse pointer (the tests set a 375 px viewport).
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
  ],
  nodeResolve: { browser: true, exportConditions: ['source', 'browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)) }),
    // `executeServerCommand('emulate-media', { forcedColors: 'active', colorScheme: 'dark' })`:
    // Playwright's page.emulateMedia for the theme and forced-colour tests.
    {
      name: 'emulate-media',
      async executeServerCommand({ command, payload, session }) {
        if (command !== 'emulate-media') return undefined;
        const page = session.browser.getPage(session.id);
        if (page.emulateMedia) await page.emulateMedia(payload);
        else {
          // Puppeteer (Firefox): the same features by their media names.
          const names = { forcedColors: 'forced-colors', colorScheme: 'prefers-color-scheme', reducedMotion: 'prefers-reduced-motion' };
          await page.emulateMediaFeatures(Object.entries(payload).map(([k, v]) => ({ name: names[k], value: v ?? '' })));
        }
        return true;
      },
    },
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
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath: CHROMIUM, headless: true, args: ARGS } })],
};
