/**
 * Picker: a search answered → its options rendered, in `<share-picker>` on scope
 * property:grosssiedlung of the large data set (10,000+ contacts), against the same on the
 * fixtures' property:rosenweg-24 in the same run. Timed in the page from the moment the answer
 * arrives (the SDK's onResponse) to the DOM mutation that shows its first option.
 */
import { median, round, type Row } from './lib.ts';
import { openBenchPage } from './page.ts';

const QUERIES = [
  'am park 1',
  'wohnung 0',
  'müller',
  'schmidt',
  'am park 2',
  'anna',
  'ö',
  'hausgemeinschaft',
  'wohnung 01',
  'k',
];
const ROUNDS = 2;

const ENTRY = `
import '@docportal/widgets';
import { createClient } from '@docportal/core-sdk';
let answeredAt = 0;
const client = createClient({ baseUrl: '/api/v1', token: 'manager', onResponse: (i) => { if (i.url.endsWith('/recipients')) answeredAt = performance.now(); } });
window.measure = async (scope, q) => {
  document.body.innerHTML = '';
  const p = document.createElement('share-picker');
  p.client = client;
  p.setAttribute('scope', scope);
  document.body.append(p);
  await p.updateComplete;
  const input = p.shadowRoot.querySelector('input[role=combobox]');
  const list = p.shadowRoot.querySelector('.listbox');
  input.focus();
  await new Promise((r) => setTimeout(r, 250));
  return await new Promise((resolve) => {
    answeredAt = 0;
    const fail = setTimeout(() => resolve({ ms: NaN, options: 0, setsize: 0 }), 5000);
    const obs = new MutationObserver(() => {
      // The answer is on screen: its first option, or the "no matches" line.
      const first = p.shadowRoot.querySelector('[role=option]');
      const none = p.shadowRoot.querySelector('.listbox .status');
      if (answeredAt && (first || (none && !none.textContent.includes('…'))) && input.value === q) {
        obs.disconnect();
        clearTimeout(fail);
        resolve({ ms: performance.now() - answeredAt, options: p.shadowRoot.querySelectorAll('[role=option]').length, setsize: first ? Number(first.getAttribute('aria-setsize')) : 0 });
      }
    });
    obs.observe(p.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
    input.value = q;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  });
};
window.ready = true;
`;

type W = Window & {
  measure(scope: string, query: string): Promise<{ ms: number; options: number; setsize: number }>;
};

export async function benchPicker(): Promise<Row[]> {
  const { page, close } = await openBenchPage({ entry: ENTRY, dataset: 'large' });
  try {
    const run = async (scope: string) => {
      const times: number[] = [];
      let maxDom = 0;
      for (let r = 0; r < ROUNDS; r++)
        for (const query of QUERIES) {
          const m = await page.evaluate(
            ([s, qq]) => (window as unknown as W).measure(s!, qq!),
            [scope, query],
          );
          if (Number.isNaN(m.ms)) throw new Error(`no answer rendered for "${query}" in ${scope}`);
          times.push(m.ms);
          maxDom = Math.max(maxDom, m.options);
        }
      return { median: median(times), maxDom };
    };
    await run('property:rosenweg-24');
    const small = await run('property:rosenweg-24');
    const large = await run('property:grosssiedlung');
    return [
      {
        name: 'picker: query answered → options rendered, grosssiedlung (10,000+ contacts) vs rosenweg-24',
        value: round(large.median),
        unit: 'ms',
        baseline: round(small.median),
        ratio: round(large.median / small.median),
        budget: '≤ 16 ms median',
        ok: large.median <= 16,
      },
      {
        name: 'picker: option elements in the DOM at most (windowed list)',
        value: large.maxDom,
        unit: 'nodes',
        budget: 'info',
        ok: true,
      },
    ];
  } finally {
    await close();
  }
}
