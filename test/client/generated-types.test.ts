import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CLIENT_TYPES_FILE, clientTypesSource } from '../../scripts/lib/client-types.ts';

it('the client types are generated from the current OpenAPI document (no drift)', async () => {
  const committed = readFileSync(CLIENT_TYPES_FILE, 'utf8');
  const current = await clientTypesSource();
  // One message to act on rather than a diff of generated code.
  if (committed !== current)
    expect.fail(
      'packages/client/src/openapi.ts no longer matches the OpenAPI document: run `npm run client:generate` and commit the result',
    );
}, 30_000);
