import { setupServer, type SetupServer } from 'msw/node';
import { handlers, type HandlerOptions } from './handlers/index.js';
import { createStore, type MockStore } from './store/store.js';

export interface MockServerOptions extends HandlerOptions {
  store?: MockStore;
}

/**
 * An MSW `setupServer` over the mock backend, for tests in Node: call `listen()` before the
 * tests and `close()` after. The store is on `.store` for resets between tests.
 */
export function setupMockServer(options: MockServerOptions = {}): SetupServer & { store: MockStore } {
  const store = options.store ?? createStore();
  return Object.assign(setupServer(...handlers(store, options)), { store });
}
