/** "5,30,120" (seconds), "50ms,100ms", "1.5s,2m": a list of durations, in milliseconds. */
export function parseDurationList(text: string): number[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map(parseDuration);
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, '': 1000 };

export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(text.trim());
  if (!m?.[1]) throw new Error(`"${text}" is not a duration (e.g. 5, 5s, 250ms, 2m)`);
  return Math.round(Number(m[1]) * (UNIT_MS[(m[2] ?? '').toLowerCase()] ?? 1000));
}
