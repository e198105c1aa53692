import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RecipientOption } from '@docportal/core-sdk';
import { Latest } from '../../controllers/latest.js';
import { listNavigation } from '../../controllers/list-navigation.js';
import { scrollToRow } from '../../controllers/virtual-window.js';
import { fold } from './targets.js';

const DEBOUNCE = 150;

export interface Answer {
  options: RecipientOption[];
  /** More matched than `options` holds. */
  capped: boolean;
}

export interface ComboboxHost {
  /** Asks the server for the options of `q`. */
  search(q: string, signal: AbortSignal): Promise<Answer>;
  /** The element that scrolls the options. */
  list(): HTMLElement | null;
  /** Height of one option in CSS px, as laid out. */
  row(): number;
  /** The person chose `o` (by Enter on their highlight, or a click). */
  pick(o: RecipientOption): void;
}

/**
 * The search of the share picker as WAI-ARIA's list autocomplete: the options shown always answer
 * the text in the field, nothing is highlighted until the person arrows, and arrows and Enter
 * pressed before the answer to the current text arrives wait for it.
 */
export class RecipientCombobox implements ReactiveController {
  query = '';
  /** The trimmed text the options answer; undefined while they only filter an older answer. */
  answered: string | undefined;
  options: RecipientOption[] = [];
  capped = false;
  failed: unknown;
  open = false;
  /** The option the person highlighted with the arrow keys; -1 until they do. */
  active = -1;
  searching = false;
  listScroll = 0;

  /** Arrows and Enter pressed before the answer to the current text came, in order. */
  private waiting: KeyboardEvent[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  /** The search in flight: a newer one, or another user, aborts it and drops its answer. */
  private readonly searches = new Latest();
  /** The listbox's moves (arrows, PageUp/PageDown by 5) over the options shown; the highlight stays in view. */
  private readonly list = listNavigation({
    active: () => this.active,
    items: () => this.options,
    go: (i) => this.move(i),
    page: 5,
  });

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: ComboboxHost,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.searches.abort();
    clearTimeout(this.timer);
    // Nothing is on its way any more: shown again, the list asks anew.
    this.searching = false;
  }

  /** Whether the options shown are the answer to the text in the field. */
  get current(): boolean {
    return this.answered === this.query.trim() && !this.failed;
  }

  /** The person typed: what no longer answers the text goes at once, with the highlight and any waiting keys. */
  input(text: string): void {
    this.query = text;
    const needle = fold(text.trim());
    this.options = this.options.filter((o) => fold(o.label).includes(needle));
    this.answered = undefined;
    this.capped = false;
    this.failed = undefined;
    this.active = -1;
    this.waiting = [];
    this.open = true;
    this.schedule(DEBOUNCE);
  }

  /** Another user: every answer and the search in flight go; the text stays only for the same user. */
  reset(keepText: boolean): void {
    this.searches.abort();
    clearTimeout(this.timer);
    Object.assign(this, {
      options: [],
      answered: undefined,
      capped: false,
      failed: undefined,
      searching: false,
    });
    if (!keepText) this.query = '';
    this.close();
  }

  /** Empties the field (after a pick, or Escape on a closed list). */
  clear(): void {
    this.query = '';
    this.answered = undefined;
    this.options = [];
    this.close();
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.searching = true;
    this.host.requestUpdate();
    this.timer = setTimeout(() => void this.run(), delay);
  }

  /** Runs the search for the current text; an answer to any other text is never shown. */
  private async run(): Promise<void> {
    const text = this.query.trim();
    try {
      const a = await this.searches.run((signal) => this.o.search(text, signal));
      if (text !== this.query.trim()) return;
      Object.assign(this, {
        options: a.options,
        capped: a.capped,
        answered: text,
        failed: undefined,
        listScroll: 0,
      });
      const list = this.o.list();
      if (list) list.scrollTop = 0;
    } catch (error) {
      this.options = [];
      this.failed = error;
    }
    this.searching = false;
    const keys = this.failed ? [] : this.waiting;
    this.waiting = [];
    for (const k of keys) this.key(k);
    this.host.requestUpdate();
  }

  retry(): void {
    this.failed = undefined;
    this.open = true;
    this.schedule(0);
  }

  /** Opens the list for the current text, asking for its answer when there is none yet. */
  openList(): void {
    this.open = true;
    if (!this.current && !this.searching) this.schedule(0);
    this.host.requestUpdate();
  }

  close(): void {
    // Closed already (a focused control that a render removes reports focusout during that render):
    // nothing changes, nothing to render again.
    if (!this.open && this.active < 0 && !this.waiting.length) return;
    this.open = false;
    this.active = -1;
    this.waiting = [];
    this.host.requestUpdate();
  }

  /** Highlights option `i` and scrolls it into view. */
  private move(i: number): void {
    this.active = i;
    this.listScroll = scrollToRow(this.o.list(), i, this.o.row()) ?? this.listScroll;
    this.host.requestUpdate();
  }

  /** One navigation key, on options that answer the current text: Enter chooses the highlighted option. */
  private key(e: KeyboardEvent): void {
    const o = this.options[this.active];
    if (e.key === 'Enter') {
      if (o) this.o.pick(o);
    } else this.list(e);
  }

  onKeyDown(e: KeyboardEvent): void {
    const ready = this.open && this.current;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        this.openList();
        // Alt+ArrowDown only shows the list; a plain arrow highlights, now or when the answer comes.
        if (e.altKey) break;
        if (this.current) this.list(e);
        else this.waiting.push(e);
        break;
      case 'PageDown':
      case 'PageUp':
        if (ready && this.active >= 0) {
          e.preventDefault();
          this.list(e);
        }
        break;
      case 'Enter':
        // Only an option the person highlighted for this text; otherwise Enter is the page's.
        if (ready && this.active >= 0) {
          e.preventDefault();
          this.key(e);
        } else if (this.open && this.waiting.length) {
          e.preventDefault();
          this.waiting.push(e);
        }
        break;
      case 'Escape':
        if (this.open) {
          e.preventDefault();
          e.stopPropagation();
          this.close();
        } else if (this.query) {
          e.preventDefault();
          this.clear();
        }
        break;
    }
  }
}
