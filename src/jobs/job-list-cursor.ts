import type { Timestamp } from '../domain/time.ts';
import type { JobListPosition } from '../store/jobs.repository.ts';

/**
 * GET /api/v1/jobs's `next_cursor`: the last listed job's (created_at, id), base64url-encoded so clients
 * treat it as opaque and the encoding can change without breaking them.
 */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SEPARATOR = '|';

export function encodeJobCursor(position: JobListPosition): string {
  return Buffer.from(`${position.createdAt}${SEPARATOR}${position.id}`).toString('base64url');
}

/** Undefined for anything that is not a cursor this server wrote. */
export function decodeJobCursor(cursor: string): JobListPosition | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return undefined;
  const [createdAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(SEPARATOR);
  if (rest.length > 0 || !createdAt || !id || !TIMESTAMP.test(createdAt) || !UUID.test(id)) return undefined;
  return { createdAt: createdAt as Timestamp, id };
}
