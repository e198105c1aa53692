/** The kit's outcome as a readable report, JUnit XML (for CI) and JSON. */
import type { Outcome } from './kit.js';

export interface Summary {
  baseUrl: string;
  passed: number;
  failed: number;
  skipped: number;
  checks: Outcome[];
}

export const summarize = (baseUrl: string, checks: Outcome[]): Summary => ({
  baseUrl,
  passed: checks.filter((c) => c.status === 'passed').length,
  failed: checks.filter((c) => c.status === 'failed').length,
  skipped: checks.filter((c) => c.status === 'skipped').length,
  checks,
});

const MARK = { passed: '✓', failed: '✗', skipped: '-' } as const;

/** One line per check (its id and the rule it proves), the failure under it, then the totals. */
export function textReport(s: Summary): string {
  const lines = [`docportal conformance: ${s.baseUrl}`, ''];
  let area = '';
  for (const c of s.checks) {
    if (c.area !== area) lines.push(`${(area = c.area)}`);
    lines.push(`  ${MARK[c.status]} ${c.id}: ${c.rule}`);
    if (c.message) lines.push(`      ${c.status === 'failed' ? '→' : 'skipped:'} ${c.message}`);
  }
  lines.push('', `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
  return lines.join('\n');
}

// XML 1.0 allows no control characters but tab, newline and carriage return: they are removed.
const xml = (s: string) =>
  s
    .replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function junitReport(s: Summary): string {
  const areas = [...new Set(s.checks.map((c) => c.area))];
  const suites = areas.map((area) => {
    const cs = s.checks.filter((c) => c.area === area);
    const cases = cs.map((c) => {
      const inner = {
        failed: `<failure message="${xml(c.message ?? '')}">${xml(c.rule)}</failure>`,
        skipped: `<skipped message="${xml(c.message ?? '')}"/>`,
        passed: '',
      }[c.status];
      return `    <testcase classname="docportal.${xml(area)}" name="${xml(`${c.id}: ${c.rule}`)}" time="${(c.ms / 1000).toFixed(3)}">${inner}</testcase>`;
    });
    const failures = cs.filter((c) => c.status === 'failed').length;
    const skipped = cs.filter((c) => c.status === 'skipped').length;
    return `  <testsuite name="${xml(area)}" tests="${cs.length}" failures="${failures}" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="docportal conformance" tests="${s.checks.length}" failures="${s.failed}" skipped="${s.skipped}">\n${suites.join('\n')}\n</testsuites>\n`;
}

export const jsonReport = (s: Summary): string => `${JSON.stringify(s, null, 2)}\n`;
