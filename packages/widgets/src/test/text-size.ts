// The text sizes the windowed lists (tree rows, picker options) must follow: a reader's 20 or
// 24 px, a portal's `html { font-size: 62.5% }`, and 200 % zoom; and the check that their rows
// neither overlap nor leave gaps.

const root = () => document.documentElement.style;

/** Back to the browser's own text size and zoom. */
export function resetTextSize(): void {
  root().fontSize = '';
  root().removeProperty('zoom');
}

/** Each text size by name, with what sets it on the page. */
export const TEXT_SIZES = [
  ['root font 20 px', () => (root().fontSize = '20px')],
  ['root font 10 px (html { font-size: 62.5% })', () => (root().fontSize = '62.5%')],
  ['root font 24 px', () => (root().fontSize = '24px')],
  ['200 % zoom', () => root().setProperty('zoom', '2')],
] as const;

/**
 * Neighbouring rows, in the order `position` gives them, that overlap or leave a gap of more than
 * a pixel, named `what n/m` (rows whose positions do not follow each other are not neighbours).
 */
export function rowGaps(rows: HTMLElement[], position: (row: HTMLElement) => number, what: string): string[] {
  const sorted = [...rows].sort((a, b) => position(a) - position(b));
  const out: string[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const [n, m] = [position(sorted[i - 1]!), position(sorted[i]!)];
    if (m !== n + 1) continue;
    const [a, b] = [sorted[i - 1]!.getBoundingClientRect(), sorted[i]!.getBoundingClientRect()];
    if (Math.abs(b.top - a.bottom) > 1)
      out.push(`${what} ${n}/${m}: ${Math.round(a.bottom)} → ${Math.round(b.top)}`);
  }
  return out;
}
