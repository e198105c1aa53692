/**
 * Themes of the Storybook toolbar. `light`, `dark` and `high-contrast` are the package's own
 * (`@docportal/widgets/themes.css`, picked by `data-doc-theme`); `brand` is an example of a
 * portal's own set of `--doc-*` custom properties on top of the defaults.
 */
export type ThemeName = 'light' | 'dark' | 'high-contrast' | 'brand';

export interface Theme {
  title: string;
  /** The `data-doc-theme` of themes.css, or none. */
  attribute?: 'light' | 'dark' | 'high-contrast';
  /** Tokens set inline, for a portal's own theme. */
  tokens?: Record<`--doc-${string}`, string>;
  /** The page behind the story. */
  canvas: string;
}

export const THEMES: Record<ThemeName, Theme> = {
  light: { title: 'Hell (Standard)', attribute: 'light', canvas: '#ffffff' },
  dark: { title: 'Dunkel', attribute: 'dark', canvas: '#16181c' },
  'high-contrast': { title: 'Hoher Kontrast', attribute: 'high-contrast', canvas: '#ffffff' },
  brand: {
    title: 'Marke (Beispiel-Portal)',
    canvas: '#fffdf8',
    tokens: {
      '--doc-color-accent': '#00695c',
      '--doc-color-accent-contrast': '#ffffff',
      '--doc-color-focus': '#00695c',
      '--doc-color-text': '#202124',
      '--doc-color-muted': '#55606b',
      '--doc-color-surface': '#fffdf8',
      '--doc-color-subtle': '#f4efe6',
      '--doc-color-border': '#7a7062',
      '--doc-color-danger': '#a50e0e',
      '--doc-color-success': '#1b6e3a',
      '--doc-radius': '14px',
      '--doc-font-family': "Georgia, 'Times New Roman', serif",
    },
  },
};
