// The picker's count line: how many people the selection reaches, counted by the server after a pause, and announced once settled.
import type { Picker } from './share-picker.internals.js';

const RESOLVE_DEBOUNCE = 120;

export function scheduleResolve(picker: Picker): void {
  clearTimeout(picker.resolveTimer);
  picker.loads.abort('count');
  picker.countError = undefined;
  // Nothing chosen: the answer is known, and the line settles at once (no counting line
  // that changes its length, and so the height of the form below it).
  if (!picker.value.length) return settle(picker, 0);
  picker.counting = true;
  picker.resolveTimer = setTimeout(() => void resolve(picker), RESOLVE_DEBOUNCE);
}

/** Counts the current selection; only the answer for it settles the line (and is announced once). */
async function resolve(picker: Picker): Promise<void> {
  const api = picker.api;
  const scope = picker.scopeValue;
  if (!api || !scope) return;
  try {
    const { count } = await picker.loads.run(
      (signal) => api.recipients.resolve({ scope, targets: picker.value, signal }),
      'count',
    );
    settle(picker, count);
  } catch (error) {
    // Its notice says it (role=alert), not the live line.
    picker.counting = false;
    picker.count = undefined;
    picker.countError = error;
  }
}

function settle(picker: Picker, count: number): void {
  picker.count = count;
  picker.counting = false;
  if (picker.touched) picker.liveText = summaryText(picker);
}

/** The settled line, for the count the server gave (or `n`, to reserve the line's room while counting). */
export function summaryText(picker: Picker, n = picker.count): string {
  const p = picker.i18n.t.picker;
  if (n === undefined) return '';
  if (n === 0) return p.summaryNone;
  return (picker.existing ? p.summaryExisting : p.summary)(picker.i18n.number(n), n);
}
