import { css } from 'lit';

/**
 * Shared look: every element reads the global `--doc-*` tokens through local defaults, so a
 * portal themes all of them at once and each one alone.
 */
export const base = css`
  :host {
    --_accent: var(--doc-color-accent, #1d5fb4);
    --_accent-contrast: var(--doc-color-accent-contrast, #ffffff);
    --_text: var(--doc-color-text, #1c1f24);
    --_muted: var(--doc-color-muted, #5a6270);
    --_surface: var(--doc-color-surface, #ffffff);
    --_subtle: var(--doc-color-subtle, #f3f5f8);
    --_border: var(--doc-color-border, #6b7380);
    --_danger: var(--doc-color-danger, #b3261e);
    --_success: var(--doc-color-success, #1e7b34);
    --_focus-color: var(--doc-color-focus, var(--_accent));
    --_radius: var(--doc-radius, 6px);
    --_focus: var(--doc-focus-ring, none);
    --_s1: var(--doc-space-xs, 0.25rem);
    --_s2: var(--doc-space-s, 0.5rem);
    --_s3: var(--doc-space-m, 0.75rem);
    --_s4: var(--doc-space-l, 1rem);
    /* A selected or active row: a tint and an edge of 3:1. */
    --_tint: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
    display: block;
    color: var(--_text);
    font-family: var(--doc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--doc-font-size, 1rem);
    line-height: 1.45;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus-color);
    outline-offset: 2px;
    box-shadow: var(--_focus);
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.5rem;
    padding: 0.45em 1.1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .btn:hover {
    background: var(--_subtle);
  }
  .btn.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: 600;
  }
  .btn.primary:hover {
    background: color-mix(in srgb, var(--_accent) 88%, black);
  }
  .btn[disabled],
  .btn[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .icon-btn {
    display: inline-grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    cursor: pointer;
    color: var(--_muted);
  }
  .icon-btn:hover {
    background: var(--_subtle);
    color: var(--_text);
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
    font-size: 0.9em;
  }
  .input {
    width: 100%;
    min-width: 0;
    min-height: 2.5rem;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  .input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .error {
    color: var(--_danger);
    font-size: 0.9em;
  }
  /* A refusal or failure (internal/error-notice.ts and the uploader's notices). */
  .notice {
    display: flex;
    align-items: flex-start;
    gap: 0.6rem;
    padding: 0.7rem 0.8rem;
    border: 1px solid var(--_danger);
    border-left-width: 4px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_danger) 6%, var(--_surface));
  }
  .notice svg {
    flex: none;
    color: var(--_danger);
    margin-top: 0.1rem;
  }
  .notice p {
    margin: 0;
  }
  .notice .grow {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  /* In a narrow box a notice's button goes below its text, which keeps the whole width. */
  @container (max-width: 30rem) {
    .notice {
      flex-wrap: wrap;
    }
    .notice .grow {
      flex-basis: calc(100% - 2rem);
    }
    .notice > button {
      margin-inline-start: 1.75rem;
    }
  }
  .muted {
    color: var(--_muted);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
  @media (forced-colors: active) {
    .btn.primary {
      border: 2px solid ButtonText;
    }
    :focus-visible {
      outline: 2px solid Highlight;
    }
  }
`;
