#!/usr/bin/env node
// Builds Storybook, serves the static build, and visits every story in headless Chromium in
// every combination of locale, theme (light, dark, high contrast, and light under emulated
// forced colours) and viewport (1280×800, 375×700): a story fails on an uncaught error, a
// console.error, a render or play-function error, a render that does not finish in time, any
// axe violation (WCAG 2.x A/AA) in the story's root, or a page wider than the viewport. Prints
// one line per render and ends with "N passed, M failed".
//
//   node scripts/test-stories.mjs [--no-build] [--dir storybook-static] [--locales de,en]
//                                 [--themes light,dark,high-contrast,forced-colors]
//                                 [--viewports 1280x800,375x700] [--filter text] [--concurrency 2]
//                                 [--timeout 20000] [--screenshots dir] [--verbose]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';
import { stripVTControlCharacters } from 'node:util';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// ------------------------------------------------------------------ options

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, fallback) => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
};
const opts = {
  build: !flag('no-build'),
  dir: resolve(ROOT, option('dir', 'storybook-static')),
  locales: option('locales', 'de,en').split(',').filter(Boolean),
  themes: option('themes', 'light,dark,high-contrast,forced-colors').split(',').filter(Boolean),
  viewports: option('viewports', '1280x800,375x700')
    .split(',')
    .filter(Boolean)
    .map((v) => {
      const [width, height] = v.split('x').map(Number);
      return { name: v, width, height };
    }),
  screenshots: option('screenshots', ''),
  filter: option('filter', ''),
  concurrency: Math.max(1, Number(option('concurrency', '2'))),
  timeout: Number(option('timeout', '20000')),
  verbose: flag('verbose'),
};

// Console errors that are not failures: HTTP errors of the mock API (stories show server errors
// and faults on purpose; Chromium logs each as "Failed to load resource"), and startup chatter.
const IGNORED_CONSOLE = [/^\[MSW\]/, /Lit is in dev mode/];
const oneLine = (text) => stripVTControlCharacters(String(text)).replace(/\s+/g, ' ').trim().slice(0, 300);
// Most telling first: what Storybook reported, then uncaught errors, axe, and console output.
const RANK = [
  'did not finish',
  'story',
  'play',
  'unhandled',
  'uncaught',
  'error display',
  'axe',
  'console',
  'runner',
];
const rank = (e) => {
  const i = RANK.findIndex((p) => e.startsWith(p));
  return i < 0 ? RANK.length : i;
};
const summary = (errors) => {
  let list = [...new Set(errors.map(oneLine))].sort((a, b) => rank(a) - rank(b));
  // Storybook logs a story's or play function's error to the console too: say it once.
  if (list.some((e) => /^(story|play|unhandled)/.test(e)))
    list = list.filter((e) => !e.startsWith('console.error'));
  return list.join('; ');
};
const isMockApi = (url) => /\/(api\/v1|__mock)\//.test(url ?? '');

// ------------------------------------------------------------------ build

function run(cmd, args) {
  return new Promise((resolveRun) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', STORYBOOK_DISABLE_TELEMETRY: '1' },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) => resolveRun({ code, out }));
  });
}

const t0 = performance.now();
if (opts.build) {
  const started = performance.now();
  const { code, out } = await run(process.execPath, [
    join(ROOT, 'node_modules/storybook/dist/bin/dispatcher.js'),
    'build',
    '--output-dir',
    opts.dir,
    '--quiet',
  ]);
  const clean = stripVTControlCharacters(out);
  if (code !== 0) {
    console.log(clean.split('\n').slice(-60).join('\n'));
    console.log(`FAIL storybook build (exit ${code})`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  if (opts.verbose) console.log(clean);
  console.log(`storybook built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
if (!existsSync(join(opts.dir, 'index.json'))) {
  console.log(`FAIL no Storybook build in ${opts.dir} (run without --no-build)`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// ------------------------------------------------------------------ static server

const { server, base } = await serveStatic(opts.dir);

// ------------------------------------------------------------------ stories

const index = JSON.parse(readFileSync(join(opts.dir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries ?? {})
  .filter((e) => e.type === 'story' && (!opts.filter || e.id.includes(opts.filter)))
  .map((e) => e.id)
  .sort();

// Viewport and forced colours change least often (each worker keeps its page and changes them
// only when the next job asks for another), so the jobs are ordered by them first.
const jobs = [];
for (const viewport of opts.viewports)
  for (const theme of opts.themes)
    for (const id of stories) for (const locale of opts.locales) jobs.push({ id, locale, theme, viewport });
const label = (j) => `[${j.locale}, ${j.theme}, ${j.viewport.name}]`;
/** `forced-colors` is the light theme under emulated forced colours (Windows High Contrast). */
const storyTheme = (theme) => (theme === 'forced-colors' ? 'light' : theme);

// Runs in the page before Storybook: catches the addons channel as soon as it is installed and
// records the render's phases and every error event Storybook emits for the story.
const INIT = () => {
  const state = { phase: 'loading', phases: [], errors: [], finished: false, status: null };
  window.__storyRun = state;
  const hooked = new WeakSet();
  const hook = (channel) => {
    if (!channel || hooked.has(channel) || typeof channel.on !== 'function') return;
    hooked.add(channel);
    channel.on('storyRenderPhaseChanged', ({ newPhase }) => {
      state.phase = newPhase;
      state.phases.push(`${newPhase}@${Math.round(performance.now())}`);
    });
    channel.on('storyFinished', ({ status }) => {
      state.status = status;
      state.finished = true;
    });
    channel.on('storyThrewException', (e) => state.errors.push(`story threw: ${e?.message ?? e}`));
    channel.on('storyErrored', (e) =>
      state.errors.push(`story errored: ${e?.title ?? ''} ${e?.description ?? ''}`.trim()),
    );
    channel.on('playFunctionThrewException', (e) =>
      state.errors.push(`play function threw: ${e?.message ?? e}`),
    );
    channel.on('unhandledErrorsWhilePlaying', (list) => {
      for (const e of list ?? []) state.errors.push(`unhandled error while playing: ${e?.message ?? e}`);
    });
    channel.on('storyMissing', () => {
      state.errors.push('story missing');
      state.finished = true;
    });
  };
  let current;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => current,
    set: (v) => {
      current = v;
      hook(v);
    },
  });
};

const axeSource = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

const browser = await launchChromium();
let stopping = false;
const cleanup = async () => {
  stopping = true;
  await browser.close().catch(() => {});
  server.close();
  server.closeAllConnections?.();
};
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => cleanup().then(() => process.exit(130)));

/** Gives a worker a fresh context and page (again, after a page hung or crashed). */
async function openPage(w) {
  // A context per worker: its own service worker registration, no hidden-tab throttling.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.addInitScript(INIT);
  Object.assign(w, {
    context,
    page,
    current: null,
    inflight: new Set(),
    viewport: '1280x800',
    forced: false,
  });
  page.on('pageerror', (err) => w.current?.errors.push(`uncaught: ${err.message}`));
  page.on('console', (msg) => {
    if (!w.current || msg.type() !== 'error') return;
    const text = msg.text();
    if (IGNORED_CONSOLE.some((re) => re.test(text))) return;
    // The browser's own favicon probe is no story's business.
    if (
      /^Failed to load resource/.test(text) &&
      (isMockApi(msg.location()?.url) || /\/favicon\.ico$/.test(msg.location()?.url ?? ''))
    )
      return;
    const where = /^Failed to load resource/.test(text) ? ` (${msg.location()?.url})` : '';
    w.current.errors.push(`console.error: ${oneLine(text)}${where}`);
  });
  page.on('request', (r) => w.inflight.add(r));
  page.on('requestfinished', (r) => w.inflight.delete(r));
  page.on('requestfailed', (r) => w.inflight.delete(r));
  return w;
}

/** Waits until the page has had no request in flight for a moment (at most `max` ms). */
async function settle(w, max = 2000) {
  const end = Date.now() + max;
  let quietSince = Date.now();
  while (Date.now() < end) {
    if (w.inflight.size) quietSince = Date.now();
    else if (Date.now() - quietSince >= 100) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A page whose main thread hangs never answers `evaluate`: give up after `ms`. */
const within = (promise, ms, what) =>
  Promise.race([
    promise,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer in ${ms / 1000} s`)), ms).unref(),
    ),
  ]);

async function visit(w, job) {
  const result = { ...job, errors: [], ms: 0 };
  w.current = result;
  w.inflight.clear();
  const started = Date.now();
  if (w.viewport !== job.viewport.name) {
    await w.page.setViewportSize({ width: job.viewport.width, height: job.viewport.height });
    w.viewport = job.viewport.name;
  }
  const forced = job.theme === 'forced-colors';
  if (w.forced !== forced) {
    await w.page.emulateMedia({ forcedColors: forced ? 'active' : 'none' });
    w.forced = forced;
  }
  const globals = `locale:${job.locale};theme:${storyTheme(job.theme)}`;
  const url = `${base}/iframe.html?id=${encodeURIComponent(job.id)}&viewMode=story&globals=${globals}`;
  try {
    await w.page.goto(url, { waitUntil: 'domcontentloaded', timeout: opts.timeout });
    const remaining = Math.max(1000, opts.timeout - (Date.now() - started));
    const done = await within(
      w.page
        .waitForFunction(
          () => {
            const s = window.__storyRun;
            if (document.body?.classList.contains('sb-show-errordisplay')) return 'errordisplay';
            return s?.finished ? 'finished' : false;
          },
          null,
          { timeout: remaining, polling: 50 },
        )
        .then((h) => h.jsonValue()),
      remaining + 500,
      'the page',
    ).catch(() => null);
    result.timings = { rendered: Date.now() - started };
    const state = await within(
      w.page.evaluate(() => ({
        ...window.__storyRun,
        root: document.querySelector('#storybook-root')?.childElementCount ?? -1,
        error: document.querySelector('#error-message')?.textContent ?? '',
      })),
      3000,
      'the page',
    ).catch(() => ({ phase: 'unknown: the page does not answer', errors: [], phases: [] }));
    result.phases = state.phases;
    if (!done) {
      result.errors.push(`did not finish rendering in ${opts.timeout / 1000} s (phase: ${state.phase})`);
    } else {
      result.errors.push(...state.errors);
      if (done === 'errordisplay' && !state.errors.length)
        result.errors.push(`error display: ${state.error.trim().slice(0, 300) || 'unknown error'}`);
      if (state.status === 'error' && !result.errors.length)
        result.errors.push('story finished with status "error"');
      if (!result.errors.length && state.root <= 0) result.errors.push('#storybook-root is empty');
    }
    if (!result.errors.length) {
      // Let data arrive and Lit finish its updates before checking accessibility.
      await settle(w);
      await within(
        w.page.evaluate(async () => {
          const all = [];
          const walk = (root) => {
            for (const el of root.querySelectorAll('*')) {
              if (el.updateComplete instanceof Promise) all.push(el.updateComplete);
              if (el.shadowRoot) walk(el.shadowRoot);
            }
          };
          walk(document.querySelector('#storybook-root'));
          await Promise.race([Promise.all(all), new Promise((r) => setTimeout(r, 1000))]);
          await document.fonts?.ready;
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        }),
        5000,
        'the page',
      );
      result.timings.settled = Date.now() - started;
      await within(w.page.evaluate(axeSource), 10000, 'loading axe');
      const violations = await within(
        w.page.evaluate(async (tags) => {
          const r = await window.axe.run(document.querySelector('#storybook-root'), {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations'],
          });
          return r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            targets: v.nodes
              .slice(0, 3)
              .map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' ')),
            more: Math.max(0, v.nodes.length - 3),
          }));
        }, AXE_TAGS),
        30000,
        'axe',
      );
      result.timings.axe = Date.now() - started;
      for (const v of violations)
        result.errors.push(
          `axe ${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}${v.more ? ` and ${v.more} more` : ''}`,
        );
      // WCAG 1.4.10: nothing makes the page scroll sideways.
      const wide = await within(
        w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        3000,
        'the page',
      );
      if (wide > 0)
        result.errors.push(`overflow: the page is ${wide} px wider than the ${job.viewport.name} viewport`);
      if (opts.screenshots) {
        mkdirSync(opts.screenshots, { recursive: true });
        await w.page.screenshot({
          path: join(opts.screenshots, `${job.id}--${job.locale}--${job.theme}--${job.viewport.name}.png`),
          fullPage: true,
        });
      }
      // Errors logged while settling or checking count as well (already pushed by the listeners).
    }
  } catch (err) {
    result.errors.push(`runner: ${String(err?.message ?? err).split('\n')[0]}`);
  }
  w.current = null;
  result.ms = Date.now() - started;
  return result;
}

let passed = 0;
let failed = 0;
if (!jobs.length) {
  console.log(
    `FAIL no stories found in ${join(opts.dir, 'index.json')}${opts.filter ? ` matching "${opts.filter}"` : ''}`,
  );
  failed = 1;
} else {
  const queue = [...jobs];
  const workers = await Promise.all(
    Array.from({ length: Math.min(opts.concurrency, jobs.length) }, () => openPage({})),
  );
  const startedAll = performance.now();
  await Promise.all(
    workers.map(async (w) => {
      for (let job = queue.shift(); job && !stopping; job = queue.shift()) {
        let r = await visit(w, job);
        // Chromium's own service-worker update check can fail in a busy context; that says nothing
        // about the story, so such a run gets one more try in a fresh context (and says so).
        if (r.errors.length && r.errors.every((e) => /ServiceWorker/.test(e))) {
          console.log(`retry ${r.id} ${label(r)}: ${summary(r.errors)}`);
          await w.context.close().catch(() => {});
          await openPage(w);
          r = await visit(w, job);
        }
        // A crashed or hung page is replaced, so that one story cannot fail the ones after it.
        if (r.errors.some((e) => e.startsWith('runner:') || e.startsWith('did not finish'))) {
          await w.context.close().catch(() => {});
          await openPage(w);
        }
        if (r.errors.length) {
          failed++;
          console.log(`FAIL ${r.id} ${label(r)}: ${summary(r.errors)}`);
        } else {
          passed++;
          console.log(
            `ok  ${r.id} ${label(r)}${opts.verbose ? ` (${r.ms} ms ${JSON.stringify(r.timings ?? {})} ${r.phases?.join(' ')})` : ''}`,
          );
        }
      }
    }),
  );
  console.log(
    `visited ${jobs.length} story renders in ${((performance.now() - startedAll) / 1000).toFixed(1)} s (total ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
}

await cleanup();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
