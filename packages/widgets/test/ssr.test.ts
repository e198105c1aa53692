import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Each import runs in a fresh Node process, as in server-side rendering: no window, no document,
// no localStorage (feature checks like `typeof document` are fine; using them is not).
async function importAlone(specifier: string): Promise<string> {
  const code = `
    const m = await import(${JSON.stringify(specifier)});
    if (typeof window !== 'undefined' || typeof document !== 'undefined') throw new Error('a DOM appeared');
    console.log(Object.keys(m).sort().join(','));`;
  const { stdout } = await run(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', code], { cwd: new URL('../../..', import.meta.url).pathname });
  return stdout.trim();
}

describe('server-side import', () => {
  it('@docportal/widgets imports in Node without a DOM and registers without throwing', async () => {
    const keys = await importAlone('@docportal/widgets');
    for (const name of ['DocProvider', 'DocUploader', 'SharePicker']) assert.ok(keys.split(',').includes(name), name);
  });

  it('@docportal/core-sdk imports in Node without a DOM', async () => {
    assert.match(await importAlone('@docportal/core-sdk'), /createClient/);
  });
});
