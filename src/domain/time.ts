/**
 * Timestamps of the contract: ISO 8601 UTC with microseconds and a trailing Z
 * ("2026-04-24T01:33:11.984978Z", DESIGN.md §1). Stored as this same text in every dialect: fixed width,
 * so text order is time order and lease comparisons work in SQL on SQLite and PostgreSQL alike.
 */
export type Timestamp = string & { readonly __timestamp: unique symbol };

/** Epoch microseconds of the last `now()`: timestamps of one process never go backwards or repeat. */
let lastMicros = 0;

export function toTimestamp(date: Date, micros = 0): Timestamp {
  const iso = date.toISOString(); // 2026-04-24T01:33:11.984Z
  return `${iso.slice(0, 23)}${String(micros).padStart(3, '0')}Z` as Timestamp;
}

/**
 * The current time. The wall clock gives milliseconds; within a millisecond (or if the clock steps back)
 * each call adds a microsecond to the last, so text order of this process's timestamps is call order.
 */
export function now(): Timestamp {
  const micros = Math.max(Date.now() * 1000, lastMicros + 1);
  lastMicros = micros;
  return toTimestamp(new Date(Math.floor(micros / 1000)), micros % 1000);
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
