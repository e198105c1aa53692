import { html, nothing } from 'lit';
import type { LocalizeController } from '../controllers/localize.js';
import { alert, close, retry as retryIcon } from './icons.js';

export interface NoticeOptions {
  /** "Erneut versuchen" does this. */
  retry?: () => void;
  /** The notice is the one that says it (`role="alert"`): only where no live region of the element says it already. */
  alert?: boolean;
  /** A first line in bold: what failed ("Die Suche ist fehlgeschlagen."). */
  lead?: unknown;
  /** Words instead of those for the error's code. */
  text?: unknown;
  /** A close button (the uploader's refusals) instead of the retry. */
  dismiss?: () => void;
  /** More part names (the element's own, which portals may style already). */
  part?: string;
  /** The retry button's id and disabled state. */
  id?: string;
  off?: boolean;
}

/**
 * The one look of a failure in every element: an icon, the words for the error's code, and
 * "Erneut versuchen" when there is something to try again. Its parts are `notice` and `error`
 * (and the retry button's `button retry`) wherever it is shown.
 */
export function errorNotice(i18n: LocalizeController, error: unknown, o: NoticeOptions = {}) {
  const button = o.retry
    ? html`<button
        type="button"
        class="btn"
        part="button retry"
        id=${o.id ?? nothing}
        ?disabled=${o.off}
        @click=${o.retry}
      >
        ${retryIcon} ${i18n.t.common.retry}
      </button>`
    : o.dismiss &&
      html`<button
        type="button"
        class="icon-btn"
        part="button dismiss"
        aria-label=${i18n.t.common.dismiss}
        @click=${o.dismiss}
      >
        ${close}
      </button>`;
  return html`<div class="notice" part="notice error ${o.part ?? ''}" role=${o.alert ? 'alert' : nothing}>
    ${alert}
    <div class="grow">
      ${o.lead ? html`<p><strong>${o.lead}</strong></p>` : nothing}
      <p>${o.text ?? i18n.error(error)}</p>
    </div>
    ${button}
  </div>`;
}
