// A real SDK client whose requests for one scope go out late, so that their answers arrive after
// those for the next scope: for the tests of what an element does with an answer it moved on from.
import { createClient, type DocPortalClient } from '@docportal/core-sdk';

export interface LateClient {
  client: DocPortalClient;
  /** The late requests so far: their URL, and the signal each was sent with. */
  late: Array<{ url: URL; signal: AbortSignal | null | undefined }>;
  /** Whether each late request so far was aborted, in the order they were sent. */
  aborted(): boolean[];
  /** Waits until every late request so far has gone out and been answered (or refused as aborted). */
  settled(): Promise<void>;
}

/**
 * A manager's client (no retries) whose GET requests for `scope` (any, when undefined) to a path
 * ending in `path` are held back `ms` before they go to the mock backend; all others go at once. A
 * held request whose signal was aborted meanwhile fails as aborted when it goes.
 */
export function lateFor(scope: string | undefined, path: string, ms = 700): LateClient {
  const late: LateClient['late'] = [];
  const answers: Promise<unknown>[] = [];
  const client = createClient({
    baseUrl: '/api/v1',
    token: 'manager',
    retry: 0,
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if ((scope && url.searchParams.get('scope') !== scope) || !url.pathname.endsWith(path))
        return fetch(input, init);
      late.push({ url, signal: input instanceof Request ? input.signal : init?.signal });
      const answer = new Promise((r) => setTimeout(r, ms)).then(() => fetch(input, init));
      answers.push(answer.catch(() => undefined));
      return answer;
    },
  });
  return {
    client,
    late,
    aborted: () => late.map((r) => !!r.signal?.aborted),
    settled: async () => {
      await Promise.all(answers);
      // What the element does with an answer takes a few tasks more (parsing, its update).
      await new Promise((r) => setTimeout(r, 100));
    },
  };
}
