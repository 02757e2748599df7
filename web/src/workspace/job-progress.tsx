import type { JobView } from '../api/types.ts';

/** Live progress: a progress bar and a sentence announced politely as it changes. */
export function JobProgress({ view }: { view: JobView | undefined }) {
  const total = view?.total_candidates ?? 0;
  const done = view?.processed_candidates ?? 0;
  const sentence = !view
    ? 'Submitting…'
    : view.status === 'pending'
      ? `Queued: ${total} candidate${total === 1 ? '' : 's'} waiting to be scored.`
      : `Scoring: ${done} of ${total} candidates done.`;
  return (
    <div class="panel progress">
      <label for="job-progress">Progress</label>
      <progress id="job-progress" max={Math.max(1, total)} value={done}>
        {done} of {total}
      </progress>
      <p role="status">{sentence}</p>
    </div>
  );
}
