#!/usr/bin/env node
// ESLint over the repository (correctness and the house rules of STYLE.md, eslint.config.js),
// then Prettier's check of every file (.prettierrc.json). One check per tool; ends with
// "N passed, M failed". `npm run format` fixes what the tools can.
import { spawnSync } from 'node:child_process';

const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status;
const eslint = run(['node_modules/eslint/bin/eslint.js', '.']);
const prettier = run(['node_modules/prettier/bin/prettier.cjs', '--check', '.', '--log-level', 'warn']);
const failed = (eslint ? 1 : 0) + (prettier ? 1 : 0);
console.log(`${2 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
