import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api/client.ts';
import { Alert } from '../components/alert.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import { CandidateInput } from './candidate-input.tsx';
import type { Candidate } from './candidates.ts';
import { JobProgress } from './job-progress.tsx';
import { JobSpecInput } from './job-spec-input.tsx';
import { RecentJobs } from './recent-jobs.tsx';
import { ResultsView } from './results-view.tsx';
import { submitError } from './submit-errors.ts';
import { useJob } from './use-job.ts';
import { useRecentJobs } from './use-recent-jobs.ts';

const MAX_CANDIDATES = 200;

/** Screen a batch by hand: job spec and CVs in, live progress, ranked results out. */
export function WorkspacePage({ api }: { api: Api }) {
  const [jobSpec, setJobSpec] = useState('');
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [jobId, setJobId] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [recent, recentControls] = useRecentJobs(api);
  const job = useJob(api, jobId);
  const finished = job.state === 'done' ? job.view.job_id : undefined;

  // A job that just ended shows its new status in the list.
  useEffect(() => {
    if (finished) void recentControls.reload();
  }, [finished]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    if (jobSpec.trim() === '') return setError('Add the job specification first.');
    if (candidates.length === 0) return setError('Add at least one CV.');
    if (candidates.length > MAX_CANDIDATES)
      return setError(
        `At most ${MAX_CANDIDATES} candidates per job: remove ${candidates.length - MAX_CANDIDATES}.`,
      );
    setBusy(true);
    try {
      const body = {
        job_spec: jobSpec,
        candidates: candidates.map((c) => ({ candidate_ref: c.ref, cv_text: c.text })),
      };
      const accepted = await api.screen(body);
      setJobId(accepted.job_id);
      void recentControls.reload();
    } catch (caught) {
      setError(submitError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title="Screening workspace">Screening workspace</PageHeading>
      <p>
        Screen a batch of CVs against a job specification. The organisation’s monthly quota is charged one CV
        per candidate; no API key is needed.
      </p>
      <div class="workspace">
        <form class="stack" onSubmit={submit} aria-label="New screening job">
          <JobSpecInput api={api} value={jobSpec} onChange={setJobSpec} />
          <CandidateInput api={api} candidates={candidates} onChange={setCandidates} />
          {error && <Alert tone="error">{error}</Alert>}
          <button type="submit" disabled={busy}>
            {busy
              ? 'Submitting…'
              : `Screen ${candidates.length} candidate${candidates.length === 1 ? '' : 's'}`}
          </button>
        </form>
        <RecentJobs recent={recent} controls={recentControls} current={jobId} onOpen={setJobId} />
      </div>
      {job.state === 'loading' && <JobProgress view={job.view} />}
      {job.state === 'error' && (
        <Alert tone="error">
          {job.message}{' '}
          {jobId && (
            <button
              type="button"
              class="link"
              onClick={() => {
                setJobId(undefined);
                void recentControls.reload();
              }}
            >
              Close and refresh recent jobs
            </button>
          )}
        </Alert>
      )}
      {job.state === 'done' && <ResultsView view={job.view} />}
    </>
  );
}
