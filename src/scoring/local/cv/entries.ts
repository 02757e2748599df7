import type { CvLine } from './cv-lines.ts';
import { type DateRange, findDateRanges, type MonthIndex } from './date-ranges.ts';
import { splitHeader } from './entry-header.ts';

export type EntryKind = 'work' | 'education' | 'project';

export interface CvEntry {
  readonly id: number;
  readonly kind: EntryKind;
  readonly range: DateRange;
  /** Header text without the dates: "Senior Backend Engineer, Finlo Ltd". */
  readonly header: string;
  readonly title: string | undefined;
  readonly organisation: string | undefined;
  /** The line that carries the entry's dates. */
  readonly anchorLine: number;
  /** Line indexes [from, to] covered by the entry, header lines included. */
  readonly fromLine: number;
  readonly toLine: number;
  /** The entry describes results (numbers, percentages, money, outcome verbs): stronger evidence. */
  readonly hasOutcome: boolean;
}

const DEGREE_CONTEXT =
  /\b(?:university|universit[éeä]t?|college|school|academy|institute|polytechnic|bsc|b\.sc|ba|b\.a|beng|meng|msc|m\.sc|ma|mba|phd|llb|llm|pgce|btec|hnd|hnc|gcse|a[-\s]levels?|degree|diploma|bachelor'?s?|master'?s?|doctorate|graduated|nvq|b\.?tech|m\.?tech|b\.?com|hons)\b/i;
const OUTCOME =
  /\d+\s*%|[£$€]\s?\d|\b(?!(?:19|20)\d\d\b)\d{2,}[kKmM+]?\b|\b(?:increased|reduced|improved|cut|grew|saved|delivered|launched|achieved|exceeded|won|awarded|doubled|tripled|boosted|raised|decreased|lowered|shipped|migrated|built|led|scaled|automated|streamlined|promoted)\b/i;

function entryKind(line: CvLine): EntryKind | undefined {
  switch (line.section) {
    case 'education':
      return 'education';
    case 'projects':
      return 'project';
    case 'skills':
    case 'languages':
    case 'certifications':
      return undefined;
    case 'experience':
      return 'work';
    default:
      return DEGREE_CONTEXT.test(
        line.text.replace(/\buniversity\s+hospitals?\b|\bschool\s+of\s+\w+\s+trust\b/gi, ''),
      )
        ? 'education'
        : 'work';
  }
}

/** A short plain line just above a dated line is that entry's title or employer. */
type RangesOf = (line: CvLine) => readonly DateRange[];

function isHeaderCandidate(line: CvLine | undefined, rangesOf: RangesOf): line is CvLine {
  if (!line || line.heading || line.bullet) return false;
  const words = line.text.trim().split(/\s+/).length;
  return words > 0 && words <= 12 && !/[.;]\s*$/.test(line.text.trim()) && rangesOf(line).length === 0;
}

export function findEntries(lines: readonly CvLine[], asOf: MonthIndex): CvEntry[] {
  const cache = new Map<number, readonly DateRange[]>();
  const rangesOf: RangesOf = (line) => {
    let ranges = cache.get(line.index);
    if (!ranges) {
      ranges = findDateRanges(line.text, asOf);
      cache.set(line.index, ranges);
    }
    return ranges;
  };
  const anchors: { line: CvLine; range: DateRange; kind: EntryKind }[] = [];
  for (const line of lines) {
    if (line.heading) continue;
    const kind = entryKind(line);
    const range = kind ? rangesOf(line)[0] : undefined;
    if (kind && range) anchors.push({ line, range, kind });
  }
  return anchors.map((anchor, i) => {
    const next = anchors[i + 1];
    const headerLines = collectHeaderLines(lines, anchor.line, anchors[i - 1]?.line, rangesOf);
    const nextHeaderStart = next
      ? collectHeaderLines(lines, next.line, anchor.line, rangesOf)[0]?.index
      : undefined;
    const fromLine = headerLines[0]?.index ?? anchor.line.index;
    const toLine = lastBodyLine(lines, anchor.line, nextHeaderStart ?? next?.line.index);
    const dated = anchor.line.text;
    const afterDates = dated.slice(anchor.range.index + anchor.range.length);
    // "Frontend developer, 2021 – present. 3 years React…": a sentence after the dates is the role's
    // description, not part of its header.
    const headerAfterDates = /^\s*[.;]\s+\S/.test(afterDates) ? '' : afterDates;
    const withoutDates = (dated.slice(0, anchor.range.index) + headerAfterDates).trim();
    const header = [...headerLines.filter((l) => l !== anchor.line).map((l) => l.text), withoutDates]
      .map((t) => t.replace(/^[-\s]+/, '').trim())
      .filter(Boolean)
      .join(', ');
    const bodyText = lines
      .slice(fromLine, toLine + 1)
      .map((l) => l.text)
      .join('\n');
    const { title, organisation } = splitHeader(header);
    return {
      id: i,
      kind: anchor.kind,
      range: anchor.range,
      header: cleanHeader(header),
      title,
      organisation,
      anchorLine: anchor.line.index,
      fromLine,
      toLine,
      hasOutcome: OUTCOME.test(bodyText),
    };
  });
}

function collectHeaderLines(
  lines: readonly CvLine[],
  anchor: CvLine,
  previousAnchor: CvLine | undefined,
  rangesOf: RangesOf,
): CvLine[] {
  const header: CvLine[] = [anchor];
  const anchorWithoutDates = anchor.text.replace(/[\d/.\-–—]+|present|current|to/gi, '').trim();
  // Walk up over at most two short plain lines (title, employer), never into the previous entry's anchor.
  for (let i = anchor.index - 1; i >= 0 && header.length < 3; i--) {
    const line = lines[i];
    if (!line || line.text.trim() === '') {
      if (header.length > 1) break;
      continue;
    }
    if (previousAnchor && line.index <= previousAnchor.index) break;
    if (!isHeaderCandidate(line, rangesOf) || line.section !== anchor.section) break;
    header.unshift(line);
  }
  // Dates on a line of their own ("Mar 2019 – Present") put the title on the line below.
  if (anchorWithoutDates.length < 3 && header.length === 1) {
    const below = lines[anchor.index + 1];
    if (isHeaderCandidate(below, rangesOf)) header.push(below);
  }
  return header;
}

function lastBodyLine(lines: readonly CvLine[], anchor: CvLine, nextStart: number | undefined): number {
  let last = anchor.index;
  for (let i = anchor.index + 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.heading || (nextStart !== undefined && i >= nextStart)) break;
    if (line.section !== anchor.section && !line.text.trim().startsWith('- ')) break;
    if (line.text.trim() !== '') last = i;
  }
  return last;
}

function cleanHeader(header: string): string {
  return header
    .replace(/\s*[|,–—-]\s*(?=[|,–—-]|$)/g, '')
    .replace(/\(\s*\)/g, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s|,–—-]+|[\s|,–—:(-]+$/g, '')
    .trim();
}
