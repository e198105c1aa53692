/**
 * An array kept in order by a comparator, for keyset pagination: insert and remove by binary
 * search, and find where a page starts after a cursor in O(log n).
 */
export class SortedIndex<T> {
  private items: T[] = [];
  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  /** Replaces the content in one sort, for bulk loads. */
  load(items: T[]): void {
    this.items = items.slice().sort(this.compare);
  }

  /** Takes items that are already in this index's order (e.g. a filtered slice of another). */
  loadSorted(items: T[]): void {
    this.items = items;
  }

  /** The items in order; do not mutate. */
  get ordered(): readonly T[] {
    return this.items;
  }

  insert(item: T): void {
    this.items.splice(this.lowerBound(item), 0, item);
  }

  remove(item: T): void {
    const i = this.lowerBound(item);
    if (this.items[i] === item) this.items.splice(i, 1);
    else {
      const j = this.items.indexOf(item);
      if (j >= 0) this.items.splice(j, 1);
    }
  }

  /** First index whose item is not less than `probe`. */
  private lowerBound(probe: T): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(this.items[mid]!, probe) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index whose item compares greater than `probe` by `cmp(item, probe) > 0`. */
  private upperBoundBy(cmp: (item: T) => number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(this.items[mid]!) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Items in order (`asc`) or reverse order, starting strictly after the position that
   * `cmp(item)` describes (`cmp` < 0: the item lies before the cursor; 0: it is the cursor).
   */
  *walk(ascending: boolean, after?: (item: T) => number): Generator<T> {
    const items = this.items;
    if (ascending) {
      for (let i = after ? this.upperBoundBy(after) : 0; i < items.length; i++) yield items[i]!;
    } else {
      // Descending: start at the last item that lies strictly before the cursor.
      let i = items.length - 1;
      if (after) {
        let lo = 0;
        let hi = items.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (after(items[mid]!) < 0) lo = mid + 1;
          else hi = mid;
        }
        i = lo - 1;
      }
      for (; i >= 0; i--) yield items[i]!;
    }
  }
}
