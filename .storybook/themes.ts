/**
 * Themes of the Storybook toolbar: each one a set of the `--doc-*` custom properties a portal
 * sets to theme every docportal element at once. `light` sets none, so it shows the elements'
 * own defaults (what a portal gets without theming).
 */
export type DocToken =
  | '--doc-color-accent'
  | '--doc-color-accent-contrast'
  | '--doc-color-text'
  | '--doc-color-muted'
  | '--doc-color-surface'
  | '--doc-color-subtle'
  | '--doc-color-border'
  | '--doc-color-danger'
  | '--doc-color-success'
  | '--doc-radius'
  | '--doc-font-family'
  | '--doc-font-size'
  | '--doc-focus-ring';

export interface Theme {
  title: string;
  colorScheme: 'light' | 'dark';
  tokens: Partial<Record<DocToken, string>>;
}

export type ThemeName = 'light' | 'dark' | 'brand' | 'high-contrast';

export const THEMES: Record<ThemeName, Theme> = {
  light: { title: 'Hell (Standard)', colorScheme: 'light', tokens: {} },
  dark: {
    title: 'Dunkel',
    colorScheme: 'dark',
    tokens: {
      '--doc-color-accent': '#8ab4f8',
      '--doc-color-accent-contrast': '#0b1d39',
      '--doc-color-text': '#e6e8eb',
      '--doc-color-muted': '#a9b0bb',
      '--doc-color-surface': '#16181c',
      '--doc-color-subtle': '#23262c',
      '--doc-color-border': '#7d8590',
      '--doc-color-danger': '#ff8a80',
      '--doc-color-success': '#7fd18b',
      '--doc-radius': '6px',
      '--doc-focus-ring': '0 0 0 3px rgb(138 180 248 / 0.55)',
    },
  },
  brand: {
    title: 'Marke (Beispiel-Portal)',
    colorScheme: 'light',
    tokens: {
      '--doc-color-accent': '#00695c',
      '--doc-color-accent-contrast': '#ffffff',
      '--doc-color-text': '#202124',
      '--doc-color-muted': '#55606b',
      '--doc-color-surface': '#fffdf8',
      '--doc-color-subtle': '#f4efe6',
      '--doc-color-border': '#8c8274',
      '--doc-color-danger': '#a50e0e',
      '--doc-color-success': '#1b6e3a',
      '--doc-radius': '14px',
      '--doc-font-family': "Georgia, 'Times New Roman', serif",
      '--doc-focus-ring': '0 0 0 3px #ffb300',
    },
  },
  'high-contrast': {
    title: 'Hoher Kontrast',
    colorScheme: 'light',
    tokens: {
      '--doc-color-accent': '#0033cc',
      '--doc-color-accent-contrast': '#ffffff',
      '--doc-color-text': '#000000',
      '--doc-color-muted': '#1f1f1f',
      '--doc-color-surface': '#ffffff',
      '--doc-color-subtle': '#e8e8e8',
      '--doc-color-border': '#000000',
      '--doc-color-danger': '#a00000',
      '--doc-color-success': '#005a00',
      '--doc-radius': '0',
      '--doc-focus-ring': '0 0 0 4px #000000',
    },
  },
};
