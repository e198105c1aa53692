import { html, type TemplateResult } from 'lit';

/**
 * A heading at the level the host page needs (`heading-level`), focusable by script so that focus
 * can land on it to be read out; levels outside 1–6 give an `<h2>`. One template per level: tag
 * names cannot be bound in Lit.
 */
export function heading(level: number | undefined, content: unknown): TemplateResult {
  switch (level) {
    case 1:
      return html`<h1 class="heading" tabindex="-1">${content}</h1>`;
    case 3:
      return html`<h3 class="heading" tabindex="-1">${content}</h3>`;
    case 4:
      return html`<h4 class="heading" tabindex="-1">${content}</h4>`;
    case 5:
      return html`<h5 class="heading" tabindex="-1">${content}</h5>`;
    case 6:
      return html`<h6 class="heading" tabindex="-1">${content}</h6>`;
    default:
      return html`<h2 class="heading" tabindex="-1">${content}</h2>`;
  }
}
