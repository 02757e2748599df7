import { Webhook } from 'standardwebhooks';
import { type ReceivedRequest, type Receiver, startReceiver } from '../../webhooks/support/receiver.ts';

export interface VerifiedDelivery {
  readonly webhookId: string;
  readonly jobId: string;
  /** The status code the receiver answered this request with. */
  readonly answered: number;
  readonly payload: {
    readonly job_id: string;
    readonly status: string;
    readonly results: readonly { readonly candidate_ref: string; readonly score: number }[];
    readonly failed: readonly { readonly candidate_ref: string }[];
  };
}

export interface SignedReceiver {
  readonly url: string;
  /** Every request so far, each verified with the standardwebhooks library (a bad signature throws). */
  verified(secret: string): VerifiedDelivery[];
  close(): Promise<void>;
}

/**
 * A webhook receiver that fails the first attempt at every job `failFirst` picks (answering 500), so the
 * retry's `webhook-id` can be compared with the first attempt's; every other request gets 200.
 */
export async function startSignedReceiver(failFirst: (jobId: string) => boolean): Promise<SignedReceiver> {
  const answers: number[] = [];
  const seenJobs = new Set<string>();
  let requests: readonly ReceivedRequest[] = [];
  const receiver: Receiver = await startReceiver((index) => {
    const jobId = jobIdOf(requests[index]?.body ?? '{}');
    const answer = failFirst(jobId) && !seenJobs.has(jobId) ? 500 : 200;
    seenJobs.add(jobId);
    answers[index] = answer;
    return answer;
  });
  requests = receiver.requests;
  return {
    url: receiver.url,
    verified: (secret) =>
      receiver.requests.map((request, index) => {
        const payload = new Webhook(secret).verify(
          request.body,
          request.headers as Record<string, string>,
        ) as VerifiedDelivery['payload'];
        return {
          webhookId: String(request.headers['webhook-id']),
          jobId: payload.job_id,
          answered: answers[index] ?? 0,
          payload,
        };
      }),
    close: () => receiver.close(),
  };
}

function jobIdOf(body: string): string {
  const parsed: unknown = JSON.parse(body);
  return typeof parsed === 'object' && parsed !== null && 'job_id' in parsed ? String(parsed.job_id) : '';
}
