import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for the docportal widgets: stories next to the components
 * (`packages/widgets/src/components/<tag>/<tag>.stories.ts`), the MSW mock backend in the
 * browser (`preview.ts`), autodocs from `packages/widgets/custom-elements.json`.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../packages/widgets/src/**/*.stories.ts', './*.mdx', './*.stories.ts'],
  addons: ['msw-storybook-addon', '@storybook/addon-docs'],
  // mockServiceWorker.js (msw 2.15.0) is served from the root, next to iframe.html.
  staticDirs: ['../packages/mock-server/public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(config) {
    const { defaultClientConditions, mergeConfig } = await import('vite');
    return mergeConfig(config, {
      resolve: {
        // Workspace packages resolve to their TypeScript sources (`exports[…].source`), so no
        // package needs building before Storybook starts.
        conditions: ['source', ...defaultClientConditions],
      },
      // Lit's legacy decorators, as tsconfig.base.json has them (experimentalDecorators: true,
      // useDefineForClassFields: false). Vite 8 compiles TypeScript with Oxc and reads the nearest
      // tsconfig.json too; saying it here keeps it independent of which tsconfig is found.
      oxc: {
        decorator: { legacy: true },
        typescript: { removeClassFieldsWithoutInitializer: true },
        assumptions: { setPublicClassFields: true },
      },
      optimizeDeps: {
        // The web-components renderer (not pre-bundled) imports lit/directive-helpers.js; pre-bundled
        // with lit, both share one lit-html instead of loading a second copy in `storybook dev`.
        include: ['lit', 'lit/directive-helpers.js'],
      },
      build: {
        // One chunk per story file is fine; the limit only silences a warning about Storybook's own code.
        chunkSizeWarningLimit: 2000,
      },
    });
  },
};

export default config;
