// The picker's chips: one per chosen recipient, with its name, its audience chooser and its remove button.
import { html, nothing } from 'lit';
import type { ShareTarget } from '@docportal/core-sdk';
import { close } from '../../internal/icons.js';
import type { Picker } from './share-picker.internals.js';
import { AUDIENCES, audienceOf, idKey, targetId, type Audience } from './targets.js';

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
