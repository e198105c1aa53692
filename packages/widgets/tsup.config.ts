import { defineConfig } from 'tsup';
// @ts-expect-error: a plain ESM helper shared with build-bundle.mjs, without types
import { minifyTemplatesPlugin } from './minify-templates.mjs';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    // `@docportal/widgets/bundle` in Node: the same exports as the self-contained browser file.
    bundle: 'src/bundle.ts',
    // JSX types for React 19 (`@docportal/widgets/react`); its JS is empty.
    react: 'src/react.ts',
    'doc-provider': 'src/components/doc-provider/doc-provider.define.ts',
    'doc-uploader': 'src/components/doc-uploader/doc-uploader.define.ts',
    'share-picker': 'src/components/share-picker/share-picker.define.ts',
    'doc-folder-tree': 'src/components/doc-folder-tree/doc-folder-tree.define.ts',
  },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'browser',
  esbuildPlugins: [minifyTemplatesPlugin],
  external: ['@docportal/core-sdk', 'lit', /^lit\//, /^@lit\//, 'react'],
});
