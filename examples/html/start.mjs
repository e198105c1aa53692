// `node examples/html/start.mjs`: see ../start.mjs.
import { main } from '../start.mjs';
await main('html');
