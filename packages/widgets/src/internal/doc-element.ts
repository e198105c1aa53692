import { LitElement, isServer } from 'lit';

/** The declaration of an element's internal reactive state (`static properties`): one object for all. */
export const state = { state: true } as const;

/**
 * Base of every docportal element: an idempotent, guarded `define` (a second bundle on the
 * page, or a server without `customElements`, must not throw) and a typed `emit`.
 */
export class DocElement extends LitElement {
  /** Registers the element under `tag` unless that name is taken; does nothing where custom elements do not exist. */
  static define(tag: string): void {
    const registry = globalThis.customElements;
    if (!registry || registry.get(tag)) return;
    registry.define(tag, this);
  }

  /** The first element of the shadow root matching `selector`; null on the server (SSR), where there is no DOM to query. */
  protected $<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return isServer ? null : this.renderRoot.querySelector<T>(selector);
  }

  /**
   * Whether the element may move focus now: focus is inside it, or was lost with the control that
   * had it. Someone who went on in the page while an answer was on its way (typing in the portal's
   * own form while a file uploaded) keeps their place: no change they did not ask for (WCAG 3.2.5).
   */
  protected get mayFocus(): boolean {
    return document.activeElement === document.body || this.matches(':focus-within');
  }

  /**
   * Moves focus, once the render under way is done, to the first element matching `selector`:
   * the control that took the place of the one that had focus (a form opened or closed), while
   * the element may (`mayFocus`).
   */
  protected async focusAfterUpdate(selector: string): Promise<void> {
    await this.updateComplete;
    if (this.mayFocus) this.$(selector)?.focus();
  }

  /** Dispatches an event that bubbles and crosses shadow roots. */
  emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }
}
