import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { AppError } from '../../domain/errors.ts';
import type { Store } from '../../store/database.ts';
import { pendingMigrations } from '../../store/migrate.ts';
import { API_TAGS } from '../plugins/openapi.ts';
import type { RouteContext } from '../route-context.ts';
import { errorResponse } from '../schemas/errors.schema.ts';
import { Health, Readiness } from '../schemas/health.schema.ts';

/** A database that does not answer within this long counts as unreachable. */
const READINESS_TIMEOUT_MS = 2_000;

/** Why the service cannot take traffic, or undefined when it can. */
async function unreadiness(store: Store): Promise<string | undefined> {
  try {
    await sql`select 1`.execute(store.db);
  } catch {
    return 'Database unreachable';
  }
  const pending = await pendingMigrations(store).catch(() => undefined);
  if (pending === undefined) return 'Database unreachable';
  if (pending.length > 0) return `Database migrations pending: ${pending.join(', ')}`;
  return undefined;
}

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** /healthz: the process answers. /readyz: and its database answers with every migration applied. */
async function registerHealthRoutes(app: FastifyInstance, { deps }: RouteContext): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = [API_TAGS.operations];
  routes.get('/healthz', { schema: { tags, summary: 'Liveness', response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
  }));
  routes.get(
    '/readyz',
    {
      schema: {
        tags,
        summary: 'Readiness',
        description: 'Ready when the database is reachable and every migration is applied.',
        response: { 200: Readiness, 503: errorResponse('Not ready, and why.') },
      },
    },
    async () => {
      const problem = await withTimeout(
        unreadiness(deps.store),
        READINESS_TIMEOUT_MS,
        'Database unreachable',
      );
      if (problem !== undefined) throw new AppError('unavailable', problem);
      return { status: 'ready' as const };
    },
  );
}

export const healthRoutes = fp(registerHealthRoutes, {
  name: 'aptly-route-health',
  encapsulate: true,
  dependencies: ['aptly-openapi'],
});
