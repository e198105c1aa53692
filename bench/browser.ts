/** Headless Debian Chromium for the benchmarks, driven by playwright-core (no browser download). */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../scripts/chromium.mjs';

export { CHROMIUM };

/** CPU lists (as `taskset -c` takes them) for a server and a browser that must not share a core. */
export interface Pinning {
  server: string;
  browser: string;
}

/** CPU 0 for the server, the others for the browser; none when there is one CPU or no `taskset`. */
export function pinning(): Pinning | undefined {
  const n = availableParallelism();
  if (n < 2 || spawnSync('taskset', ['-V']).status !== 0) return undefined;
  return { server: '0', browser: n === 2 ? '1' : `1-${n - 1}` };
}

/**
 * Chromium, on the given CPUs when `cpus` is set: every process it starts (renderers come from
 * its zygote) inherits the affinity of the first.
 */
export function launch(cpus?: string): Promise<Browser> {
  let executablePath = CHROMIUM;
  if (cpus) {
    const dir = mkdtempSync(join(tmpdir(), 'docportal-chromium-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    executablePath = join(dir, 'chromium');
    writeFileSync(executablePath, `#!/bin/sh\nexec taskset -c ${cpus} ${JSON.stringify(CHROMIUM)} "$@"\n`);
    chmodSync(executablePath, 0o755);
  }
  return launchChromium({ executablePath, args: ['--js-flags=--expose-gc'] });
}
