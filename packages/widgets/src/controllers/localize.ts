import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DocPortalError, Locale } from '@docportal/core-sdk';
import { de, type Translation } from '../i18n/de.js';
import { en } from '../i18n/en.js';

const CATALOGS: Record<Locale, Translation> = { de, en };

/** Intl formatters are costly to make (a tenth of a millisecond each): one per locale and style. */
const formats = new Map<string, Intl.NumberFormat>();
const format = (locale: Locale, style = '', options?: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = locale + style;
  return formats.get(key) ?? formats.set(key, new Intl.NumberFormat(locale, options)).get(key)!;
};

const pick = (v: string | undefined | null): Locale | undefined => {
  const l = v?.toLowerCase().slice(0, 2);
  return l === 'de' || l === 'en' ? l : undefined;
};

export interface LocalizeHost extends ReactiveControllerHost, HTMLElement {
  /** The element's own `locale`, if set. */
  locale?: Locale | string;
  /** The provider's locale, if inside one. */
  readonly contextLocale?: Locale;
}

/**
 * Picks the language: the element's `locale`, else its provider's, else the nearest `lang`
 * attribute (also across shadow roots), else German. Formats numbers and sizes with Intl.
 */
export class LocalizeController implements ReactiveController {
  constructor(private readonly host: LocalizeHost) {
    host.addController(this);
  }

  /** The nearest `lang`, looked up once per render: a change on an ancestor shows on the next one. */
  private lang?: Locale | null;

  hostUpdate(): void {
    this.lang = undefined;
  }

  get locale(): Locale {
    return (
      pick(this.host.locale) ??
      this.host.contextLocale ??
      (this.lang === undefined ? (this.lang = pick(closestLang(this.host)) ?? null) : this.lang) ??
      'de'
    );
  }

  get t(): Translation {
    return CATALOGS[this.locale];
  }

  number(n: number): string {
    return format(this.locale).format(n);
  }

  percent(fraction: number): string {
    return format(this.locale, '%', { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
  }

  /** A file size as people read it: "50 MB" is 50 × 1,048,576 bytes, as the limit is meant. */
  size(bytes: number): string {
    const mb = bytes / 1_048_576;
    // Number and unit never part at a line end.
    return format(this.locale, mb >= 1 ? 'MB' : 'kB', {
      style: 'unit',
      unit: mb >= 1 ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: 1,
    })
      .format(mb >= 1 ? mb : bytes / 1024)
      .replace(/ /g, '\u00a0');
  }

  /** The message for an error, by its code, in this language. */
  error(e: unknown): string {
    const code = (e as DocPortalError | undefined)?.code as keyof Translation['errors'] | undefined;
    return (code && this.t.errors[code]) || this.t.errors.other;
  }
}

/** By node type, not by `instanceof`: on the server (SSR) there is no `Element` or `ShadowRoot`. */
function closestLang(el: Element): string | null {
  for (
    let n: Node | null | undefined = el;
    n;
    n = n.nodeType === 11 ? (n as ShadowRoot).host : n.parentNode
  ) {
    if (n.nodeType === 1 && (n as Element).hasAttribute('lang')) return (n as Element).getAttribute('lang');
  }
  return null;
}
