/**
 * TypeScript types of openapi.json by openapi-typescript, as any client team would make them:
 * the proof that the document alone gives a typed client (test/generated-client.test.ts).
 * Binary bodies (`format: binary`) become `Blob`.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier('Blob'));

export async function openApiTypes(documentText: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(documentText), {
    transform: (schema) => (schema.format === 'binary' ? BLOB : undefined),
  });
  return `// Generated from openapi.json by openapi-typescript (\`npm run openapi\`); do not edit.\n${astToString(ast)}`;
}
