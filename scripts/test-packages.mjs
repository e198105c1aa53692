#!/usr/bin/env node
// The packages as a consumer gets them: builds every package, packs the tarballs (with the
// manifest npm publishes: no `source` condition), then checks
//   - each tarball: publint (warnings count), `attw --profile esm-only`, no tests or stories inside;
//   - a fresh consumer project in a temporary folder outside the repository, installing the
//     tarballs with npm (hoisted) and with npm's isolated, pnpm-like layout
//     (`--install-strategy=linked`: a package sees only its declared dependencies), that
//     type-checks (skipLibCheck off) with moduleResolution `bundler` and `node16`, React 19 JSX
//     of the four elements included (`@docportal/widgets/react`).
// One line per check ("ok …" / "FAIL …"), then "N passed, M failed" alone on the last line.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const PACKAGES = ['core-sdk', 'mock-server', 'widgets'];
const work = mkdtempSync(join(tmpdir(), 'docportal-packages-'));
let passed = 0;
let failed = 0;

function check(name, fn) {
  try {
    fn();
    passed++;
    console.log(`ok ${name}`);
  } catch (e) {
    failed++;
    console.log(
      `FAIL ${name}\n${String(e.stdout ?? '')}${String(e.stderr ?? '')}${e.stdout || e.stderr ? '' : e.message}`.trimEnd(),
    );
  }
}
const run = (cmd, args, cwd = root) =>
  execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: 'pipe',
    env: {
      ...process.env,
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_update_notifier: 'false',
    },
  });

try {
  console.log('building every package…');
  run('npm', ['run', 'build', '--silent']);
  const tarballs = {};
  for (const p of PACKAGES) {
    const out = JSON.parse(
      run('npm', ['pack', '--json', '--silent', '--pack-destination', work], join(root, 'packages', p)),
    );
    tarballs[p] = { file: join(work, out[0].filename), files: out[0].files.map((f) => f.path) };
  }

  for (const p of PACKAGES) {
    const { file, files } = tarballs[p];
    check(`${p}: publint`, () => {
      const out = run(bin('publint'), ['run', file, '--strict']);
      if (!/All good!/.test(out)) throw new Error(out);
    });
    // Stylesheets are no module: attw resolves JavaScript and types, so they are left out of its check
    // (and checked to be in the tarball instead).
    const css = Object.keys(
      JSON.parse(readFileSync(join(root, 'packages', p, 'package.json'), 'utf8')).exports,
    ).filter((k) => k.endsWith('.css'));
    check(
      `${p}: attw --profile esm-only`,
      () =>
        void run(bin('attw'), [
          file,
          '--profile',
          'esm-only',
          '--format',
          'table-flipped',
          ...(css.length ? ['--exclude-entrypoints', ...css] : []),
        ]),
    );
    if (css.length)
      check(`${p}: stylesheets in the tarball`, () => {
        const missing = css.map((k) => `dist/${k.slice(2)}`).filter((f) => !files.includes(f));
        if (missing.length) throw new Error(`missing ${missing.join(', ')}`);
      });
    check(`${p}: tarball without tests, stories or sources`, () => {
      const bad = files.filter((f) => /(^|\/)(test|stories)\/|\.(test|stories)\.|^src\//.test(f));
      if (bad.length) throw new Error(`ships ${bad.join(', ')}`);
    });
    check(`${p}: packed manifest without the development-only "source" condition`, () => {
      const manifest = JSON.parse(run('tar', ['-xOzf', file, 'package/package.json']));
      if (JSON.stringify([manifest.exports, manifest.imports]).includes('"source"'))
        throw new Error(JSON.stringify(manifest.exports, null, 2));
    });
  }

  // A portal's own code, using what the READMEs show.
  const consumer = `
import '@docportal/widgets';
import { DocUploader, DocUploadedEvent } from '@docportal/widgets';
import { createClient as bundledClient, DocPortalError as BundledError, SharePicker } from '@docportal/widgets/bundle';
import { createClient, DocPortalError, NotFoundError, type Document } from '@docportal/core-sdk';
import { createStore, handlers } from '@docportal/mock-server';
import { startWorker } from '@docportal/mock-server/browser';

const client = createClient({ baseUrl: '/api/v1', token: () => 'manager' });
const other = bundledClient({ baseUrl: '/api/v1', token: 'manager' });
const uploader: DocUploader = document.createElement('doc-uploader');
uploader.addEventListener('doc-uploaded', (e: DocUploadedEvent) => { const d: Document = e.detail.document; void d; });
const picker: SharePicker | null = document.querySelector('share-picker');
export const all = [client, other, uploader, picker, DocPortalError, NotFoundError, BundledError, createStore, handlers, startWorker];
`;
  // React 19 JSX: attributes, properties and on<event-name> props with typed detail.
  const jsx = `
import type {} from '@docportal/widgets/react';
import { createClient } from '@docportal/core-sdk';
import type { DocUploadedEvent } from '@docportal/widgets';

const client = createClient({ baseUrl: '/api/v1', token: 'manager' });
export const page = (
  <doc-provider base-url="/api/v1" token={() => 'manager'} scope="property:rosenweg-24" locale="de">
    <doc-uploader document-type="objektunterlagen" single ondoc-uploaded={(e: DocUploadedEvent) => e.detail.document.title} ondoc-upload-error={(e) => String(e.detail.error)} />
    <share-picker client={client} value={[]} name="shares" onchange={(e) => e.type} />
    <doc-folder-tree mode="manage" ondoc-download={(e) => e.detail.document.id} ondoc-document-change={(e) => e.detail.deleted} />
  </doc-provider>
);
// @ts-expect-error no such mode
export const wrongMode = <doc-folder-tree mode="edit" />;
// @ts-expect-error the detail of doc-download has no file
export const wrongDetail = <doc-folder-tree ondoc-download={(e) => e.detail.file} />;
`;
  const tsconfig = (resolution) => ({
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
      jsx: 'react-jsx',
      ...(resolution === 'bundler'
        ? { module: 'ESNext', moduleResolution: 'Bundler' }
        : { module: 'Node16', moduleResolution: 'Node16' }),
    },
    files: ['index.ts', 'page.tsx'],
  });
  for (const layout of ['hoisted', 'linked']) {
    const dir = join(work, `consumer-${layout}`);
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify(
        {
          name: 'portal',
          private: true,
          type: 'module',
          dependencies: {
            ...Object.fromEntries(PACKAGES.map((p) => [`@docportal/${p}`, `file:${tarballs[p].file}`])),
            '@types/react': '19.3.3',
          },
        },
        null,
        2,
      ),
    );
    writeFileSync(join(dir, 'index.ts'), consumer);
    writeFileSync(join(dir, 'page.tsx'), jsx);
    for (const r of ['bundler', 'node16'])
      writeFileSync(join(dir, `tsconfig.${r}.json`), JSON.stringify(tsconfig(r), null, 2));
    let installed = false;
    check(`consumer (${layout} node_modules): npm install of the tarballs`, () => {
      run(
        'npm',
        [
          'install',
          '--prefer-offline',
          '--no-package-lock',
          '--ignore-scripts',
          `--install-strategy=${layout}`,
        ],
        dir,
      );
      installed = true;
    });
    if (!installed) continue;
    check(
      `consumer (${layout} node_modules): @docportal/widgets/bundle imports in Node with the SDK's API`,
      () => {
        const out = run(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            "const b = await import('@docportal/widgets/bundle'); console.log(typeof b.createClient, typeof b.DocPortalError, typeof b.DocUploader);",
          ],
          dir,
        );
        if (out.trim() !== 'function function function') throw new Error(out);
      },
    );
    for (const r of ['bundler', 'node16'])
      check(
        `consumer (${layout} node_modules): tsc, moduleResolution ${r}`,
        () =>
          void run(
            process.execPath,
            [join(root, 'node_modules/typescript/bin/tsc'), '-p', `tsconfig.${r}.json`],
            dir,
          ),
      );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
