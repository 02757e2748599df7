import { Gauge, type Registry } from 'prom-client';
import type { Store } from '../../store/database.ts';

/**
 * Gauges read from the database when /metrics is scraped, so every process (API or worker) reports the
 * shared queue as it is now. Each is one cheap indexed query; when the database cannot answer, the gauge
 * reports nothing that scrape rather than a stale value.
 */
export function registerStoreGauges(registry: Registry, store: Store, clock: () => number = Date.now): void {
  const { db } = store;
  const registers = [registry];
  new Gauge({
    name: 'aptly_jobs',
    help: 'Screening jobs still held (not purged), by status.',
    labelNames: ['status'],
    registers,
    async collect() {
      const rows = await settle(this, () =>
        db
          .selectFrom('jobs')
          .select((eb) => ['status', eb.fn.countAll<number | string>().as('count')])
          .where('purged_at', 'is', null)
          .groupBy('status')
          .execute(),
      );
      if (!rows) return;
      // Every status is reported, 0 included, so a dashboard's series never vanish.
      for (const status of ['pending', 'processing', 'complete', 'failed'])
        this.set({ status }, Number(rows.find((row) => row.status === status)?.count ?? 0));
    },
  });
  new Gauge({
    name: 'aptly_queued_candidates',
    help: 'Candidates waiting to be claimed by a worker.',
    registers,
    async collect() {
      const row = await settle(this, () =>
        db
          .selectFrom('candidates')
          .select((eb) => eb.fn.countAll<number | string>().as('count'))
          .where('status', '=', 'queued')
          .executeTakeFirst(),
      );
      if (row) this.set(Number(row.count));
    },
  });
  new Gauge({
    name: 'aptly_oldest_queued_candidate_age_seconds',
    help: 'Seconds since the job of the longest-waiting queued candidate was submitted; 0 when none waits.',
    registers,
    async collect() {
      const row = await settle(this, () =>
        db
          .selectFrom('candidates')
          .innerJoin('jobs', 'jobs.id', 'candidates.job_id')
          .select((eb) => eb.fn.min('jobs.created_at').as('oldest'))
          .where('candidates.status', '=', 'queued')
          .executeTakeFirst(),
      );
      if (!row) return;
      const oldest = typeof row.oldest === 'string' ? Date.parse(row.oldest) : Number.NaN;
      this.set(Number.isNaN(oldest) ? 0 : Math.max(0, (clock() - oldest) / 1000));
    },
  });
  new Gauge({
    name: 'aptly_db_pool_connections',
    help: 'Database connections of this process by state (total, idle, waiting); SQLite has one.',
    labelNames: ['state'],
    registers,
    collect() {
      const usage = store.connections();
      this.set({ state: 'total' }, usage.total);
      this.set({ state: 'idle' }, usage.idle);
      this.set({ state: 'waiting' }, usage.waiting);
    },
  });
}

/** The query's result, or undefined with the gauge emptied when the database does not answer. */
async function settle<T>(gauge: Gauge, query: () => Promise<T>): Promise<T | undefined> {
  try {
    gauge.reset();
    return await query();
  } catch {
    return undefined;
  }
}
