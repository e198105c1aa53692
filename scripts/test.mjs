#!/usr/bin/env node
// Runs every test suite of the repository in turn, streams their output, and ends with one
// line of its own: "N passed, M failed" over all suites. Exits non-zero when anything failed.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

// Test files under packages/NAME/test, sorted (Node 20's test runner takes no globs).
const testFiles = (suffix) =>
  readdirSync('packages')
    .flatMap((p) => {
      const dir = join('packages', p, 'test');
      return existsSync(dir) ? readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f))) : [];
    })
    .filter((f) => f.endsWith(suffix) && !f.includes(`${join('test', 'browser')}`))
    .sort();

const node = process.execPath;
// Scripts that print one line per check ("ok …" / "FAIL …"), then "N passed, M failed" alone on
// the last line (scripts/test-packages.mjs, scripts/test-stories.mjs).
const checkLines = {
  count: (out) => {
    const all = [...out.matchAll(/^(\d+) passed, (\d+) failed$/gm)];
    const m = all[all.length - 1];
    return m ? { passed: Number(m[1]), failed: Number(m[2]) } : { passed: 0, failed: 0 };
  },
  failures: (out) => out.split('\n').filter((line) => line.startsWith('FAIL ')),
};
const suites = [
  {
    name: 'typecheck',
    cmd: node,
    args: ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'],
    // One check: passes when tsc exits 0.
    count: (_out, code) => (code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 }),
    failures: (out) => out.split('\n').filter((line) => /error TS\d+/.test(line)),
  },
  {
    name: 'lint (ESLint: correctness and the house rules; Prettier: formatting)',
    cmd: node,
    args: ['scripts/lint.mjs'],
    ...checkLines,
    failures: (out) => out.split('\n').filter((line) => /^\s+\d+:\d+\s+error|^\[warn\]/.test(line)),
  },
  {
    name: 'node tests (core-sdk, mock-server; widgets: SSR import, the bundle in Chromium; the examples in Chromium)',
    cmd: node,
    args: [
      '--conditions=source',
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      ...testFiles('.test.ts'),
      ...readdirSync('examples/test')
        .filter((f) => f.endsWith('.test.ts'))
        .map((f) => join('examples/test', f)),
    ],
    count: (out) => ({
      passed: last(out, /^ℹ pass (\d+)$/m),
      failed: last(out, /^ℹ fail (\d+)$/m) + last(out, /^ℹ cancelled (\d+)$/m),
    }),
    // The spec reporter repeats each failing test after "✖ failing tests:", its error on the next
    // line, which goes with it into the summary.
    failures: (out) => {
      const at = out.lastIndexOf('✖ failing tests:');
      if (at < 0) return [];
      const lines = out.slice(at).split('\n');
      return lines.flatMap((line, i) =>
        /^\s*✖ /.test(line) && !line.includes('failing tests:')
          ? [`${line.trim()}\n    ${(lines[i + 1] ?? '').trim().slice(0, 200)}`]
          : [],
      );
    },
  },
  {
    name: 'browser tests (Chromium and Firefox ESR, MSW worker)',
    cmd: node,
    args: ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs'],
    // Each browser launcher prints its progress line "Chromium: |…| N passed, M failed" again and
    // again, one line per launcher (several may share a name: Chromium with touch, Firefox with
    // forced colours or a dark theme): the last block of those lines counts, every line of it.
    count: (out) => {
      const progress = /^(\w[\w ]*):\s+\|.*\| (\d+) passed, (\d+) failed(?:, \d+ skipped)?\s*$/;
      const lines = out.split('\n');
      const end = lines.findLastIndex((line) => progress.test(line));
      let start = end;
      while (start > 0 && progress.test(lines[start - 1])) start--;
      const block = end < 0 ? [] : lines.slice(start, end + 1).map((line) => progress.exec(line));
      return block.reduce((c, m) => ({ passed: c.passed + Number(m[2]), failed: c.failed + Number(m[3]) }), {
        passed: 0,
        failed: 0,
      });
    },
    // Each failing test is reported once as "❌ suite > test (failed on Browser)", under its file,
    // and followed by its error's first line, which goes with it into the summary.
    failures: (out) => {
      let file = '';
      const found = [];
      const lines = out.split('\n');
      lines.forEach((line, i) => {
        const f = /([\w./-]+\.test\.ts):\s*$/.exec(line);
        if (f) file = f[1];
        else if (/^\s*❌ /.test(line))
          found.push(`${file}: ${line.trim()}\n    ${(lines[i + 1] ?? '').trim().slice(0, 200)}`);
      });
      return found;
    },
  },
  {
    name: 'packages (build, tarballs: publint, attw, a fresh consumer type-checks)',
    cmd: node,
    args: ['scripts/test-packages.mjs'],
    ...checkLines,
  },
  {
    name: 'stories (Storybook build, every story, axe)',
    cmd: node,
    args: ['scripts/test-stories.mjs'],
    ...checkLines,
  },
];

function last(text, re) {
  const all = [...text.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))];
  return all.length ? Number(all[all.length - 1][1]) : 0;
}

function run(suite) {
  return new Promise((resolve) => {
    console.log(`\n=== ${suite.name} ===`);
    const child = spawn(suite.cmd, suite.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let out = '';
    const take = (stream, sink) =>
      stream.on('data', (d) => {
        out += d;
        sink.write(d);
      });
    take(child.stdout, process.stdout);
    take(child.stderr, process.stderr);
    child.on('close', (code) => {
      const text = stripVTControlCharacters(out);
      const c = suite.count(text, code);
      // A runner that dies before it reports still counts as a failure.
      if (code !== 0 && c.failed === 0) c.failed = 1;
      resolve({ ...c, code, failures: suite.failures(text) });
    });
  });
}

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const lines = [];
for (const suite of suites) {
  if (only.length && !only.some((o) => suite.name.includes(o))) continue;
  const r = await run(suite);
  passed += r.passed;
  failed += r.failed;
  lines.push(`${suite.name}: ${r.passed} passed, ${r.failed} failed${r.code ? ` (exit ${r.code})` : ''}`);
  // The failing tests again, by name, so that the end of a long log says what failed.
  for (const f of r.failures.slice(0, 20)) lines.push(`  ${f.trim().slice(0, 500)}`);
}
console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
