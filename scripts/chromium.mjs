// Debian Chromium as every test, story run and benchmark of the repository starts it (no browser
// download). The flags keep it quiet on a machine without a network beyond the registries:
// without --disable-background-networking and its kin it keeps calling home and being refused.
import { chromium } from 'playwright-core';

/** The Chromium binary: CHROME_PATH, else Debian's. */
export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';

/** The flags every headless launch takes. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium through playwright-core, with `args` after the common flags. */
export const launchChromium = ({ args = [], executablePath = CHROMIUM } = {}) =>
  chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...args] });
