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

export function visibleRange(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewport: number,
  overscan = 6,
): WindowRange {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return {
    start: first,
    end: Math.max(first, last),
    before: first * rowHeight,
    after: Math.max(0, (count - Math.max(first, last)) * rowHeight),
  };
}

/**
 * A row's height in CSS px as laid out (rows are in rem, so they follow the root font size: a
 * portal's 62.5 %, a reader's 24 px), or `fallback` while no row is there to measure.
 */
export function rowHeight(row: Element | null, fallback: number): number {
  return (row && parseFloat(getComputedStyle(row).height)) || fallback;
}

/**
 * Scrolls `list` by the least that brings row `index` into view, and returns the scrollTop it set:
 * undefined when the row was in view already (or there is no list).
 */
export function scrollToRow(list: HTMLElement | null, index: number, rowHeight: number): number | undefined {
  if (!list) return;
  const top = index * rowHeight;
  const bottom = top + rowHeight - list.clientHeight;
  if (top < list.scrollTop) return (list.scrollTop = top);
  if (bottom > list.scrollTop) return (list.scrollTop = bottom);
}

/**
 * Calls `resized` when a list is first laid out and whenever its size changes: its rows are in
 * rem, so the root font size and zoom change it. The list's row height is measured then, never
 * because of an update. The function returned is called after each update with the list rendered
 * now: it observes that list unless the one it observes is still on the page.
 */
export function listResize(resized: () => void): (list: Element | null) => void {
  let watched: Element | undefined;
  let observer: ResizeObserver | undefined;
  return (list) => {
    if (!list || watched?.isConnected) return;
    observer?.disconnect();
    (observer ??= new ResizeObserver(resized)).observe((watched = list));
  };
}
