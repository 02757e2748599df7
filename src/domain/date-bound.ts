import { type Timestamp, toTimestamp } from './time.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A bound of an export's time window: a date (`2026-11-01`, midnight UTC) or a date-time with a zone
 * (`2026-11-01T09:00:00Z`, `…+01:00`). A date-time without a zone is refused rather than guessed.
 */
export function parseDateBound(text: string): Timestamp | undefined {
  const trimmed = text.trim();
  if (!DATE.test(trimmed) && !DATE_TIME.test(trimmed)) return undefined;
  const date = new Date(DATE.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  if (Number.isNaN(date.getTime())) return undefined;
  // Date keeps milliseconds; the microseconds of a bound are taken as zero.
  return toTimestamp(date);
}

export const DATE_BOUND_HINT = 'a date (2026-11-01) or a date-time with a zone (2026-11-01T09:00:00Z)';
