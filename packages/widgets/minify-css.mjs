// An esbuild plugin for the shipped builds (dist/ and the self-contained bundle): the `css`
// templates of the styles files lose their comments and layout whitespace, as esbuild's own
// minifier does for JavaScript but not for CSS inside template literals (0.5 KB brotli).
import { readFile } from 'node:fs/promises';

/** Minifies the body of one `css` template: comments and layout whitespace out, nothing else. */
export function minifyCss(body) {
  return body
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

export const minifyCssPlugin = {
  name: 'docportal-minify-css',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]src[\\/](styles[\\/]tokens|components[\\/][^\\/]+[\\/][^\\/]+\.styles)\.ts$/ },
      async (args) => {
        const source = await readFile(args.path, 'utf8');
        // The styles files hold static CSS only (no `${}`), so a template body ends at the next backtick.
        return {
          contents: source.replace(/css`([^`]*)`/g, (_, body) => `css\`${minifyCss(body)}\``),
          loader: 'ts',
        };
      },
    );
  },
};
