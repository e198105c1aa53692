// The picker's suggestions: the windowed listbox of options with its notes, and what its status line says.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { visibleRange } from '../../controllers/virtual-window.js';
import { errorNotice } from '../../internal/error-notice.js';
import { check } from '../../internal/icons.js';
import { CAP, type Picker } from './share-picker.internals.js';
import { targetKey } from './targets.js';

export function renderListbox(picker: Picker) {
  const p = picker.i18n.t.picker;
  const c = picker.combo;
  const list = picker.listbox;
  const viewport = list?.clientHeight || picker.rowPx * 6.5;
  const r = visibleRange(c.options.length, picker.rowPx, c.listScroll, viewport);
  const rows = c.options.slice(r.start, r.end);
  const shown = c.open && !c.failed && (c.options.length > 0 || (c.current && !!c.query.trim()));
  return html`
    <ul
      class="listbox"
      part="listbox"
      id="${picker.uid}-list"
      role="listbox"
      tabindex="-1"
      aria-multiselectable="true"
      aria-label=${p.options}
      aria-busy=${c.current ? 'false' : 'true'}
      ?hidden=${!shown}
      @scroll=${(e: Event) => ((c.listScroll = (e.target as HTMLElement).scrollTop), picker.requestUpdate())}
      @mousedown=${(e: Event) => e.preventDefault()}
    >
      ${r.before ? html`<li role="presentation" style="height:${r.before}px"></li>` : nothing}
      ${repeat(
        rows,
        (o) => targetKey(o.target),
        (o, i) => {
          const index = r.start + i;
          const activeRow = index === c.active;
          const on = picker.chosen(o);
          return html`<li
            class="option ${activeRow ? 'active' : ''}"
            part=${activeRow ? 'option option--active' : 'option'}
            id="${picker.uid}-o${index}"
            role="option"
            aria-selected=${on ? 'true' : 'false'}
            aria-setsize=${c.options.length}
            aria-posinset=${index + 1}
            @click=${() => picker.toggle(o)}
          >
            <span class="option-check">${on ? check : nothing}</span>
            <span class="option-text"
              ><span class="option-label">${o.label}</span
              ><span class="option-desc">${o.description}</span></span
            >
            <span class="option-count"
              >${p.people(picker.i18n.number(o.recipientCount), o.recipientCount)}</span
            >
          </li>`;
        },
      )}
      ${r.after ? html`<li role="presentation" style="height:${r.after}px"></li>` : nothing}
      ${!c.options.length ? html`<li class="status" role="presentation">${c.current ? p.noResults(c.query.trim()) : p.searching}</li>` : nothing}
    </ul>
    ${c.open && c.current && c.capped ? html`<p class="list-note" part="list-note">${p.capped(picker.i18n.number(CAP))}</p>` : nothing}
    ${c.open && c.failed ? html`<div class="failed">${errorNotice(picker.i18n, c.failed, { alert: true, lead: p.searchFailed, part: 'list-note', retry: () => picker.retrySearch() })}</div>` : nothing}
  `;
}

export function resultsText(picker: Picker): string {
  const p = picker.i18n.t.picker;
  const c = picker.combo;
  if (!c.open || !c.current) return '';
  if (!c.options.length) return c.query.trim() ? p.noResults(c.query.trim()) : '';
  return `${p.results(picker.i18n.number(c.options.length))}${c.capped ? ` ${p.capped(picker.i18n.number(CAP))}` : ''}`;
}
