import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api/client.ts';
import type { JobView } from '../api/types.ts';
import { messageOf } from '../components/use-load.ts';

const POLL_MS = 1000;

export type JobState =
  | { readonly state: 'idle' }
  | { readonly state: 'loading'; readonly view?: JobView }
  | { readonly state: 'done'; readonly view: JobView }
  | { readonly state: 'error'; readonly message: string };

/** Polls a job every second until it ends (or the page moves on to another job). */
export function useJob(api: Api, jobId: string | undefined): JobState {
  const [job, setJob] = useState<JobState>({ state: 'idle' });
  useEffect(() => {
    if (!jobId) return setJob({ state: 'idle' });
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setJob({ state: 'loading' });
    const poll = async () => {
      try {
        const view = await api.job(jobId);
        if (stopped) return;
        const ended = view.status === 'complete' || view.status === 'failed';
        setJob(ended ? { state: 'done', view } : { state: 'loading', view });
        if (!ended) timer = setTimeout(poll, POLL_MS);
      } catch (error) {
        if (!stopped) setJob({ state: 'error', message: messageOf(error) });
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, jobId]);
  return job;
}
