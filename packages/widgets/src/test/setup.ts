// Test helpers: the MSW mock backend in this page, control calls, files, and deep queries.
import { resetMouse } from '@web/test-runner-commands';
import { startWorker } from '@docportal/mock-server/browser';

export const ready = startWorker({ quiet: true });

export async function control(path: string, body?: unknown): Promise<any> {
  const res = await fetch(`/__mock${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}

export const fileOf = (bytes: Uint8Array, name: string, type = '') =>
  new File([bytes as Uint8Array<ArrayBuffer>], name, { type });

/**
 * Waits until `check` (sync or async) gives something truthy, polling every frame or so, or fails
 * after `ms`. `what` names the condition; as a function it is asked at failure time, so the
 * message can say what is there then.
 */
export async function until<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  ms = 5000,
  what: string | (() => string) = 'condition',
): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (performance.now() > end)
      throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 16));
  }
}

/**
 * For a describe block against the mock backend: waits for the worker, starts each test from the
 * fixtures, and after each takes its faults off and lets go of the mouse (a test that slowed the
 * backend or pressed a button must not leave either for the next).
 */
export function usesMockBackend(): void {
  before(() => ready);
  beforeEach(() => control('/reset', {}));
  afterEach(async () => {
    await control('/faults', {});
    await resetMouse();
  });
}

export { deep, deepAll, dropFiles } from './dom.ts';
