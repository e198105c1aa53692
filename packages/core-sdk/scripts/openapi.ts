// Writes packages/core-sdk/openapi.json from the schemas: `npm run openapi`.
import { readFileSync, writeFileSync } from 'node:fs';
import { openApiText } from './openapi-doc.ts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const target = new URL('../openapi.json', import.meta.url);
writeFileSync(target, openApiText(pkg.version));
console.log(`wrote ${target.pathname}`);
