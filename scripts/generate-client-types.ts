/**
 * `npm run client:generate`: dumps the OpenAPI document from the app built in-process and writes the
 * TypeScript client's types from it (openapi-typescript). test/client/generated-types.test.ts fails when
 * the committed file no longer matches the document.
 */
import { writeFileSync } from 'node:fs';
import { CLIENT_TYPES_FILE, clientTypesSource } from './lib/client-types.ts';

writeFileSync(CLIENT_TYPES_FILE, await clientTypesSource());
console.log(`wrote ${CLIENT_TYPES_FILE}`);
