/**
 * Reading order for one PDF page from positioned text items (pdf.js coordinates: origin bottom
 * left). Lines are rebuilt from positions rather than taken in content-stream order, because some
 * generators draw a two-column CV row by row, which would splice a sidebar's skills into the
 * dates of the main column. A page with a clear vertical gutter is read as a header, then the left
 * column, then the right one.
 */

export interface PositionedText {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface Line {
  readonly y: number;
  readonly height: number;
  readonly items: PositionedText[];
}

/** Narrower gaps are word spacing or a table's cell padding, not a gutter between columns. */
const MIN_GUTTER = 18;
/** Full-width lines at the top (name, contact) that may cross the gutter. */
const MAX_HEADER_LINES = 3;
/** Lines a side needs on its own (not sharing a row with the other side): right-aligned dates never do. */
const MIN_LINES_ALONE = 2;
/** Baselines closer than this (points) are one row. */
const SAME_ROW = 2;

export function pageReadingOrder(items: readonly PositionedText[]): string {
  const lines = groupLines(items.filter((i) => i.str.trim() !== ''));
  for (let header = 0; header <= Math.min(MAX_HEADER_LINES, lines.length - 1); header++) {
    const body = lines.slice(header);
    const gutter = findGutter(body);
    if (gutter === undefined) continue;
    const left = splitSide(body, (i) => i.x + i.width <= gutter);
    const right = splitSide(body, (i) => i.x >= gutter);
    if (!isColumn(left, right) || !isColumn(right, left)) continue;
    return [renderLines(lines.slice(0, header)), renderLines(left), renderLines(right)]
      .filter((t) => t !== '')
      .join('\n\n');
  }
  return renderLines(lines);
}

function groupLines(items: readonly PositionedText[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const last = lines.at(-1);
    const tolerance = Math.max(2, Math.min(item.height, last?.height ?? item.height) * 0.5);
    if (last && Math.abs(last.y - item.y) <= tolerance) last.items.push(item);
    else lines.push({ y: item.y, height: item.height, items: [item] });
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines;
}

/** The middle of the widest horizontal band no text crosses, if it is wide enough. */
function findGutter(lines: readonly Line[]): number | undefined {
  const spans = lines.flatMap((l) => l.items.map((i) => [i.x, i.x + i.width] as const));
  spans.sort((a, b) => a[0] - b[0]);
  let reach = spans[0]?.[1];
  let best: { start: number; width: number } | undefined;
  for (const [start, end] of spans) {
    if (reach === undefined) break;
    const gap = start - reach;
    if (gap >= MIN_GUTTER && (!best || gap > best.width)) best = { start: reach, width: gap };
    reach = Math.max(reach, end);
  }
  return best ? best.start + best.width / 2 : undefined;
}

/** A column's lines are regrouped on their own: the other column's rows have their own spacing. */
function splitSide(lines: readonly Line[], onSide: (item: PositionedText) => boolean): Line[] {
  return groupLines(lines.flatMap((l) => l.items.filter(onSide)));
}

function isColumn(side: readonly Line[], other: readonly Line[]): boolean {
  const alone = side.filter((l) => !other.some((o) => Math.abs(o.y - l.y) <= SAME_ROW)).length;
  return side.length >= 3 && alone >= MIN_LINES_ALONE;
}

function renderLines(lines: readonly Line[]): string {
  let out = '';
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    // A gap of about two lines' height separates paragraphs or sections.
    if (previous) out += previous.y - line.y > Math.max(line.height, previous.height) * 1.9 ? '\n\n' : '\n';
    out += renderLine(line.items);
  });
  return out;
}

function renderLine(items: readonly PositionedText[]): string {
  let text = '';
  let rightEdge: number | undefined;
  for (const item of items) {
    const gap = rightEdge === undefined ? 0 : item.x - rightEdge;
    if (rightEdge !== undefined && gap > item.height * 0.15 && !/\s$/.test(text)) text += ' ';
    text += item.str;
    rightEdge = item.x + item.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}
