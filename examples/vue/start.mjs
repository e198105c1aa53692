// `node examples/vue/start.mjs`: see ../start.mjs.
import { main } from '../start.mjs';
await main('vue');
