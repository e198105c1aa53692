import { css } from 'lit';

export const styles = css`
  /* Layout follows the element's own width, not the window's: a sidebar or a modal is a narrow box.
     The container is inside the shadow root, so that the share picker's list can still rise above
     the elements after this one. */
  .wrap {
    container-type: inline-size;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_s4);
  }
  .dropzone {
    display: grid;
    justify-items: center;
    gap: 0.35rem;
    width: 100%;
    padding: 1.75rem 1rem;
    border: 2px dashed var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_subtle);
    color: var(--_text);
    text-align: center;
    cursor: pointer;
    transition:
      background-color 120ms,
      border-color 120ms;
  }
  .dropzone:not([disabled]):hover,
  .dropzone.over {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }
  /* Disabled: inert to look at, muted but still readable (the muted tokens keep 4.5:1). */
  .dropzone[disabled] {
    cursor: default;
    color: var(--_muted);
    border-color: var(--_border);
  }
  .dropzone[disabled] svg {
    color: var(--_muted);
  }
  .dropzone svg {
    width: 28px;
    height: 28px;
    color: var(--_accent);
  }
  .drop-title {
    font-weight: 600;
    font-size: 1.05em;
  }
  .drop-hint {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .files {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .file {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_s3);
    padding: 0.9rem;
    border: 1px solid color-mix(in srgb, var(--_border) 60%, var(--_surface));
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .file-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    min-width: 0;
  }
  .file-head svg {
    flex: none;
    color: var(--_muted);
  }
  .thumb {
    flex: none;
    width: 2rem;
    height: 2rem;
    object-fit: cover;
    border-radius: 4px;
  }
  .file-name {
    flex: 1 1 8rem;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
  }
  .file-size {
    flex: none;
    color: var(--_muted);
    font-size: 0.9em;
  }
  /* Type and buttons keep together: when the row is narrow they wrap as one, to the right. */
  .file-tools {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin-left: auto;
  }
  .file-type {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .details,
  .fields {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_s3);
  }
  /* Title and type share a line when there is room; the recipients take the whole width. */
  .fields > share-picker {
    grid-column: 1 / -1;
  }
  @container (min-width: 34rem) {
    .fields {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    }
  }
  .status {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-height: 2.25rem;
  }
  .bar {
    flex: 1;
    height: 0.5rem;
    border-radius: 999px;
    background: var(--_subtle);
    border: 1px solid color-mix(in srgb, var(--_border) 50%, transparent);
    overflow: hidden;
  }
  .bar > span {
    display: block;
    height: 100%;
    background: var(--_accent);
    transition: width 150ms linear;
  }
  .ok {
    color: var(--_success);
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.75rem;
  }
  .actions .end {
    margin-inline-start: auto;
  }
  .success {
    display: grid;
    gap: 0.5rem;
    padding: 1rem;
    border: 1px solid var(--_success);
    border-left-width: 4px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_success) 7%, var(--_surface));
  }
  .success .heading {
    margin: 0;
    font-size: 1.05em;
    display: flex;
    align-items: center;
    gap: 0.4rem;
  }
  /* Focus lands on the heading so that it is read out; it is not a control and needs no ring. */
  .success .heading:focus,
  .success .heading:focus-visible {
    outline: none;
    box-shadow: none;
  }
  .success ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .success p {
    margin: 0;
  }
  input[type='file'] {
    display: none;
  }
  /* Several files: type and recipients once for all, in a box of their own. */
  .shared {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0.9rem;
    min-width: 0;
    border: 1px solid color-mix(in srgb, var(--_border) 60%, var(--_surface));
    border-radius: var(--_radius);
  }
  .shared legend {
    padding: 0 0.3rem;
    font-weight: 600;
  }
  .btn.own,
  .btn.edit {
    justify-self: start;
    min-height: 2.25rem;
  }
  .btn.own[aria-pressed='true'],
  .btn.edit[aria-expanded='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  /* Forced colours drop backgrounds: the fill keeps Highlight, boundaries take system colours. */
  @media (forced-colors: active) {
    .bar {
      border-color: CanvasText;
    }
    .bar > span {
      forced-color-adjust: none;
      background: Highlight;
    }
    .dropzone:hover,
    .dropzone.over {
      border-color: Highlight;
    }
  }
`;
