#!/usr/bin/env node
// The `source` export condition (TypeScript sources) serves this repository only: its tests,
// type check, Storybook and web-test-runner resolve the workspaces' sources through it. A
// published package must not carry it (a consumer with `customConditions: ["source"]` would
// compile our TypeScript with our decorator settings). So `npm pack` / `npm publish` (through
// each package's prepack and postpack) pack a manifest without it and restore it afterwards:
//   node ../../scripts/pack-manifest.mjs strip    (prepack, in the package's folder)
//   node ../../scripts/pack-manifest.mjs restore  (postpack)
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const file = 'package.json';
const backup = '.package.json.repo';

/** A copy of an exports/imports map without the `source` condition. */
const withoutSource = (v) =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => k !== 'source')
          .map(([k, x]) => [k, withoutSource(x)]),
      )
    : v;

const mode = process.argv[2];
if (mode === 'strip') {
  if (existsSync(backup))
    throw new Error(`${backup} exists: a previous pack did not restore package.json; restore it first.`);
  const text = readFileSync(file, 'utf8');
  const pkg = JSON.parse(text);
  writeFileSync(backup, text);
  pkg.exports = withoutSource(pkg.exports);
  if (pkg.imports) pkg.imports = withoutSource(pkg.imports);
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (mode === 'restore') {
  if (existsSync(backup)) renameSync(backup, file);
} else {
  console.error('usage: pack-manifest.mjs strip|restore');
  process.exit(2);
}
