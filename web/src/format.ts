const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const count = new Intl.NumberFormat('en-GB');

/** API timestamps are UTC; shown as such, with the zone named, so nobody guesses. */
export function formatDateTime(iso: string | null): string {
  if (iso === null) return 'Never';
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : `${dateTime.format(at)} UTC`;
}

export function formatCount(value: number): string {
  return count.format(value);
}

/** "in 71 hours", "in 12 minutes", "expired". */
export function formatTimeLeft(iso: string, now = Date.now()): string {
  const ms = Date.parse(iso) - now;
  if (!(ms > 0)) return 'expired';
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 1) return `in ${hours} hour${hours === 1 ? '' : 's'}`;
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}
