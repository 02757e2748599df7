import type { CvEntry } from '../cv/entries.ts';
import type { CvProfile } from '../cv/profile.ts';
import type { Hit } from '../match/hits.ts';

const SNIPPET_MAX = 90;

/** "Senior Backend Engineer at Finlo, 2019–present" — who, where and when, as the CV puts it. */
export function describeEntry(entry: CvEntry): string {
  const who =
    entry.title && entry.organisation
      ? `${entry.title} at ${entry.organisation}`
      : (entry.title ?? entry.organisation ?? entry.header);
  return who ? `${clip(who, 70)}, ${entry.range.label}` : entry.range.label;
}

/** The words the CV itself uses for a hit ("Postgres", "k8s"). */
export function hitSurface(profile: CvProfile, hit: Hit): string {
  return profile.text.slice(hit.start, hit.end).replace(/\s+/g, ' ').trim();
}

/** The CV line around a hit, trimmed to a readable length and cut at word boundaries. */
export function snippetAround(profile: CvProfile, hit: Hit): string {
  const line = profile.lines[hit.line];
  if (!line) return '';
  const text = line.text.replace(/^-\s*/, '').replace(/\s+/g, ' ').trim();
  if (text.length <= SNIPPET_MAX) return text;
  const local = hit.start - line.start;
  const from = Math.max(0, Math.min(local - 30, text.length - SNIPPET_MAX));
  let snippet = text.slice(from, from + SNIPPET_MAX);
  if (from > 0) snippet = `…${snippet.replace(/^\S*\s/, '')}`;
  if (from + SNIPPET_MAX < text.length) snippet = `${snippet.replace(/\s\S*$/, '')}…`;
  return snippet;
}

export function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).replace(/\s\S*$/, '')}…`;
}

export function formatYears(years: number): string {
  const rounded = years >= 3 ? Math.floor(years) : Math.round(years * 2) / 2;
  if (rounded < 1) return 'under 1 year';
  return rounded === 1 ? '1 year' : `${rounded} years`;
}

export function joinLabels(labels: readonly string[]): string {
  if (labels.length <= 1) return labels[0] ?? '';
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
