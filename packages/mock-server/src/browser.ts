import { setupWorker, type SetupWorker, type StartOptions } from 'msw/browser';
import { handlers, type HandlerOptions } from './handlers/index.js';
import { createStore, type MockStore } from './store/store.js';

export interface WorkerOptions extends HandlerOptions {
  store?: MockStore;
  /** URL of `mockServiceWorker.js`. @default '/mockServiceWorker.js' */
  serviceWorkerUrl?: string;
  /** Silence MSW's console output. @default true */
  quiet?: boolean;
  /** What to do with requests no handler answers. @default 'bypass' */
  onUnhandledRequest?: StartOptions['onUnhandledRequest'];
}

/**
 * Starts the mock backend in the browser as a service worker; resolves once it intercepts.
 * Requests other than `/api/v1` and `/__mock` pass through.
 */
export async function startWorker(
  options: WorkerOptions = {},
): Promise<{ worker: SetupWorker; store: MockStore }> {
  const store = options.store ?? createStore();
  const worker = setupWorker(...handlers(store, options));
  await worker.start({
    quiet: options.quiet ?? true,
    onUnhandledRequest: options.onUnhandledRequest ?? 'bypass',
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
  });
  return { worker, store };
}
