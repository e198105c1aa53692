import { defineConfig } from 'tsup';

export default defineConfig({
  entry: [
    'src/index.ts',
    'src/browser.ts',
    'src/node.ts',
    'src/http.ts',
    'src/cli.ts',
    'src/conformance/index.ts',
    'src/conformance/cli.ts',
    'src/testing.ts',
  ],
  format: ['esm'],
  dts: {
    entry: [
      'src/index.ts',
      'src/browser.ts',
      'src/node.ts',
      'src/http.ts',
      'src/conformance/index.ts',
      'src/testing.ts',
    ],
  },
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'neutral',
  external: ['@docportal/core-sdk', 'msw', 'zod', /^node:/],
});
