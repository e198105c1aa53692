/**
 * Fixed-height windowing: which rows of a long list to render for a scroll position. Tiny on
 * purpose (the list widgets have rows of one height), so DOM size stays flat whatever the data.
 */
export interface WindowRange {
  start: number;
  end: number;
  /** Padding above and below the rendered rows, in px. */
  before: number;
  after: number;
}

export function visibleRange(count: number, rowHeight: number, scrollTop: number, viewport: number, overscan = 6): WindowRange {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { start: first, end: Math.max(first, last), before: first * rowHeight, after: Math.max(0, (count - Math.max(first, last)) * rowHeight) };
}

/**
 * A row's height in CSS px as laid out (rows are in rem, so they follow the root font size: a
 * portal's 62.5 %, a reader's 24 px), or `fallback` while no row is there to measure.
 */
export function rowHeight(row: Element | null, fallback: number): number {
  return (row && parseFloat(getComputedStyle(row).height)) || fallback;
}

/** The scrollTop that brings row `index` into view, or undefined when it already is. */
export function scrollToRow(index: number, rowHeight: number, scrollTop: number, viewport: number): number | undefined {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return undefined;
}
