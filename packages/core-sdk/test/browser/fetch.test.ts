// The `fetch` option in a browser: the SDK sends through the given fetch, and an abort reaches it
// whenever it comes, also before the request goes out.
import { expect } from '@open-wc/testing';
import { AbortError, createClient } from '../../src/index.ts';
import { BASE, ready } from './setup.ts';

describe('createClient({ fetch }) in a browser', () => {
  before(() => ready);

  it('sends through the given fetch', async () => {
    const sent: string[] = [];
    const client = createClient({
      baseUrl: BASE,
      token: 'manager',
      fetch: (input, init) => (sent.push(`${init?.method} ${String(input)}`), fetch(input, init)),
    });
    expect((await client.me()).kind).to.equal('manager');
    expect(sent).to.deep.equal([`GET ${BASE}/me`]);
  });

  it('a call aborted while its token was fetched ends as aborted, and nothing goes out that is not aborted', async () => {
    const ctl = new AbortController();
    const signals: Array<AbortSignal | null | undefined> = [];
    const client = createClient({
      baseUrl: BASE,
      retry: 0,
      // The caller aborts while the SDK waits for the token, before anything goes out.
      token: async () => {
        ctl.abort();
        return 'manager';
      },
      fetch: (input, init) => (signals.push(init?.signal), fetch(input, init)),
    });
    let error: unknown;
    await client.me({ signal: ctl.signal }).catch((e: unknown) => (error = e));
    expect(error, String(error)).to.be.instanceOf(AbortError);
    expect(
      signals.map((s) => s?.aborted),
      'what reached fetch was aborted',
    ).to.not.include(false);
  });
});
