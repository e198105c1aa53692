/**
 * custom-elements.json describes the published package: it is what `npm run manifest` makes of
 * today's sources (not stale), each element's module is a published file (an export of
 * package.json, built by tsup), and each element has its `custom-element-definition`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const committed = read(join(dir, 'custom-elements.json')) as {
  modules: Array<{
    path: string;
    declarations: Array<{ name: string; tagName?: string; customElement?: boolean }>;
    exports: Array<{ kind: string; name: string; declaration: { name: string; module: string } }>;
  }>;
};
const pkg = read(join(dir, 'package.json')) as { exports: Record<string, string | Record<string, string>> };

describe('custom-elements.json', () => {
  it('is what the analyzer makes of the sources today (run `npm run manifest -w @docportal/widgets`)', () => {
    const out = mkdtempSync(join(tmpdir(), 'docportal-cem-'));
    try {
      // The analyzer joins --outdir to its working directory.
      execFileSync(
        process.execPath,
        [
          join(dir, '../../node_modules/@custom-elements-manifest/analyzer/cem.js'),
          'analyze',
          '--config',
          'custom-elements-manifest.config.mjs',
          '--outdir',
          relative(dir, out),
        ],
        { cwd: dir, stdio: 'pipe' },
      );
      assert.deepEqual(read(join(out, 'custom-elements.json')), committed);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('is the one package.json names (and running the analyzer leaves package.json alone)', () => {
    assert.equal(read(join(dir, 'package.json')).customElements, 'custom-elements.json');
  });

  it('points every element at the published file that defines it, with its definition', () => {
    const tags = committed.modules.flatMap((m) =>
      m.declarations.filter((d) => d.customElement).map((d) => d.tagName),
    );
    assert.deepEqual(tags.sort(), ['doc-folder-tree', 'doc-provider', 'doc-uploader', 'share-picker']);
    for (const mod of committed.modules) {
      const tag = mod.declarations[0]!.tagName!;
      assert.equal(mod.path, `dist/${tag}.js`);
      const exported = pkg.exports[`./${tag}.js`] as Record<string, string>;
      assert.equal(
        exported.import,
        `./${mod.path}`,
        `package.json exports ./${tag}.js as the manifest's module`,
      );
      const definition = mod.exports.find((e) => e.kind === 'custom-element-definition');
      assert.deepEqual(definition, {
        kind: 'custom-element-definition',
        name: tag,
        declaration: { name: mod.declarations[0]!.name, module: mod.path },
      });
      assert.ok(!JSON.stringify(mod).includes('src/'), `${mod.path} refers to no source file`);
    }
  });
});
