// An esbuild plugin for the shipped builds (dist/ and the self-contained bundle): the templates
// that Lit ships as they are written lose their layout whitespace, as esbuild's own minifier
// does for JavaScript but not inside template literals. `css` templates lose comments and all
// layout whitespace (0.5 KB brotli); `html` and `svg` templates keep their text and markup, and
// each run of whitespace that holds a line break becomes one space, which HTML renders alike
// (0.3 KB). The templates are found by TypeScript's parser, never by a pattern.
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

/** Minifies the body of one `css` template: comments and layout whitespace out, short forms of numbers and colours. */
export function minifyCss(body) {
  return (
    body
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      // Selectors' combinators without spaces (`.a > .b` is `.a>.b`); values keep theirs, which
      // calc() needs around + and -.
      .replace(/[^{};]+\{/g, (prelude) =>
        prelude.replace(/("[^"]*"|'[^']*')|\s*([>+~])\s*/g, (_, quoted, combinator) => quoted ?? combinator),
      )
      .replace(/\s*!important/g, '!important')
      // Numbers and colours in their short forms: 0.5 is .5, #ffffff is #fff.
      .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
      .replace(/#([\da-f])\1([\da-f])\2([\da-f])\3\b/gi, '#$1$2$3')
      .replace(/;}/g, '}')
      .trim()
  );
}

/**
 * The source with each run of whitespace holding a line break, in the static parts of its `html`
 * and `svg` templates, made one space. Expressions (`${…}`) and everything outside these
 * templates stay as they are, to the character.
 */
export function minifyHtml(source, fileName = 'source.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const parts = [];
  const visit = (node) => {
    if (
      ts.isTaggedTemplateExpression(node) &&
      ts.isIdentifier(node.tag) &&
      ['html', 'svg'].includes(node.tag.text)
    ) {
      const t = node.template;
      parts.push(
        ...(ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)]),
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  // From the end, so that the positions of the parts before stay right.
  for (const part of parts.sort((a, b) => b.pos - a.pos)) {
    // A part's text lies between its delimiters: ` or } before it, ` or ${ after it.
    const closes = ts.isNoSubstitutionTemplateLiteral(part) || part.kind === ts.SyntaxKind.TemplateTail;
    const start = part.getStart(file) + 1;
    const end = part.end - (closes ? 1 : 2);
    out = out.slice(0, start) + out.slice(start, end).replace(/[ \t]*\n\s*/g, ' ') + out.slice(end);
  }
  return out;
}

const STYLES = /[\\/]src[\\/](styles[\\/]tokens|components[\\/][^\\/]+[\\/][^\\/]+\.styles)\.ts$/;

export const minifyTemplatesPlugin = {
  name: 'docportal-minify-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]widgets[\\/]src[\\/].+\.ts$/ }, async (args) => {
      if (/\.(test|stories)\.ts$/.test(args.path)) return undefined;
      let source = await readFile(args.path, 'utf8');
      // The styles files hold static CSS only (no `${}`), so a template body ends at the next backtick.
      if (STYLES.test(args.path))
        source = source.replace(/css`([^`]*)`/g, (_, body) => `css\`${minifyCss(body)}\``);
      return { contents: minifyHtml(source, args.path), loader: 'ts' };
    });
  },
};
