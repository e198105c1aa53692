/// <reference types="vite/client" />
import { createStore, type FaultConfig } from '@docportal/mock-server';
import { startWorker } from '@docportal/mock-server/browser';
import {
  setCustomElementsManifest,
  type Decorator,
  type Loader,
  type Preview,
} from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { styleMap } from 'lit/directives/style-map.js';
import { mswLoader } from 'msw-storybook-addon/csf3';
import '../packages/widgets/src/styles/themes.css';
import { THEMES, type ThemeName } from './themes.ts';

// ------------------------------------------------------------------ autodocs

// The custom elements manifest drives autodocs (attributes, properties, events, slots, parts,
// CSS properties). A glob, not an import: Storybook must start before it has been generated.
// Autodocs list what a portal developer may use: private, protected and static members and the
// lifecycle callbacks (`…Callback`) are left out.
interface ManifestMember {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
}
interface Manifest {
  modules?: { declarations?: { members?: ManifestMember[] }[] }[];
}
const manifests = import.meta.glob<Manifest>('../packages/widgets/custom-elements.json', {
  eager: true,
  import: 'default',
});
const manifest = Object.values(manifests)[0];
if (manifest) {
  const isPublic = (m: ManifestMember) =>
    !m.privacy?.match(/private|protected/) && !m.static && !/^[_#]/.test(m.name) && !/Callback$/.test(m.name);
  setCustomElementsManifest({
    ...manifest,
    modules: manifest.modules?.map((mod) => ({
      ...mod,
      declarations: mod.declarations?.map((d) => ({ ...d, members: d.members?.filter(isPublic) })),
    })),
  });
}

// ------------------------------------------------------------------ mock backend

/**
 * What a story asks of the mock backend, as `parameters.docportal`. The store is reset before
 * every story (a fresh data set, no faults, the real clock) and then set up from this.
 */
export interface DocportalParameters {
  /** @default 'fixtures' */
  dataset?: 'fixtures' | 'large';
  /** Seed of the large data set. @default 1 */
  seed?: number;
  /** Fault injection on `/api/v1` (latencyMs, failRate, failStatus, retryAfter, seed, …). */
  faults?: FaultConfig;
  /** Fixes the server's clock (ISO instant), e.g. for "notified tomorrow" lines. */
  now?: string;
}

/** One in-memory backend for the whole preview; the worker answers from it. */
const store = createStore();

/** Starts the MSW worker once (the service worker script lies next to iframe.html). */
const msw = mswLoader(async () => {
  const { worker } = await startWorker({
    store,
    quiet: true,
    onUnhandledRequest: 'bypass',
    serviceWorkerUrl: new URL('mockServiceWorker.js', document.baseURI).pathname,
  });
  return worker;
});

/** Resets the store before every story from `parameters.docportal`. */
const resetLoader: Loader = async ({ parameters }) => {
  const p: DocportalParameters = parameters.docportal ?? {};
  store.reset({ dataset: p.dataset ?? 'fixtures', seed: p.seed });
  store.setFaults(p.faults ?? {});
  store.setClock(p.now ?? null);
  return { mockStore: store };
};

// ------------------------------------------------------------------ locale and theme

/**
 * Wraps every story in an element that carries `lang` (the widgets read the nearest `lang`) and
 * the theme: `data-doc-theme` for a theme of the package's themes.css, or a portal's own `--doc-*`
 * custom properties. A change of locale remounts the story, as the widgets
 * read `lang` when they render.
 */
const withLocaleAndTheme: Decorator = (story, context) => {
  const locale = context.globals.locale === 'en' ? 'en' : 'de';
  const themeName: ThemeName =
    (context.globals.theme as ThemeName) in THEMES ? (context.globals.theme as ThemeName) : 'light';
  const theme = THEMES[themeName];
  if (context.viewMode === 'story') {
    // The canvas around the story follows the theme, and the document says its language.
    document.documentElement.lang = locale;
    document.body.style.background = theme.canvas;
    if (theme.attribute) document.body.dataset.docTheme = theme.attribute;
    else delete document.body.dataset.docTheme;
  }
  const style = {
    ...theme.tokens,
    color: 'var(--doc-color-text, #1c1f24)',
    background: 'var(--doc-color-surface, #ffffff)',
    fontFamily: 'var(--doc-font-family, system-ui, sans-serif)',
  };
  // The web-components renderer wants a template result: the directive goes inside one.
  return html`${keyed(locale, html`<div class="docportal-story" lang=${locale} data-doc-theme=${theme.attribute ?? nothing} style=${styleMap(style)}>${story()}</div>`)}`;
};

const preview: Preview = {
  loaders: [msw, resetLoader],
  decorators: [withLocaleAndTheme],
  tags: ['autodocs'],
  initialGlobals: { locale: 'de', theme: 'light' },
  globalTypes: {
    locale: {
      description: 'Language of the widgets (the `lang` around the story)',
      toolbar: {
        title: 'Sprache',
        icon: 'globe',
        items: [
          { value: 'de', right: '🇩🇪', title: 'Deutsch' },
          { value: 'en', right: '🇬🇧', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: "A theme of themes.css (data-doc-theme) or a portal's own --doc-* custom properties",
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: Object.entries(THEMES).map(([value, t]) => ({ value, title: t.title })),
        dynamicTitle: true,
      },
    },
  },
  parameters: {
    docportal: {} satisfies DocportalParameters,
    controls: { expanded: true },
    docs: { toc: true },
  },
};

export default preview;
