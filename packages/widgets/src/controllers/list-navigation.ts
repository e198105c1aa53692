/**
 * The keyboard engine of a list of items, shared by the tree and the picker's listbox (the shape of
 * Material Web's ListController: configured by callbacks, while each widget keeps its own keys). It
 * owns the linear moves and type-ahead; the widget says what the items are, which one is active,
 * and what making one active does. Moves stop at the ends (no wrapping); type-ahead wraps.
 */
export interface ListNavigationOptions<T> {
  /** The items, in order. */
  items(): readonly T[];
  /** The active item's index; -1 while none is (a listbox before the person arrows). */
  active(): number;
  /** Makes item `index` active: always an item of the list. */
  go(index: number): void;
  /** Items that PageUp/PageDown move by; without it those keys are the page's. */
  page?: number;
  /** An item's name, for type-ahead; without it typed characters are the page's. */
  name?(item: T): string;
}

/**
 * Returns the key handler of a list: it moves by `e.key` and says whether the key was its own (the
 * caller then prevents its default). Typed characters within half a second of each other search as
 * one prefix.
 */
export function listNavigation<T>(o: ListNavigationOptions<T>): (e: KeyboardEvent) => boolean {
  let typed = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (e) => {
    const items = o.items();
    const n = items.length;
    const i = o.active();
    const page = o.page;
    // Where each key moves, kept within the list after; a key not named here is not a move.
    const to = (
      {
        // APG treeview, Down Arrow: "moves focus to the next node"; combobox: "moves visual focus
        // to the next option" (from none, the first).
        ArrowDown: i + 1,
        // Up Arrow: "moves focus to the previous node"; combobox, with none highlighted: "places
        // focus on the last focusable element in the popup".
        ArrowUp: i < 0 ? n - 1 : i - 1,
        // Home: "moves focus to the first node in the tree".
        Home: 0,
        // End: "moves focus to the last node in the tree that is focusable".
        End: n - 1,
        // APG select-only combobox, Page Down / Page Up: "jumps visual focus down/up 10 options
        // (or to last/first option)", by `page` here; without it, the page's keys.
        PageDown: page && i + page,
        PageUp: page && i - page,
      } as Partial<Record<string, number>>
    )[e.key];
    if (to !== undefined) {
      if (n) o.go(Math.max(0, Math.min(n - 1, to)));
      return true;
    }
    // APG treeview, type-ahead: "focus moves to the next node with a name that starts with the
    // typed character"; typed quickly, "the next node with a name that starts with the string of
    // characters typed". It wraps to the first; no match leaves focus, and the key, alone.
    if (!o.name || e.key.length > 1 || e.ctrlKey || e.metaKey || e.altKey) return false;
    clearTimeout(timer);
    typed += e.key.toLowerCase();
    timer = setTimeout(() => (typed = ''), 500);
    const start = typed.length === 1 ? i + 1 : i;
    for (let k = 0; k < n; k++) {
      const at = (start + k) % n;
      if (o.name(items[at]!).toLowerCase().startsWith(typed)) {
        o.go(at);
        return true;
      }
    }
    return false;
  };
}
