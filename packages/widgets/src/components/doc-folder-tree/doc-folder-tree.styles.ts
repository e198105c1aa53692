import { css } from 'lit';

export const styles = css`
  :host {
    --_row: 2.5rem;
    --_indent: var(--doc-tree-indent, 1.25rem);
  }
  /* The editor goes beside the tree when the element is wide enough, else below it. The container
     is inside the shadow root, so that the share picker's list can rise above what follows. */
  .frame {
    container-type: inline-size;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_s4);
    align-items: start;
  }
  @container (min-width: 48rem) {
    .layout.with-editor {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
  }
  .scroller {
    height: var(--doc-tree-height, 24rem);
    overflow-y: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    position: relative;
  }
  [role='tree'] {
    margin: 0;
    padding: 0;
    list-style: none;
    position: relative;
    height: calc(var(--_n) * var(--_row));
  }
  /* Rows are placed in rem (through --_row), so that they follow the text size. */
  .row {
    position: absolute;
    top: calc(var(--_i) * var(--_row));
    inset-inline: 0;
    display: flex;
    align-items: center;
    gap: 0.4rem;
    height: var(--_row);
    padding-inline: 0.5rem 0.75rem;
    padding-inline-start: calc(0.25rem + var(--_depth) * var(--_indent));
    border-inline-start: 4px solid transparent;
    cursor: pointer;
    white-space: nowrap;
  }
  .row:hover {
    background: var(--_subtle);
  }
  .row[aria-selected='true'],
  .row.editing {
    background: var(--_tint);
    border-inline-start-color: var(--_accent);
  }
  .row:focus-visible {
    outline-offset: -2px;
  }
  [data-drop='before'] {
    box-shadow: inset 0 3px var(--_accent);
  }
  [data-drop='after'] {
    box-shadow: inset 0 -3px var(--_accent);
  }
  [data-drop='into'] {
    outline: 2px dashed var(--_accent);
    outline-offset: -2px;
  }
  .twisty {
    flex: none;
    width: 1.25rem;
    text-align: center;
    color: var(--_muted);
    transition: transform 120ms;
  }
  [aria-expanded='true'] > .twisty {
    transform: rotate(90deg);
  }
  .name {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .type .name {
    font-weight: 600;
  }
  .meta {
    flex: none;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .more .name {
    color: var(--_accent);
    text-decoration: underline;
  }
  .details {
    display: grid;
    gap: var(--_s3);
    padding: var(--_s4);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .details .heading {
    margin: 0;
    font-size: 1.05em;
    overflow-wrap: anywhere;
  }
  /* Focus lands on the heading to be read out; it is not a control and needs no ring. */
  .details .heading:focus,
  .details .heading:focus-visible {
    outline: none;
    box-shadow: none;
  }
  .details p {
    margin: 0;
  }
  .bar,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .confirm p {
    flex-basis: 100%;
  }
  /* The editor's actions stay in view while any of it is; not in a narrow box, where their
     wrapped rows would cover the fields. */
  @container (min-width: 30rem) {
    .details > .bar {
      position: sticky;
      bottom: 0;
      padding-block: var(--_s2);
      border-top: 1px solid var(--_border);
      background: var(--_surface);
    }
  }
  .name-form label {
    flex-basis: 100%;
  }
  .btn.danger {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  .admin {
    display: grid;
    gap: var(--_s2);
  }
  .admin .grow {
    flex: 1;
    min-width: 10rem;
    width: auto;
  }
  .hint {
    margin: 0;
    font-size: 0.85em;
  }
  .downloads {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .scroller > .notice {
    margin: var(--_s3);
  }
  .status {
    padding: 1rem;
    color: var(--_muted);
  }
  /* Forced colours drop the tint: selected and edited rows are outlined (dashed, apart from the solid focus ring). */
  @media (forced-colors: active) {
    .row[aria-selected='true'],
    .row.editing {
      outline: 2px dashed Highlight;
      outline-offset: -2px;
    }
    .row:focus-visible {
      outline-style: solid;
    }
    [data-drop='before'] {
      border-top: 3px solid Highlight;
    }
    [data-drop='after'] {
      border-bottom: 3px solid Highlight;
    }
  }
`;
