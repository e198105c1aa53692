import { DocProvider } from './doc-provider.component.js';

DocProvider.define('doc-provider');

declare global {
  interface HTMLElementTagNameMap {
    'doc-provider': DocProvider;
  }
}

export { DocProvider };
