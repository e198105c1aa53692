/** The shipped builds' CSS minifier keeps every rule's meaning. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain ESM helper without types
import { minifyCss } from '../minify-css.mjs';

describe('minifyCss', () => {
  it('drops comments and layout whitespace, keeps the spaces that mean something', () => {
    const out = (minifyCss as (s: string) => string)(`
      /* a comment */
      .row :focus-visible,
      .a > .b {
        padding-inline-start: calc(0.25rem + var(--_depth) * var(--_indent));
        font-family: system-ui, 'Segoe UI',  sans-serif;
      }
      @container (min-width: 48rem) {
        .layout { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
      }
    `);
    assert.equal(
      out,
      ".row :focus-visible,.a > .b{padding-inline-start:calc(0.25rem + var(--_depth) * var(--_indent));font-family:system-ui,'Segoe UI',sans-serif}@container (min-width:48rem){.layout{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}",
    );
  });
});
