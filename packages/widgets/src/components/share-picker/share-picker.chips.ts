// The picker's chips: one per chosen recipient, with its name (loaded for targets set from outside), its audience chooser and its remove button.
import { html, nothing } from 'lit';
import type { ShareTarget } from '@docportal/core-sdk';
import { close } from '../../internal/icons.js';
import type { Picker } from './share-picker.internals.js';
import { AUDIENCES, audienceOf, idKey, isScopeRole, targetId, type Audience } from './targets.js';

/** Labels for targets set from outside (an existing document's shares). */
export async function loadLabels(picker: Picker): Promise<void> {
  const api = picker.api;
  const scope = picker.scopeValue;
  const missing = picker.value.filter((t) => !isScopeRole(t, scope) && !picker.labels.has(idKey(t)));
  // Labels in another scope's or language's words stay out: a load still on its way is aborted.
  picker.loads.abort('labels');
  if (!api || !scope || missing.length === 0) return;
  try {
    const labels = await picker.loads.run(async (signal) => {
      const locale = picker.i18n.locale;
      const found = await api.recipients.search({ scope, limit: 100, locale, signal });
      const named = new Map(found.map((o) => [idKey(o.target), o.label]));
      const contacts = missing.filter((t) => t.kind === 'contact' && !named.has(idKey(t)));
      if (contacts.length)
        for (const c of (await api.recipients.resolve({ scope, targets: contacts, signal })).contacts)
          named.set(`contact:${c.id}`, c.name);
      return named;
    }, 'labels');
    for (const [key, label] of labels) picker.labels.set(key, label);
    picker.requestUpdate();
  } catch {
    // Chips then show the kind and id; nothing is lost.
  }
}

function chipLabel(picker: Picker, t: ShareTarget): string {
  return picker.labels.get(idKey(t)) ?? `${picker.i18n.t.picker.kind[t.kind]} ${targetId(t)}`;
}

export function renderChip(picker: Picker, t: ShareTarget) {
  const p = picker.i18n.t.picker;
  const label = chipLabel(picker, t);
  return html`<li class="chip" part="chip">
    <span class="chip-label">${label}</span>
    <span class="chip-kind">· ${p.kind[t.kind]}${'roles' in t ? ' ·' : ''}</span>
    ${
      'roles' in t
        ? html`<select
            class="chip-audience"
            aria-label=${p.audienceOf(label)}
            ?disabled=${picker.off}
            @input=${(e: Event) => e.stopPropagation()}
            @change=${(e: Event) => (e.stopPropagation(), picker.setAudience(t, (e.target as HTMLSelectElement).value as Audience))}
          >
            ${AUDIENCES.map((a) => html`<option value=${a} ?selected=${audienceOf(t.roles) === a}>${p.audience[a]}</option>`)}
          </select>`
        : nothing
    }
    <button
      type="button"
      class="icon-btn"
      part="chip-remove"
      aria-label=${picker.i18n.t.common.remove(label)}
      ?disabled=${picker.off}
      @click=${() => picker.removeTarget(t)}
    >
      ${close}
    </button>
  </li>`;
}
