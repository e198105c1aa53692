import { html, nothing } from 'lit';
import type { LocalizeController } from '../controllers/localize.js';
import { alert, retry as retryIcon } from './icons.js';

/**
 * The one look of a failure in every element: an icon, the words for the error's code, and
 * "Erneut versuchen" when there is something to try again. `alert` only where no live region of
 * the element says it already, so that it is heard once.
 */
export function errorNotice(i18n: LocalizeController, error: unknown, retry?: () => void, alertRole = false) {
  return html`<div class="notice" part="error" role=${alertRole ? 'alert' : nothing}>
    ${alert}
    <p class="grow">${i18n.error(error)}</p>
    ${retry ? html`<button type="button" class="btn" part="button retry" @click=${retry}>${retryIcon} ${i18n.t.common.retry}</button>` : nothing}
  </div>`;
}
