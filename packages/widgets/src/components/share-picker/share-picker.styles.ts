import { css } from 'lit';

export const styles = css`
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
    display: grid;
    gap: 0.6rem;
  }
  legend {
    padding: 0;
    margin-bottom: 0.35rem;
    font-weight: 600;
    font-size: 0.9em;
  }
  .roles {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
  }
  .role {
    display: inline-flex;
    align-items: center;
    gap: 0.45rem;
    min-height: 2.25rem;
    font-weight: 400;
    font-size: 1em;
    cursor: pointer;
  }
  .role input {
    width: 1.15rem;
    height: 1.15rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .count {
    color: var(--_muted);
  }
  .combo {
    position: relative;
  }
  /* In the flow, never over what comes below it: the count line and the buttons move down. */
  .listbox {
    margin: 4px 0 0;
    max-height: calc(var(--_row) * 6.5);
    overflow-y: auto;
    padding: 0;
    list-style: none;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .listbox[hidden] {
    display: none;
  }
  /* Under the list: the note that more matched, or the notice of a failed search. */
  .list-note {
    margin: 0.35rem 0 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  /* A container of its own, so that the notice puts its button below its text when narrow. */
  .failed {
    container-type: inline-size;
    margin-top: 0.35rem;
  }
  :host {
    --_row: 3.25rem;
  }
  .option {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
    height: var(--_row);
    padding: 0 0.75rem;
    cursor: pointer;
  }
  .option.active {
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  .option-text {
    display: grid;
    min-width: 0;
    flex: 1;
  }
  .option-check {
    flex: none;
    width: 18px;
    color: var(--_accent);
  }
  .option-label,
  .option-desc {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .option-desc,
  .option-count {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .option-count {
    flex: none;
  }
  .status {
    padding: 0.6rem 0.75rem;
    color: var(--_muted);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2rem;
    max-width: 100%;
    padding: 0.15rem 0.2rem 0.15rem 0.7rem;
    border-radius: 999px;
    background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
    border: 1px solid color-mix(in srgb, var(--_accent) 35%, var(--_surface));
  }
  .chip-label {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .chip-kind {
    flex: none;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .chip-audience {
    min-width: 0;
    max-width: 100%;
    font: inherit;
    font-size: 0.9em;
    color: var(--_text);
    background: transparent;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    padding: 0.1rem 0.15rem;
    cursor: pointer;
  }
  .chip-audience:hover {
    border-color: var(--_border);
  }
  .chip .icon-btn {
    width: 1.9rem;
    height: 1.9rem;
    border-radius: 999px;
  }
  .summary {
    display: flex;
    align-items: center;
    gap: 0.45rem;
    margin: 0;
    color: var(--_muted);
    font-size: 0.92em;
  }
  .summary svg {
    flex: none;
  }
  /* The line takes the room of its longest wording, counting or settled, so that what follows
     it does not move when the count arrives (the hidden wordings are generated content). */
  .stack {
    display: grid;
  }
  .stack > span,
  .stack::before,
  .stack::after {
    grid-area: 1 / 1;
  }
  .stack::before {
    content: attr(data-counting);
    visibility: hidden;
  }
  .stack::after {
    content: attr(data-settled);
    visibility: hidden;
  }
  .summary strong {
    color: var(--_text);
  }
  /* Disabled: muted, not faded, so that what was chosen stays readable (4.5:1). */
  :host([disabled]) {
    color: var(--_muted);
  }
  @media (forced-colors: active) {
    /* The highlighted suggestion is outlined; a chosen one keeps its check mark. */
    .option.active {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
  }
`;
