/**
 * An array kept in order by a comparator, for keyset pagination: insert and remove by binary
 * search, and find where a page starts after a cursor in O(log n).
 */
export class SortedIndex<T> {
  private list: T[] = [];
  private sorted = true;
  constructor(private readonly compare: (a: T, b: T) => number) {}

  /** The items in order, sorted on first use after a bulk load (a reset need not pay for indexes no query reads). */
  private get items(): T[] {
    if (!this.sorted) {
      this.list.sort(this.compare);
      this.sorted = true;
    }
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }

  /** Replaces the content, for bulk loads; sorted when first needed. */
  load(items: T[]): void {
    this.list = items.slice();
    this.sorted = false;
  }

  insert(item: T): void {
    this.items.splice(this.lowerBound(item), 0, item);
  }

  remove(item: T): void {
    const items = this.items;
    const i = this.lowerBound(item);
    if (items[i] === item) items.splice(i, 1);
    else {
      const j = items.indexOf(item);
      if (j >= 0) items.splice(j, 1);
    }
  }

  /** First index whose item is not less than `probe`. */
  private lowerBound(probe: T): number {
    const items = this.items;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(items[mid]!, probe) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index whose item compares greater than `probe` by `cmp(item, probe) > 0`. */
  private upperBoundBy(cmp: (item: T) => number): number {
    const items = this.items;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(items[mid]!) <= 0) lo = mid + 1;
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
