import { parseArgs } from 'node:util';
import { nodeSha256, startHttpServer } from './http.js';
import { initWorker } from './init-worker.js';
import { createStore } from './store/store.js';

if (process.argv[2] === 'init-worker') {
  try {
    console.log(
      `Wrote ${initWorker(process.argv[3] ?? '')}: startWorker() registers it from your page's origin.`,
    );
    process.exit(0);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
}

const HELP = `docportal-mock-server: the docportal API in memory, for development and tests.

Usage: docportal-mock-server [--port 4010] [--host 127.0.0.1] [--dataset fixtures|large] [--seed 1] [--static dir] [--trust-origin url]... [--quiet]
       docportal-mock-server init-worker <dir>   copy MSW's mockServiceWorker.js (for startWorker()) into <dir>

  --port     port to listen on (0: any free port)            default 4010
  --host     interface to bind                                default 127.0.0.1
  --dataset  data to start with: fixtures or large            default fixtures
  --seed     seed of the large data set                       default 1
  --static   also serve the files of this folder (a demo page, a built Storybook)
  --trust-origin  an origin whose pages may call /__mock (besides the server's own and
             localhost on any port); may be repeated
  --quiet    no log line per request

Tokens: "manager", or "contact:<contactId>" (e.g. contact:ahmet-yilmaz).
Control: POST /__mock/reset, /__mock/clock, /__mock/faults; GET /__mock/stats.`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    dataset: { type: 'string', default: 'fixtures' },
    seed: { type: 'string', default: '1' },
    quiet: { type: 'boolean', default: false },
    static: { type: 'string' },
    'trust-origin': { type: 'string', multiple: true, default: [] },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port "${values.port}": use a number from 0 to 65535.`);
  process.exit(2);
}
if (values.dataset !== 'fixtures' && values.dataset !== 'large') {
  console.error(`Invalid --dataset "${values.dataset}": use "fixtures" or "large".`);
  process.exit(2);
}

const store = createStore({ dataset: values.dataset, seed: Number(values.seed), sha256: nodeSha256 });
const server = await startHttpServer({
  port,
  host: values.host,
  store,
  log: !values.quiet,
  staticDir: values.static,
  trustOrigins: values['trust-origin'],
}).catch((e: NodeJS.ErrnoException) => {
  console.error(
    e.code === 'EADDRINUSE' ? `Port ${port} is already in use: pick another with --port.` : e.message,
  );
  process.exit(1);
});
console.log(
  `docportal mock server: API at ${server.url}/api/v1 (dataset ${values.dataset}); Ctrl+C stops it.`,
);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
