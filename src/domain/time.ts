/**
 * Timestamps of the contract: ISO 8601 UTC with microseconds and a trailing Z
 * ("2026-04-24T01:33:11.984978Z", DESIGN.md §1). Stored as this same text in every dialect: fixed width,
 * so text order is time order and lease comparisons work in SQL on SQLite and PostgreSQL alike.
 */
export type Timestamp = string & { readonly __timestamp: unique symbol };

/** Sub-millisecond part from the monotonic clock, so timestamps taken in one millisecond still differ. */
function microseconds(): number {
  return Math.floor((performance.now() % 1) * 1000);
}

export function toTimestamp(date: Date, micros = 0): Timestamp {
  const iso = date.toISOString(); // 2026-04-24T01:33:11.984Z
  return `${iso.slice(0, 23)}${String(micros).padStart(3, '0')}Z` as Timestamp;
}

export function now(): Timestamp {
  return toTimestamp(new Date(), microseconds());
}

export function addMs(at: Timestamp, ms: number): Timestamp {
  return toTimestamp(new Date(Date.parse(at) + ms), Number(at.slice(23, 26)));
}

export function parseTimestamp(at: Timestamp): Date {
  return new Date(Date.parse(at));
}

/** The UTC billing month ("2026-05") a moment falls in. */
export function billingMonthOf(at: Timestamp): string {
  return at.slice(0, 7);
}
