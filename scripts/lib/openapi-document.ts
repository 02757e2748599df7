import { loadConfig } from '../../src/config/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { openStore } from '../../src/store/database.ts';

/**
 * The OpenAPI document exactly as GET /openapi.json serves it, from the app built in-process (no server,
 * no migrations: the document depends only on the route schemas, and nothing here touches the database).
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const store = openStore('sqlite::memory:');
  try {
    const app = await buildApp({
      store,
      config: loadConfig({}),
      // Never used to sign anything here: the document is all this app is asked for.
      jwtSecret: 'openapi-document-only-0123456789abcdef',
      engineInfo: { name: 'local', version: 'openapi' },
    });
    try {
      const response = await app.inject({ method: 'GET', url: '/openapi.json' });
      if (response.statusCode !== 200) throw new Error(`GET /openapi.json answered ${response.statusCode}`);
      return response.json();
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
  }
}
