/** One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break; null is an empty cell. */
export function csvCell(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
