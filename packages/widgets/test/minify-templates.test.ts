/**
 * The shipped builds' template minifier keeps every template's meaning: CSS rules as they were,
 * and in `html`/`svg` templates only whitespace runs that hold a line break, made one space.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
// @ts-expect-error: a plain ESM helper without types
import { minifyCss as minifyCssUntyped, minifyHtml as minifyHtmlUntyped } from '../minify-templates.mjs';

const minifyCss = minifyCssUntyped as (s: string) => string;
const minifyHtml = minifyHtmlUntyped as (s: string, fileName?: string) => string;
const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** The kinds of a file's tokens as TypeScript parses it (trivia left out). */
function tokens(source: string): ts.SyntaxKind[] {
  const kinds: ts.SyntaxKind[] = [];
  const visit = (node: ts.Node) => {
    kinds.push(node.kind);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  return kinds;
}

describe('minifyCss', () => {
  it('drops comments and layout whitespace, keeps the spaces that mean something', () => {
    const out = minifyCss(`
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
      ".row :focus-visible,.a>.b{padding-inline-start:calc(.25rem + var(--_depth) * var(--_indent));font-family:system-ui,'Segoe UI',sans-serif}@container (min-width:48rem){.layout{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}",
    );
  });

  it('writes combinators, !important, leading zeros and colours short; keeps the spaces in calc() and in strings', () => {
    const out = minifyCss(`
      .a ~ .b + .c { margin: 0.5em 10.25px -0.75rem; width: calc(100% - 0.5rem + 1px); }
      * { transition: none !important; opacity: 0.55; color: #FFffFF; background: #ffffee; }
      @media (width > 30rem) { [part~="x"], [title="a > b"] { scale: 1.05; } }
    `);
    assert.equal(
      out,
      '.a~.b+.c{margin:.5em 10.25px -0.75rem;width:calc(100% - .5rem + 1px)}*{transition:none!important;opacity:.55;color:#FfF;background:#ffe}@media (width>30rem){[part~="x"],[title="a > b"]{scale:1.05}}',
    );
  });
});

describe('minifyHtml', () => {
  it('makes each line break with its indentation one space in html and svg templates, and touches nothing else', () => {
    const source = [
      'const text = `keep\n    this`;',
      'const view = html`',
      '  <p class="a">',
      '    ${items.map((i) => html`<li>',
      '      ${i}</li>`)}',
      '    ${"a\\n  b" /* a ` in a comment */}',
      '  </p>  <span>x</span>`;',
      'const icon = svg`<path\n   d="M0 0"/>`;',
      'const other = css`a {\n  b: c; }`;',
    ].join('\n');
    assert.equal(
      minifyHtml(source),
      [
        'const text = `keep\n    this`;',
        'const view = html` <p class="a"> ${items.map((i) => html`<li> ${i}</li>`)} ${"a\\n  b" /* a ` in a comment */} </p>  <span>x</span>`;',
        'const icon = svg`<path d="M0 0"/>`;',
        'const other = css`a {\n  b: c; }`;',
      ].join('\n'),
    );
  });

  it('changes only whitespace in every source of the widgets, and only inside templates', () => {
    const files = readdirSync(SRC, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts') && !/\.(test|stories)\.ts$/.test(f));
    let changed = 0;
    for (const f of files) {
      const source = readFileSync(join(SRC, f), 'utf8');
      const out = minifyHtml(source, f);
      assert.equal(out.replace(/\s+/g, ''), source.replace(/\s+/g, ''), `${f}: only whitespace changes`);
      // The same tokens in the same order: no code joined a comment, no statement ran into another.
      assert.deepEqual(tokens(out), tokens(source), `${f}: the same tokens`);
      if (out !== source) changed++;
    }
    assert.ok(changed >= 10, `templates of ${changed} files minified`);
  });
});
