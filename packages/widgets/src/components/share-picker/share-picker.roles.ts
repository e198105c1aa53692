// The picker's role boxes: everyone of a role in the whole scope ("Alle Mieter (4)"), with how many people that is, and the one target they make.
import { html } from 'lit';
import type { Role, ShareTarget } from '@docportal/core-sdk';
import type { Picker } from './share-picker.internals.js';
import { isScopeRole } from './targets.js';

/** The roles chosen for the whole scope. */
function scopeRoles(picker: Picker): Role[] {
  const s = picker.scopeValue;
  const t = picker.value.find((x) => isScopeRole(x, s));
  return t && 'roles' in t ? t.roles : [];
}

function toggleRole(picker: Picker, role: Role, on: boolean): void {
  const s = picker.scopeValue;
  if (!s) return;
  const roles = new Set(scopeRoles(picker));
  if (on) roles.add(role);
  else roles.delete(role);
  const rest = picker.value.filter((x) => !isScopeRole(x, s));
  const ordered = (['tenant', 'owner'] as const).filter((r) => roles.has(r));
  const scopeTarget: ShareTarget[] = [];
  if (ordered.length)
    scopeTarget.push(
      s.kind === 'property'
        ? { kind: 'property', propertyId: s.id, roles: ordered }
        : { kind: 'unit', unitId: s.id, roles: ordered },
    );
  picker.setValue([...scopeTarget, ...rest]);
}

/** How many people each role of the scope is; only the answer for the scope and locale shown counts. */
export async function loadRoleCounts(picker: Picker): Promise<void> {
  const api = picker.api;
  const scope = picker.scopeValue;
  if (!api || !scope) return;
  // Only the answer for the scope and locale shown now counts: an earlier one is aborted.
  try {
    const items = await picker.loads.run(
      (signal) => api.recipients.search({ scope, limit: 3, locale: picker.i18n.locale, signal }),
      'roles',
    );
    const counts: Partial<Record<Role, number>> = {};
    for (const o of items)
      if (isScopeRole(o.target, scope) && 'roles' in o.target && o.target.roles.length === 1)
        counts[o.target.roles[0]!] = o.recipientCount;
    picker.roleCounts = counts;
  } catch {
    picker.roleCounts = {};
  }
}

// The space after the label is in the label's own text node: Chromium's names drop a node of a lone space.
/** One role box ("Alle Mieter (4)"): the whole scope's tenants or owners. */
export function renderRole(picker: Picker, role: Role, text: string) {
  const n = picker.roleCounts[role];
  const roles = scopeRoles(picker);
  return html`<label class="role">
    <input
      type="checkbox"
      part="checkbox"
      .checked=${roles.includes(role)}
      ?disabled=${picker.off}
      @input=${(e: Event) => e.stopPropagation()}
      @change=${(e: Event) => toggleRole(picker, role, (e.target as HTMLInputElement).checked)}
    />
    <span
      >${n === undefined ? text : html`${`${text} `}<span class="count">(${picker.i18n.number(n)})</span>`}</span
    >
  </label>`;
}
