import { SharePicker } from '../share-picker/share-picker.component.js';
import { DocUploader } from './doc-uploader.component.js';

// The uploader renders <share-picker>: register it too.
SharePicker.define('share-picker');
DocUploader.define('doc-uploader');

declare global {
  interface HTMLElementTagNameMap {
    'doc-uploader': DocUploader;
  }
}

export { DocUploader };
