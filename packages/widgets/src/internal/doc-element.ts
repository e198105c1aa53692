import { LitElement, isServer } from 'lit';

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
  protected $<T extends Element = HTMLElement>(selector: string): T | null {
    return isServer ? null : this.renderRoot.querySelector<T>(selector);
  }

  /** Dispatches an event that bubbles and crosses shadow roots. */
  emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }
}
