/**
 * Many files: 20 PDFs of 300 KB dropped on `<doc-uploader>` and published, with 80 ms latency on
 * every request (the mock's latency fault); wall time from the submit click to the success
 * message, with `parallel-uploads="3"` (the default) against `parallel-uploads="1"`, alternating,
 * medians of several rounds. The in-process mock server over HTTP, as a portal's page would see it.
 */
import { nodeSha256 } from '@docportal/mock-server/http';
import { createStore } from '@docportal/mock-server/testing';
import { median, round, type Row } from './lib.ts';
import { openBenchPage } from './page.ts';

const FILES = 20;
const SIZE = 300 * 1024;
const LATENCY = 80;
const ROUNDS = 3;

const ENTRY = `
import '@docportal/widgets';
const files = () => Array.from({ length: ${FILES} }, (_, i) => {
  const bytes = new Uint8Array(${SIZE});
  bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
  return new File([bytes], 'Datei ' + (i + 1) + '.pdf', { type: 'application/pdf' });
});
const until = (check) => new Promise((resolve) => { const t = () => (check() ? resolve() : setTimeout(t, 5)); t(); });
window.measure = async (parallel) => {
  document.body.innerHTML = '';
  const up = document.createElement('doc-uploader');
  Object.assign(up, { baseUrl: '/api/v1', token: 'manager', scope: 'property:rosenweg-24', locale: 'de', documentType: 'objektunterlagen', parallelUploads: parallel });
  document.body.append(up);
  await up.updateComplete;
  await up.addFiles(files());
  const root = up.shadowRoot;
  await until(() => root.querySelectorAll('li.file').length === ${FILES} && root.querySelector('.shared select').options.length > 5);
  const start = performance.now();
  root.querySelector('button[type="submit"]').click();
  await until(() => root.querySelector('.success'));
  return performance.now() - start;
};
window.ready = true;
`;

type W = Window & { measure(parallel: number): Promise<number> };

export async function benchMany(): Promise<Row[]> {
  const store = createStore({ dataset: 'fixtures', sha256: nodeSha256 });
  const { page, close } = await openBenchPage({ entry: ENTRY, store });
  try {
    store.setFaults({ latencyMs: LATENCY });
    const run = (parallel: number) => page.evaluate((p) => (window as unknown as W).measure(p), parallel);
    await run(3); // warm-up
    const three: number[] = [];
    const one: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      three.push(await run(3));
      one.push(await run(1));
    }
    const [a, b] = [median(three), median(one)];
    return [
      {
        name: `many files: ${FILES} × 300 KB through <doc-uploader> at ${LATENCY} ms latency, 3 at a time vs one at a time`,
        value: round(a / 1000, 2),
        unit: 's',
        baseline: round(b / 1000, 2),
        ratio: round(a / b),
        budget: '≤ 0.5× one at a time',
        ok: a / b <= 0.5,
      },
    ];
  } finally {
    await close();
  }
}
