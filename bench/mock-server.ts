/**
 * Mock server: one page of GET /documents on the large data set vs the same on the fixtures,
 * over real HTTP, both servers in this process, requests interleaved so both see the same load.
 */
import { startHttpServer } from '@docportal/mock-server/http';
import { createStore } from '@docportal/mock-server/testing';
import { median, round, type Row } from './lib.ts';

const ROUNDS = 300;

export async function benchMockServer(): Promise<Row[]> {
  const small = await startHttpServer({ port: 0, store: createStore({ dataset: 'fixtures' }) });
  const t0 = performance.now();
  const largeStore = createStore({ dataset: 'large' });
  const buildMs = performance.now() - t0;
  const large = await startHttpServer({ port: 0, store: largeStore });
  const cases: Array<{ name: string; path: string; token: string }> = [
    { name: 'GET /documents page of 50 (manager, all)', path: '/documents?limit=50', token: 'manager' },
    {
      name: 'GET /documents page of 50 (manager, scope property:rosenweg-24)',
      path: '/documents?limit=50&scope=property:rosenweg-24',
      token: 'manager',
    },
    {
      name: 'GET /documents page (contact ahmet-yilmaz)',
      path: '/documents?limit=50',
      token: 'contact:ahmet-yilmaz',
    },
    {
      name: 'GET /documents page of 50 (manager, title:asc, 2nd page)',
      path: '/documents?limit=50&sort=title:asc',
      token: 'manager',
    },
  ];
  const time = async (url: string, token: string) => {
    const t = performance.now();
    const r = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    const body = (await r.json()) as { nextCursor?: string | null };
    return { ms: performance.now() - t, body };
  };
  const rows: Row[] = [];
  try {
    for (const c of cases) {
      const urls = [small, large].map((s) => `${s.url}/api/v1${c.path}`);
      // Second page for the cursor case: follow the first page's cursor.
      if (c.name.includes('2nd page')) {
        for (const [i, s] of [small, large].entries()) {
          const first = await time(urls[i]!, c.token);
          if (first.body.nextCursor)
            urls[i] = `${s.url}/api/v1${c.path}&cursor=${encodeURIComponent(first.body.nextCursor)}`;
        }
      }
      for (let i = 0; i < 20; i++) for (const u of urls) await time(u, c.token);
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        a.push((await time(urls[0]!, c.token)).ms);
        b.push((await time(urls[1]!, c.token)).ms);
      }
      const ratio = median(b) / median(a);
      rows.push({
        name: `mock: ${c.name}, large vs fixtures`,
        value: round(median(b), 3),
        unit: 'ms',
        baseline: round(median(a), 3),
        ratio: round(ratio),
        budget: '≤ 2×',
        ok: ratio <= 2,
      });
    }
    rows.push({
      name: 'mock: build the large data set (createStore)',
      value: round(buildMs, 0),
      unit: 'ms',
      budget: 'info',
      ok: true,
    });
  } finally {
    await small.close();
    await large.close();
  }
  return rows;
}
