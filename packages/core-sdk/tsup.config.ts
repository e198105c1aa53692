import { defineConfig } from 'tsup';

export default defineConfig({
  // `#transport` (package.json imports) stays a runtime import: browsers and Node resolve it apart.
  entry: {
    index: 'src/index.ts',
    contract: 'src/contract.ts',
    resume: 'src/resume.ts',
    internal: 'src/internal.ts',
    transport: 'src/internal/transport.ts',
    'transport.browser': 'src/internal/transport.browser.ts',
  },
  external: ['#transport'],
  format: ['esm'],
  dts: { entry: ['src/index.ts', 'src/contract.ts', 'src/resume.ts', 'src/internal.ts'] },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
});
