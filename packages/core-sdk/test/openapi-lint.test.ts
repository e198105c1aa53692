/**
 * Redocly CLI, with its recommended ruleset, reads openapi.json as a backend team would: the
 * document must pass without a single error or warning.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const redocly = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
const document = fileURLToPath(new URL('../openapi.json', import.meta.url));

describe('openapi.json under Redocly CLI', () => {
  it('passes `redocly lint` with the recommended ruleset: 0 errors, 0 warnings', async () => {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [redocly, 'lint', document, '--extends=recommended', '--format=json'],
        {
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
          maxBuffer: 1 << 24,
        },
        (error, stdout) =>
          // lint exits non-zero on errors; the report on stdout says which.
          stdout ? resolve(stdout) : reject(error ?? new Error('redocly printed nothing')),
      ),
    );
    const report = JSON.parse(out.slice(out.indexOf('{'))) as {
      totals: { errors: number; warnings: number };
      problems: Array<{ ruleId: string; message: string; location: Array<{ pointer: string }> }>;
    };
    const problems = report.problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    assert.deepEqual(
      { errors: report.totals.errors, warnings: report.totals.warnings, problems },
      { errors: 0, warnings: 0, problems: [] },
    );
  });
});
