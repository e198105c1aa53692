import { SharePicker } from './share-picker.component.js';

SharePicker.define('share-picker');

declare global {
  interface HTMLElementTagNameMap {
    'share-picker': SharePicker;
  }
}

export { SharePicker };
