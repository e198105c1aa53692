// The picker's private state as its parts in the sibling files (the count line, the suggestions, the chips) read and write it.
import type { DocPortalClient, RecipientOption, Role, Scope, ShareTarget } from '@docportal/core-sdk';
import type { Latest } from '../../controllers/latest.js';
import type { LocalizeController } from '../../controllers/localize.js';
import type { RecipientCombobox } from './combobox.js';
import type { Audience } from './targets.js';

/** Suggestions shown at most; more matches ask for a narrower search. */
export const CAP = 50;

/**
 * The element as its parts see it: what they use of its public side, and its private and protected
 * members. TypeScript's `private` is per class; the element hands itself to its parts as this type
 * (`this as unknown as Picker`), so that the moved code reads and writes the element's own fields
 * as it did inside the class, while they stay private to everyone else (and out of the typings and
 * custom-elements.json).
 */
export interface Picker {
  readonly value: ShareTarget[];
  readonly existing: boolean;
  requestUpdate(): void;
  readonly api: DocPortalClient | undefined;
  readonly scopeValue: Scope | undefined;
  readonly i18n: LocalizeController;
  readonly combo: RecipientCombobox;
  readonly uid: string;
  readonly listbox: HTMLElement | null;
  readonly rowPx: number;
  readonly off: boolean;
  readonly labels: Map<string, string>;
  count: number | undefined;
  counting: boolean;
  countError: unknown;
  liveText: string;
  touched: boolean;
  roleCounts: Partial<Record<Role, number>>;
  resolveTimer?: ReturnType<typeof setTimeout>;
  /**
   * The count of the selection (slot `count`: a newer selection aborts it and drops its answer),
   * the role counts (`roles`) and the chips' names (`labels`) of the scope and locale shown.
   */
  readonly loads: Latest;
  chosen(o: RecipientOption): boolean;
  setValue(next: ShareTarget[]): void;
  toggle(o: RecipientOption): void;
  retrySearch(): void;
  removeTarget(t: ShareTarget): void;
  setAudience(t: ShareTarget, audience: Audience): void;
}
