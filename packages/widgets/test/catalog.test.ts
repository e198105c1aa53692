/**
 * The string catalogs (src/i18n/de.ts, en.ts) hold what the widgets say, and nothing else: every
 * key is read somewhere in the widgets' sources, German and English have the same keys, and the
 * maps looked up by a value (an error's code, a file's kind, a target's kind, an audience) have a
 * string for every value and none for values that do not exist.
 *
 * Reads are found by TypeScript's own type checker, not by text search: a property access or a
 * destructuring whose property is declared in `de.ts` counts as a read of that key.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { ClientErrorCode, ShareTarget } from '@docportal/core-sdk';
import { ProblemCode } from '@docportal/core-sdk/contract';
import { FILE_KINDS } from '@docportal/core-sdk/internal';
import { AUDIENCES } from '../src/components/share-picker/targets.ts';
import { de } from '../src/i18n/de.ts';
import { en } from '../src/i18n/en.ts';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const CATALOG = `${SRC}i18n/de.ts`;

// Written as records so that the type check fails when the SDK adds or drops a value.
const CLIENT_CODES: Record<ClientErrorCode, true> = {
  network_error: true,
  timeout: true,
  aborted: true,
  invalid_response: true,
  empty_file: true,
  unexpected: true,
  server_error: true,
  http_error: true,
};
const TARGET_KINDS: Record<ShareTarget['kind'], true> = {
  property: true,
  address: true,
  unit: true,
  group: true,
  contact: true,
};

/**
 * Maps whose entries are looked up by a value: the values that must each have an entry, and for
 * error codes the values that may (a code without its own sentence is said by `other`).
 */
const LOOKED_UP: Record<string, { must: readonly string[]; may?: readonly string[] }> = {
  errors: { must: ['other'], may: [...ProblemCode.options, ...Object.keys(CLIENT_CODES)] },
  'uploader.kinds': { must: Object.keys(FILE_KINDS) },
  'picker.kind': { must: Object.keys(TARGET_KINDS) },
  'picker.audience': { must: AUDIENCES },
};

type Catalog = { [key: string]: unknown };

/** Every key path of a catalog, maps looked up by a value counted as one key. */
function keys(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) => {
    const path = prefix + key;
    if (path in LOOKED_UP || typeof value !== 'object' || value === null) return [path];
    return keys(value as Catalog, `${path}.`);
  });
}

/** The key path of a property declared in de.ts: its names from the catalog's root down. */
function pathOf(declaration: ts.Node): string | undefined {
  const names: string[] = [];
  for (let node: ts.Node = declaration; !ts.isVariableDeclaration(node); node = node.parent) {
    if (ts.isPropertyAssignment(node) && !ts.isComputedPropertyName(node.name))
      names.unshift(node.name.getText());
    if (ts.isSourceFile(node)) return undefined;
  }
  return names.join('.');
}

/** The key paths of de.ts that the widgets' sources (stories and tests excluded) read. */
function readKeys(): Set<string> {
  const config = ts.getParsedCommandLineOfConfigFile(
    fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )!;
  const sources = config.fileNames.filter(
    (f) => f.startsWith(SRC) && !/\.(test|stories)\.ts$|\/i18n\/|\/test\//.test(f),
  );
  const program = ts.createProgram(sources, config.options);
  const checker = program.getTypeChecker();
  const read = new Set<string>();
  const note = (symbol: ts.Symbol | undefined) => {
    for (const declaration of symbol?.declarations ?? []) {
      const path = declaration.getSourceFile().fileName === CATALOG ? pathOf(declaration) : undefined;
      if (path) read.add(path);
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) note(checker.getSymbolAtLocation(node.name));
    if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      const name = (node.propertyName ?? node.name).getText();
      note(checker.getTypeAtLocation(node.parent).getProperty(name));
    }
    ts.forEachChild(node, visit);
  };
  for (const file of sources) visit(program.getSourceFile(file)!);
  return read;
}

describe('string catalogs', () => {
  it('German and English have the same keys', () => {
    assert.deepEqual(keys(en).sort(), keys(de).sort());
  });

  it('every key is read by the widgets (a key nothing reads is a string nobody sees)', () => {
    const read = readKeys();
    // A map looked up by a value is read when any of its entries' parents is.
    const unread = keys(de).filter(
      (key) => !read.has(key) && ![...read].some((r) => r.startsWith(`${key}.`)),
    );
    assert.deepEqual(unread, []);
  });

  for (const [map, { must, may = [] }] of Object.entries(LOOKED_UP)) {
    it(`"${map}" has a string for every value it is looked up by, and none for a value that does not exist`, () => {
      for (const [language, catalog] of Object.entries({ de, en })) {
        const entries = Object.keys(map.split('.').reduce<Catalog>((at, key) => at[key] as Catalog, catalog));
        assert.deepEqual(
          must.filter((value) => !entries.includes(value)),
          [],
          `missing in ${map} (${language})`,
        );
        assert.deepEqual(
          entries.filter((key) => !must.includes(key) && !may.includes(key)),
          [],
          `no such value in ${map} (${language})`,
        );
      }
    });
  }
});
