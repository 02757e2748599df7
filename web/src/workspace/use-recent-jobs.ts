import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Api } from '../api/client.ts';
import type { JobListItem } from '../api/types.ts';
import { messageOf } from '../components/use-load.ts';

export interface RecentJobsState {
  readonly jobs: readonly JobListItem[];
  /** Undefined once every unexpired job is shown. */
  readonly nextCursor: string | undefined;
  readonly error: string | undefined;
  readonly loading: boolean;
}

export interface RecentJobsControls {
  /** The newest page again: after a submission, a job ending, or to see colleagues' new jobs. */
  readonly reload: () => Promise<void>;
  readonly loadOlder: () => Promise<void>;
}

/**
 * The organisation's unexpired jobs from GET /api/v1/jobs: the same list in every browser and for every
 * colleague, API-key jobs included. The server drops a job once it expires.
 */
export function useRecentJobs(api: Api): [RecentJobsState, RecentJobsControls] {
  const [state, setState] = useState<RecentJobsState>({
    jobs: [],
    nextCursor: undefined,
    error: undefined,
    loading: true,
  });

  const load = useCallback(
    async (cursor: string | undefined) => {
      setState((s) => ({ ...s, loading: true }));
      try {
        const page = await api.listJobs(cursor);
        setState((s) => ({
          jobs: cursor ? [...s.jobs, ...page.jobs] : page.jobs,
          nextCursor: page.next_cursor ?? undefined,
          error: undefined,
          loading: false,
        }));
      } catch (error) {
        setState((s) => ({ ...s, error: messageOf(error), loading: false }));
      }
    },
    [api],
  );

  useEffect(() => {
    void load(undefined);
  }, [load]);

  const controls: RecentJobsControls = {
    reload: () => load(undefined),
    loadOlder: () => load(state.nextCursor),
  };
  return [state, controls];
}
