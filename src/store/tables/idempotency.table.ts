export type IdempotencyState = 'in_flight' | 'done';

/** `Idempotency-Key` records of POST /api/v1/screen, per organisation, kept 24 h. */
export interface IdempotencyRecordsTable {
  org_id: number;
  key: string;
  /** SHA-256 of the request body: the same key with another body is refused. */
  request_hash: string;
  state: IdempotencyState;
  response_status: number | null;
  response_body: string | null;
  created_at: string;
  expires_at: string;
}
