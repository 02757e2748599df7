import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { badRequest, conflict, ValidationError } from '../domain/errors.ts';
import { addMs, type Timestamp } from '../domain/time.ts';
import { inWriteTransaction } from '../queue/write-transaction.ts';
import type { Dialect } from '../store/database.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
} from '../store/idempotency.repository.ts';
import type { Database } from '../store/schema.ts';

/** How long a key is remembered (DESIGN.md §1). */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** A request still "in flight" after this long died with its process; its key may be claimed again. */
const ABANDONED_AFTER_MS = 60_000;
const MAX_KEY_LENGTH = 255;

export const IN_FLIGHT = 'A request with this Idempotency-Key is already being processed';

export interface IdempotentResponse<B> {
  readonly statusCode: number;
  readonly body: B;
}

/** Stores the response to replay, inside the transaction that did the work. */
export type RecordResponse<B> = (tx: Kysely<Database>, response: IdempotentResponse<B>) => Promise<void>;

export interface IdempotencyRequest {
  readonly orgId: number;
  readonly key: string | undefined;
  /** SHA-256 of the request body (the HTTP layer's); a hash of `input` when absent. */
  readonly requestHash: string | undefined;
  readonly input: unknown;
  readonly at: Timestamp;
}

/**
 * Runs `work` at most once per (organisation, Idempotency-Key) within 24 h: a repeat of the same request
 * gets the stored response, the same key with another body a 422, a repeat while the first is still
 * running a 409. Only successes are stored; a failed attempt frees the key for a retry.
 */
export async function withIdempotency<B>(
  db: Kysely<Database>,
  dialect: Dialect,
  request: IdempotencyRequest,
  work: (record: RecordResponse<B>) => Promise<IdempotentResponse<B>>,
): Promise<IdempotentResponse<B>> {
  const { orgId, key, at } = request;
  if (key === undefined) return work(async () => {});
  if (key.length === 0) throw badRequest('Idempotency-Key must not be empty');
  if (key.length > MAX_KEY_LENGTH)
    throw badRequest(`Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters`);

  // Committed on its own, before the work: a concurrent repeat must see the key in flight.
  const claim = await inWriteTransaction(db, dialect, (tx) =>
    claimIdempotencyKey(tx, {
      orgId,
      key,
      requestHash: request.requestHash ?? hashOf(request.input),
      at,
      expiresAt: addMs(at, IDEMPOTENCY_TTL_MS),
      abandonedBefore: addMs(at, -ABANDONED_AFTER_MS),
    }),
  );
  if (claim.kind === 'replay') return { statusCode: claim.status, body: claim.body as B };
  if (claim.kind === 'in_flight') throw conflict(IN_FLIGHT);
  if (claim.kind === 'mismatch') throw keyReused();

  const record: RecordResponse<B> = async (tx, response) => {
    // False only if this request ran so long that another took its key over as abandoned.
    const stored = { status: response.statusCode, body: response.body };
    if (!(await completeIdempotencyKey(tx, orgId, key, claim.token, stored))) throw conflict(IN_FLIGHT);
  };
  try {
    return await work(record);
  } catch (error) {
    // If freeing the key fails too, the original error is the one to report; the key then frees itself
    // once the claim counts as abandoned.
    await inWriteTransaction(db, dialect, (tx) => releaseIdempotencyKey(tx, orgId, key, claim.token)).catch(
      () => undefined,
    );
    throw error;
  }
}

function keyReused(): ValidationError {
  return new ValidationError([
    {
      loc: ['header', 'Idempotency-Key'],
      msg: 'Idempotency-Key was already used with a different request body',
      type: 'value_error.idempotency',
    },
  ]);
}

function hashOf(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}
