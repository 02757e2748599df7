/**
 * Words around a mention that say it is not (yet, or any longer) held: "working towards CIPD Level 5",
 * "saving for my C+E test", "ADR expired 2022", "learning Django". Such evidence counts for little.
 */
const PENDING =
  /\b(?:working\s+towards?|studying\s+(?:for|towards?)|saving\s+for|booked|due\s+to\s+(?:sit|take|complete|start)|expected|in\s+progress|part[-\s]qualified|part[-\s]way|currently\s+(?:studying|completing|taking|training|working\s+towards?)|applying\s+for|awaiting|aiming\s+(?:for|to)|planning\s+to|plan\s+to|hope\s+to|keen\s+to|would\s+like\s+to|interested\s+in|enrolled|pending|not\s+yet|trainee|student)\b/i;
const EXPIRED =
  /\b(?:expired|lapsed|no\s+longer\s+(?:valid|held|registered)|out\s+of\s+date|not\s+renewed|previously\s+held|revoked|suspended)\b/i;
const LEARNING =
  /\b(?:learning|beginner|basic\s+knowledge|some\s+exposure|exposure\s+to|introduction\s+to|self[-\s]taught\s+basics|familiar\s+with\s+the\s+basics)\b/i;

const PENDING_FACTOR = 0.4;
const EXPIRED_FACTOR = 0.2;
const LEARNING_FACTOR = 0.5;

/** The few words before and after a mention, within its own clause. */
function surroundings(line: string, start: number, end: number): { before: string; after: string } {
  const before = line.slice(Math.max(0, start - 45), start);
  const after = line.slice(end, end + 60);
  return {
    before: before.slice(Math.max(0, before.search(/[^;.|]*$/))),
    after: after.slice(0, (after.search(/[;.|]/) + 1 || after.length + 1) - 1),
  };
}

/** Factor (≤ 1) to apply to a mention at [start, end) of a line, by what the words around it say. */
export function qualifierFactor(line: string, start: number, end: number): number {
  const { before, after } = surroundings(line, start, end);
  const around = `${before} ${after}`;
  if (EXPIRED.test(around)) return EXPIRED_FACTOR;
  if (PENDING.test(before) || /\(\s*(?:in\s+progress|pending|part[-\s]qualified|studying)\s*\)/i.test(after))
    return PENDING_FACTOR;
  if (LEARNING.test(before)) return LEARNING_FACTOR;
  return 1;
}
