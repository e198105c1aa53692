/**
 * The theming tokens are one list: the defaults in tokens.ts, the "light" theme of themes.css,
 * the README's table and the autodocs (custom-elements.json) say the same. Dark and high
 * contrast set every colour token.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');
const tokensTs = read('../src/styles/tokens.ts');
const themesCss = read('../src/styles/themes.css');
const readme = read('../README.md');

/** `--doc-x` → default, as tokens.ts reads it (`var(--doc-x, default)`). */
const defaults = new Map(
  [...tokensTs.matchAll(/var\((--doc-[a-z-]+),\s*([^;]+?)\);?\n/g)].map((m) => [
    m[1]!,
    m[2]!.replace(/\)$/, '').trim(),
  ]),
);

/** The declarations of one theme's first rule in themes.css. */
function theme(name: string): Map<string, string> {
  const rule = new RegExp(`\\[data-doc-theme='${name}'\\][^{]*\\{([^}]*)\\}`).exec(themesCss);
  assert.ok(rule, `themes.css has a rule for data-doc-theme='${name}'`);
  return new Map([...rule[1]!.matchAll(/(--doc-[a-z-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

describe('theming tokens', () => {
  it('tokens.ts reads every token with a default, spacing and radius included', () => {
    for (const t of [
      '--doc-color-accent',
      '--doc-color-focus',
      '--doc-radius',
      '--doc-space-xs',
      '--doc-space-s',
      '--doc-space-m',
      '--doc-space-l',
      '--doc-font-family',
      '--doc-font-size',
      '--doc-focus-ring',
    ])
      assert.ok(defaults.has(t) || tokensTs.includes(`var(${t}`), `tokens.ts reads ${t}`);
  });

  it('the light theme is the defaults', () => {
    for (const [token, value] of theme('light')) {
      const d = defaults.get(token);
      if (d?.startsWith('var(')) continue; // a default that follows another token
      assert.equal(value, d, `${token} in themes.css (light) and tokens.ts`);
    }
  });

  it('dark and high contrast set every colour token, and "auto" is dark under prefers-color-scheme: dark', () => {
    const colours = [...defaults.keys()].filter((t) => t.startsWith('--doc-color-'));
    for (const name of ['light', 'dark', 'high-contrast'])
      for (const t of colours) assert.ok(theme(name).has(t), `${name} sets ${t}`);
    const auto = /prefers-color-scheme: dark\)\s*\{\s*\[data-doc-theme='auto'\][^{]*\{([^}]*)\}/.exec(
      themesCss,
    );
    assert.ok(auto, 'an auto rule under prefers-color-scheme: dark');
    const dark = theme('dark');
    for (const m of auto[1]!.matchAll(/(--doc-[a-z-]+):\s*([^;]+);/g))
      assert.equal(m[2]!.trim(), dark.get(m[1]!), `auto (dark) ${m[1]}`);
  });

  it('the README documents every token, and the autodocs list it for every element', () => {
    const all = new Set([...tokensTs.matchAll(/var\((--doc-[a-z-]+)/g)].map((m) => m[1]!));
    const manifest = JSON.parse(read('../custom-elements.json')) as {
      modules: { declarations?: { tagName?: string; cssProperties?: { name: string }[] }[] }[];
    };
    const elements = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.tagName && d.tagName !== 'doc-provider');
    assert.equal(elements.length, 3);
    for (const t of all) {
      assert.match(readme, new RegExp(`^\\| \`${t}\``, 'm'), `README table row for ${t}`);
      for (const el of elements)
        assert.ok(
          el.cssProperties?.some((p) => p.name === t),
          `custom-elements.json: ${el.tagName} lists ${t}`,
        );
    }
  });

  it('the autodocs list the parts the README names for each element', () => {
    const manifest = JSON.parse(read('../custom-elements.json')) as {
      modules: { declarations?: { tagName?: string; cssParts?: { name: string }[] }[] }[];
    };
    const byTag = new Map(
      manifest.modules
        .flatMap((m) => m.declarations ?? [])
        .filter((d) => d.tagName)
        .map((d) => [d.tagName!, new Set((d.cssParts ?? []).map((p) => p.name))]),
    );
    for (const [, tag, list] of readme.matchAll(/^\| `<([a-z-]+)>` \| (.+) \|$/gm)) {
      const parts = [...list!.matchAll(/`([a-z_-]+)`/g)]
        .map((m) => m[1]!)
        .filter((p) => !p.startsWith('picker__') && !p.startsWith('--'));
      for (const part of parts)
        if (
          !part.startsWith('file--') &&
          !part.startsWith('row--') &&
          !part.startsWith('button--') &&
          !part.startsWith('option--')
        )
          assert.ok(byTag.get(tag!)?.has(part), `custom-elements.json: <${tag}> documents the part ${part}`);
    }
  });
});
