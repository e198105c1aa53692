// `node examples/react/start.mjs`: see ../start.mjs.
import { main } from '../start.mjs';
await main('react');
