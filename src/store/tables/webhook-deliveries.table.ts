export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One webhook delivery per finished job that has a webhook_url; durable, so a restart loses none. */
export interface WebhookDeliveriesTable {
  /** The Standard Webhooks `webhook-id`, the same on every attempt ("msg_" + job id). */
  id: string;
  job_id: string;
  org_id: number;
  url: string;
  status: DeliveryStatus;
  /** Attempts made so far (at most 1 + the number of retry delays). */
  attempts: number;
  next_attempt_at: string;
  last_status_code: number | null;
  last_error: string | null;
  locked_by: string | null;
  locked_until: string | null;
  created_at: string;
  delivered_at: string | null;
}
