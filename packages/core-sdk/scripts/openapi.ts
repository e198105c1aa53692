// Writes packages/core-sdk/openapi.json from the schemas, and the types openapi-typescript makes
// of it for the generated-client test: `npm run openapi`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { openApiText } from './openapi-doc.ts';
import { openApiTypes } from './openapi-types.ts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const target = new URL('../openapi.json', import.meta.url);
const text = openApiText(pkg.version);
writeFileSync(target, text);
console.log(`wrote ${target.pathname}`);
const types = new URL('../test/generated/docportal-api.ts', import.meta.url);
mkdirSync(new URL('.', types), { recursive: true });
writeFileSync(types, await openApiTypes(text));
console.log(`wrote ${types.pathname}`);
