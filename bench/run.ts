/**
 * `npm run bench`: runs every benchmark, prints one markdown table and writes
 * bench/results.json. Medians of several runs; each figure against a baseline of the same run.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Row } from './lib.ts';
import { benchMockServer } from './mock-server.ts';
import { benchSize } from './size.ts';
import { benchUpload } from './upload.ts';
import { benchUploadSmall } from './upload-small.ts';
import { benchPicker } from './picker.ts';
import { benchTree } from './tree.ts';
import { benchMany } from './many.ts';

const benches: Array<[string, () => Promise<Row[]>]> = [
  ['size', benchSize],
  ['upload', benchUpload],
  // Also part of `upload`; alone: `npm run bench upload-small`.
  ['upload-small', benchUploadSmall],
  ['picker', benchPicker],
  ['tree', benchTree],
  ['many', benchMany],
  ['mock-server', benchMockServer],
];
const only = process.argv.slice(2);
const rows: Row[] = [];
for (const [name, run] of benches) {
  if (only.length ? !only.includes(name) && !(name === 'upload-small' && only.includes('upload')) : false)
    continue;
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await run()));
}

const fmt = (x: number | undefined, unit = '') =>
  x === undefined ? '' : `${x.toLocaleString('en-US')}${unit}`;
console.log('| benchmark | value | baseline | ratio | budget | ok |');
console.log('| --- | ---: | ---: | ---: | --- | --- |');
for (const r of rows)
  console.log(
    `| ${r.name} | ${fmt(r.value, ` ${r.unit}`)} | ${fmt(r.baseline, ` ${r.unit}`)} | ${fmt(r.ratio, '×')} | ${r.budget} | ${r.ok ? 'yes' : '**no**'} |`,
  );
writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, rows }, null, 2)}\n`,
);
