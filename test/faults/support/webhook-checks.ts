import { expect } from 'vitest';
import { type JobView, readJobs } from './jobs-api.ts';
import type { VerifiedDelivery } from './signed-receiver.ts';
import { waitFor } from './wait.ts';

/** Polls until every job shows its webhook as delivered; returns the jobs as read then. */
export async function waitForDeliveredWebhooks(
  apiUrls: readonly string[],
  apiKey: string,
  jobIds: readonly string[],
): Promise<JobView[]> {
  return waitFor(
    'every webhook delivered',
    async () => {
      const jobs = await readJobs(apiUrls, apiKey, jobIds);
      const delivered = jobs.filter((job): job is JobView => job?.webhook?.status === 'delivered');
      return delivered.length === jobIds.length ? delivered : undefined;
    },
    // A delivery leased by a killed worker waits for its lease (webhook timeout + 30 s) to expire.
    75_000,
    500,
  );
}

/**
 * Each job's webhook: every request signed (verified already), one webhook-id per job on all its attempts,
 * accepted (2xx) exactly once, and the job's `webhook` field consistent with what the receiver saw.
 * Returns the accepted requests.
 */
export function expectOneWebhookPerJob(
  requests: readonly VerifiedDelivery[],
  delivered: readonly JobView[],
): VerifiedDelivery[] {
  const jobIds = delivered.map((job) => job.job_id);
  expect(new Set(requests.map((r) => r.webhookId)).size).toBe(jobIds.length);
  for (const jobId of jobIds) {
    const ids = new Set(requests.filter((r) => r.jobId === jobId).map((r) => r.webhookId));
    expect(ids.size).toBe(1);
  }
  const accepted = requests.filter((r) => r.answered === 200);
  expect(accepted.map((r) => r.jobId).sort()).toEqual([...jobIds].sort());
  for (const job of delivered) {
    const received = requests.filter((r) => r.jobId === job.job_id).length;
    expect(job.webhook).toMatchObject({ status: 'delivered', last_status_code: 200 });
    // Every attempt recorded reached the receiver; one cut short by a killed worker may go unrecorded.
    expect(job.webhook?.attempts).toBeGreaterThanOrEqual(1);
    expect(job.webhook?.attempts).toBeLessThanOrEqual(received);
  }
  return accepted;
}
