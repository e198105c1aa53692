import { html } from 'lit';
import type { DocumentType } from '@docportal/core-sdk';

/**
 * `<option>`s for a document-type chooser: the flat, depth-first list from the API, indented by
 * level so that the hierarchy shows inside a native `<select>`.
 */
export function typeOptions(types: readonly DocumentType[], selected: string) {
  const depth = new Map<string | null, number>([[null, 0]]);
  return types.map((t) => {
    const d = (depth.get(t.parentId) ?? 0) + 1;
    depth.set(t.id, d);
    return html`<option value=${t.id} ?selected=${t.id === selected}>
      ${'\u00a0\u00a0\u00a0'.repeat(d - 1)}${d > 1 ? '› ' : ''}${t.name}
    </option>`;
  });
}
