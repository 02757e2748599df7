/**
 * Date ranges of experience entries in every common format: "Mar 2019 – Present", "2016-2019",
 * "06/2014 to 08/2017", "Jan 2020 – present", "since 2021", "2018 – current", "Sept 2015 - Jun 2017",
 * plus French, German, Spanish and Italian month names and "present" words.
 */
export interface MonthInterval {
  /** Months since year 0: year * 12 + month (0-based). End is exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface DateRange extends MonthInterval {
  readonly index: number;
  readonly length: number;
  readonly ongoing: boolean;
  /** "2019–present", "2014–2017": a compact display form for explanations. */
  readonly label: string;
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['jan', 'january', 'janv', 'janvier', 'januar', 'jänner', 'enero', 'ene', 'gennaio', 'janeiro'],
  ['feb', 'february', 'févr', 'fevr', 'février', 'fevrier', 'februar', 'febrero', 'febbraio', 'fevereiro'],
  ['mar', 'march', 'mars', 'märz', 'maerz', 'marzo', 'março'],
  ['apr', 'april', 'avr', 'avril', 'abril', 'aprile', 'abr'],
  ['may', 'mai', 'mayo', 'maggio', 'maio'],
  ['jun', 'june', 'juin', 'juni', 'junio', 'giugno', 'junho'],
  ['jul', 'july', 'juil', 'juillet', 'juli', 'julio', 'luglio', 'julho'],
  ['aug', 'august', 'août', 'aout', 'agosto', 'ago'],
  ['sep', 'sept', 'september', 'septembre', 'septiembre', 'settembre', 'setembro', 'set'],
  ['oct', 'october', 'octobre', 'oktober', 'octubre', 'ottobre', 'outubro', 'okt'],
  ['nov', 'november', 'novembre', 'noviembre', 'novembro'],
  [
    'dec',
    'december',
    'déc',
    'dec',
    'décembre',
    'decembre',
    'dezember',
    'diciembre',
    'dicembre',
    'dezembro',
    'dez',
    'dic',
  ],
];
MONTH_NAMES.forEach((names, month) => {
  for (const name of names) MONTHS[name] = month;
});
const SEASONS: Record<string, number> = { spring: 2, summer: 5, autumn: 8, fall: 8, winter: 11 };

const MONTH_ALT = Object.keys(MONTHS)
  .concat(Object.keys(SEASONS))
  .sort((a, b) => b.length - a.length)
  .join('|');
const PRESENT = String.raw`present|current(?:ly)?|now|today|to\s+date|till\s+date|till\s+now|date|ongoing|présent|aujourd'hui|aujourd’hui|actuel(?:lement)?|heute|jetzt|actual(?:idad|mente)?|presente|hoy|oggi|atual`;
const POINT = new RegExp(
  String.raw`(?<![\p{L}\d])(?:(?<mname>${MONTH_ALT})\.?,?\s*(?<myear>\d{4}|['’]\d{2})|(?<dd>\d{1,2})[/.](?<dm>\d{1,2})[/.](?<dy>\d{4})|(?<nm>\d{1,2})\s*[/.]\s*(?<ny>\d{4})|(?<iy>\d{4})[-/.](?<im>\d{1,2})(?![\d])|(?<year>(?:19|20)\d{2})|(?<present>${PRESENT}))(?![\p{L}\d])`,
  'giu',
);
const CONNECTOR = /^\s*(?:[-–—~→]|->|to|until|till|through|thru|à|au|bis|a|al|hasta|fino\s+a|-\s*to)?\s*$/i;
const OPEN_START = /(?:since|from|depuis|seit|desde|dal|dall['’])\s*$/i;

interface Point {
  index: number;
  end: number;
  present: boolean;
  year: number;
  month: number | undefined;
}

function readPoint(m: RegExpExecArray, asOfYear: number): Point | undefined {
  const g = m.groups ?? {};
  const base = { index: m.index, end: m.index + m[0].length };
  if (g.present) return { ...base, present: true, year: 0, month: undefined };
  let year: number | undefined;
  let month: number | undefined;
  if (g.mname && g.myear) {
    const name = g.mname.toLowerCase();
    month = MONTHS[name] ?? SEASONS[name];
    year = g.myear.length === 4 ? Number(g.myear) : expandTwoDigitYear(Number(g.myear.slice(1)), asOfYear);
  } else if (g.dy) {
    year = Number(g.dy);
    month = Number(g.dm) - 1;
  } else if (g.ny) {
    year = Number(g.ny);
    month = Number(g.nm) - 1;
  } else if (g.iy) {
    year = Number(g.iy);
    month = Number(g.im) - 1;
  } else if (g.year) {
    year = Number(g.year);
  }
  if (year === undefined || year < 1950 || year > asOfYear + 1) return undefined;
  if (month !== undefined && (month < 0 || month > 11)) return undefined;
  return { ...base, present: false, year, month };
}

function expandTwoDigitYear(yy: number, asOfYear: number): number {
  return yy <= (asOfYear % 100) + 1 ? 2000 + yy : 1900 + yy;
}

export function findDateRanges(line: string, asOf: MonthIndex): DateRange[] {
  // Every range has a year in digits: most lines have none and need no further look.
  if (!/\d{4}|['’]\d\d/.test(line)) return [];
  const asOfYear = Math.floor(asOf / 12);
  const points: Point[] = [];
  for (const m of line.matchAll(POINT)) {
    const p = readPoint(m as RegExpExecArray, asOfYear);
    if (p) points.push(p);
  }
  const ranges: DateRange[] = [];
  for (let i = 0; i < points.length; i++) {
    const from = points[i];
    if (!from || from.present) continue;
    const to = points[i + 1];
    if (to && CONNECTOR.test(line.slice(from.end, to.index)) && (to.present || to.year >= from.year)) {
      ranges.push(makeRange(from, to, asOf));
      i++;
    } else if (
      OPEN_START.test(line.slice(Math.max(0, from.index - 12), from.index)) ||
      /^\s*[-–—]\s*$/.test(line.slice(from.end))
    ) {
      ranges.push(makeRange(from, undefined, asOf));
    }
  }
  return ranges.filter((r) => r.end > r.start);
}

export type MonthIndex = number;

export function monthIndexOf(isoDate: string): MonthIndex {
  const m = /^(\d{4})-(\d{2})/.exec(isoDate);
  if (!m) throw new Error(`Invalid asOf date: ${isoDate}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

function makeRange(from: Point, to: Point | undefined, asOf: MonthIndex): DateRange {
  const ongoing = to === undefined || to.present;
  const start = from.year * 12 + (from.month ?? 0);
  let end: number;
  if (ongoing) end = asOf + 1;
  else if (to.month !== undefined) end = to.year * 12 + to.month + 1;
  else if (from.month === undefined) end = to.year === from.year ? start + 6 : to.year * 12;
  else end = to.year * 12 + 6;
  const endIndex = to ? to.end : from.end;
  const label = `${from.year}–${ongoing ? 'present' : String(to.year)}`;
  return {
    start,
    end: Math.min(end, asOf + 1),
    index: from.index,
    length: endIndex - from.index,
    ongoing,
    label,
  };
}

/** Total months covered by a set of intervals, overlaps counted once. */
export function coveredMonths(intervals: readonly MonthInterval[]): number {
  const sorted = [...intervals].sort((a, b) => a.start - b.start || a.end - b.end);
  let total = 0;
  let curStart = Number.NEGATIVE_INFINITY;
  let curEnd = Number.NEGATIVE_INFINITY;
  for (const { start, end } of sorted) {
    if (start > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = start;
      curEnd = end;
    } else if (end > curEnd) curEnd = end;
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}
