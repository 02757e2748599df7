/** The file name without its extension, made unique among the refs already taken (the API requires it). */
export function uniqueRef(wanted: string, taken: ReadonlySet<string>): string {
  const base = wanted.replace(/\.[^.]+$/, '').trim() || 'candidate';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
