#!/usr/bin/env node
// `npm run release:dry`: what a release would publish, without publishing or changing anything:
// the versions the pending changesets bump to (`changeset status --verbose`), then per package
// the tarball npm would upload (`npm pack --dry-run`, after a build; the packed manifest is the
// published one, without the repository's `source` condition).
import { execFileSync } from 'node:child_process';

const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', ...opts });
console.log('=== versions (changeset status --verbose)');
sh('npx', ['changeset', 'status', '--verbose']);
console.log('\n=== build');
sh('npm', ['run', 'build', '--silent']);
for (const p of ['core-sdk', 'mock-server', 'widgets']) {
  console.log(`\n=== tarball of @docportal/${p} (npm pack --dry-run)`);
  sh('npm', ['pack', '--dry-run'], { cwd: new URL(`../packages/${p}/`, import.meta.url) });
}
