import type { Clause } from './clause-context.ts';

export type Connector = 'start' | 'or' | 'comma' | 'and';

/** A stretch of a clause between list separators: one candidate item of a requirement list. */
export interface Piece {
  readonly start: number;
  readonly end: number;
  readonly connector: Connector;
}

/** A list introduced by "such as", "e.g.", "including" or a bracket: ways to show the item before it. */
export interface ExamplesList {
  readonly markerStart: number;
  readonly members: readonly Piece[];
}

// "&" joins names ("England & Wales", "P&L") and separates only before a lower-case word.
const SEPARATOR =
  /\s*(?:,|;|\s[–—-]\s|\band\b|\s&\s|\bor\b|\/|\bas\s+well\s+as\b|\bplus\b|\balong\s+with\b)\s*/gi;
const EXAMPLES_MARKER =
  /\b(?:such\s+as|e\.g\.?|eg|including|like|for\s+example|for\s+instance|especially|particularly|i\.e\.?|namely)(?=\s)/gi;

function connectorOf(separator: string): Connector {
  const s = separator.trim().toLowerCase();
  if (s === 'or' || s === '/') return 'or';
  if (s === ',' || s === ';') return 'comma';
  return 'and';
}

/**
 * Splits [from, to) of a clause into pieces at list separators ("," ";" "and" "or" "/"), except where a
 * separator sits inside a known term ("CI/CD", "Health and Safety").
 */
export function splitPieces(clause: Clause, from: number, to: number): Piece[] {
  const text = clause.text.slice(from, to);
  const pieces: Piece[] = [];
  let cursor = 0;
  let connector: Connector = 'start';
  for (const m of text.matchAll(SEPARATOR)) {
    const at = from + m.index;
    if (insideMention(clause, at, at + m[0].length)) continue;
    if (m[0].trim() === '&' && /^\p{Lu}/u.test(text.slice(m.index + m[0].length))) continue;
    if (m.index > cursor) pieces.push({ start: from + cursor, end: at, connector });
    connector = connectorOf(m[0]);
    cursor = m.index + m[0].length;
  }
  if (cursor < text.length) pieces.push({ start: from + cursor, end: to, connector });
  return pieces
    .map((p) => afterLeadIn(clause.text, p))
    .filter((p) => clause.text.slice(p.start, p.end).trim().length > 0);
}

/**
 * A colon inside a piece ends a lead-in ("…you can show us the numbers: quota attainment, deal size"):
 * the item is what follows it.
 */
function afterLeadIn(text: string, piece: Piece): Piece {
  const colon = text.slice(piece.start, piece.end).lastIndexOf(': ');
  if (colon < 0) return piece;
  const start = piece.start + colon + 2;
  return text.slice(start, piece.end).trim() === '' ? piece : { ...piece, start };
}

function insideMention(clause: Clause, start: number, end: number): boolean {
  return clause.mentions.some((m) => m.start < start && m.end > start && m.end >= end);
}

/** Brackets holding one short item qualify their head ("Registered Nurse (Adult)"); lists in them are examples. */
function isListBracket(content: string): boolean {
  return /[,/;]|\bor\b|\band\b|\be\.g\b|\bsuch\s+as\b|\bincluding\b/i.test(content);
}

/**
 * Finds the examples lists of a clause and returns them with the clause's remaining main stretches
 * (the text outside every examples list).
 */
export function findExamples(clause: Clause): {
  examples: ExamplesList[];
  main: { start: number; end: number }[];
} {
  const text = clause.text;
  const spans: { markerStart: number; from: number; to: number }[] = [];
  for (let i = text.indexOf('('); i >= 0; i = text.indexOf('(', i + 1)) {
    const close = text.indexOf(')', i);
    const end = close < 0 ? text.length : close;
    const content = text.slice(i + 1, end);
    if (isListBracket(content)) {
      const inner =
        /^\s*(?:e\.g\.?|eg|such\s+as|including|for\s+example|i\.e\.?|for\s+instance)[\s,:]*/i.exec(content);
      spans.push({ markerStart: i, from: i + 1 + (inner?.[0].length ?? 0), to: end });
    }
  }
  for (const m of text.matchAll(EXAMPLES_MARKER)) {
    if (spans.some((s) => m.index >= s.markerStart && m.index < s.to)) continue;
    const from = m.index + m[0].length;
    const stop =
      /[.;)]|\band\s+(?:the\s+)?(?:application|ability|experience|knowledge|understanding|familiarity)\b/i.exec(
        text.slice(from),
      );
    spans.push({ markerStart: m.index, from, to: stop ? from + stop.index : text.length });
  }
  spans.sort((a, b) => a.markerStart - b.markerStart);
  const examples = spans.map((s) => ({
    markerStart: s.markerStart,
    members: splitPieces(clause, s.from, s.to),
  }));
  const main: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const s of spans) {
    if (s.markerStart > cursor) main.push({ start: cursor, end: s.markerStart });
    cursor = Math.max(cursor, text[s.to] === ')' ? s.to + 1 : s.to);
  }
  if (cursor < text.length) main.push({ start: cursor, end: text.length });
  return { examples, main };
}
