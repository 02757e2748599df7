import type { Kysely } from 'kysely';
import type { DialectMigration } from './index.ts';

/** LLM answer cache (store/llm-cache.repository.ts); the index lets the purge find expired rows. */
export const llmCache: DialectMigration = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('llm_cache')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('llm_cache_expires').on('llm_cache').column('expires_at').execute();
  },
});
