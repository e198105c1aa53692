import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { useServer } from './helpers.ts';

const api = useServer({ resetEach: false });
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const script = /## Walkthroughs with curl[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];

describe('README walkthroughs with curl', () => {
  it('run as written and show what the walkthroughs promise', async () => {
    assert.ok(script, 'the README has the curl block');
    const cwd = mkdtempSync(join(tmpdir(), 'docportal-readme-'));
    try {
      const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script!], {
        cwd,
        env: { ...process.env, API: `${api.url}/api/v1` },
      });
      assert.match(stdout, /"label":"Alle Mieter"/);
      assert.match(stdout, /"count":4/);
      assert.match(stdout, /Ahmet sees it/);
      assert.match(stdout, /Ahmet downloaded it byte for byte/);
      assert.match(stdout, /paul-klein: 404/);
      assert.match(stdout, /kristina-maiblume: 404/);
      assert.match(stdout, /manager sees 1 download/);
      assert.match(stdout, /"digests":\[\{"contact":\{"id":"ahmet-yilmaz"/);
      assert.match(stdout, /Kristina: 200/);
      assert.match(stdout, /lena-hoffmann: 404/);
      assert.match(stdout, /jonas-becker: 404/);
      assert.match(stdout, /in the unit documents/);
      assert.match(stdout, /"title":"Bedienungsanleitung Gastherme"/);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
