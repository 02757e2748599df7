/**
 * Words around a mention that say it is not (yet, or any longer) held: "working towards CIPD Level 5",
 * "saving for my C+E test", "ADR expired 2022", "learning Django". Such evidence counts for little.
 */
const PENDING =
  /\b(?:working\s+towards?|studying\s+(?:for|towards?)|saving\s+for|booked|due\s+to\s+(?:sit|take|complete|start)|expected|in\s+progress|part[-\s]qualified|part[-\s]way|currently\s+(?:studying|completing|taking|training|working\s+towards?)|applying\s+for|awaiting|aiming\s+(?:for|to)|planning\s+to|plan\s+to|hope\s+to|keen\s+to|would\s+like\s+to|interested\s+in|enrolled|pending|not\s+yet|trainee|student|will\s+(?:have|be|hold|obtain|gain|complete|receive)|on\s+track\s+to|to\s+be\s+completed)\b/i;
const EXPIRED =
  /\b(?:expired|lapsed|no\s+longer\s+(?:valid|held|registered)|out\s+of\s+date|outdated|superseded|not\s+(?:yet\s+)?(?:renewed|updated)|previously\s+held|revoked|suspended)\b/i;
const LEARNING =
  /\b(?:learning|beginner|basic\s+knowledge|some\s+exposure|exposure\s+to|introduction\s+to|self[-\s]taught\s+basics|familiar\s+with\s+the\s+basics)\b/i;

/**
 * Said right after the mention, before any comma: "CIPD Level 5 – in progress (expected completion 2027)",
 * "ACCA – studying (6 papers passed)".
 */
const PENDING_AFTER =
  /\b(?:in\s+progress|studying|pending|part[-\s]qualified|finalist|(?:\d+|some)\s+(?:of\s+\d+\s+)?(?:papers|exams|modules|units)\s+(?:passed|completed)|under\s+way|underway|expected\s+(?:completion|to\s+(?:complete|qualify|finish|pass))|completion\s+expected|not\s+yet\s+(?:complete|completed|achieved|awarded|passed|qualified)|awaiting\s+(?:results?|certification|award))\b/i;

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
  if (
    PENDING.test(before) ||
    /\(\s*(?:in\s+progress|pending|part[-\s]qualified|studying)\s*\)/i.test(after) ||
    PENDING_AFTER.test(after.split(',')[0] ?? '')
  )
    return PENDING_FACTOR;
  if (LEARNING.test(before)) return LEARNING_FACTOR;
  return 1;
}

const LANGUAGE_NONE =
  /\b(?:none|no|nil|beginner|basic|elementary|a1|a2|limited|learning|some|rudimentary|duolingo)\b/i;
const LANGUAGE_MIDDLE =
  /\b(?:intermediate|conversational|working\s+knowledge|good|b1|b2|functional|moderate|reasonable)\b/i;
const LANGUAGE_HIGH =
  /\b(?:fluent|fluency|native|mother\s+tongue|bilingual|c1|c2|proficient|advanced|professional|business[-\s]level|excellent)\b/i;

/**
 * How well a CV says a language is spoken, from the words beside it: "Spanish (none – Duolingo beginner)"
 * shows none, "Spanish (conversational)" some, "fluent Spanish" all. Unstated counts as usable.
 */
export function languageLevelFactor(line: string, start: number, end: number, fluencyAsked: boolean): number {
  const before = line.slice(Math.max(0, start - 25), start);
  const after = line.slice(end, end + 40).split(/[,;|]|\)\s/)[0] ?? '';
  const near = `${before.slice(Math.max(0, before.search(/[^,;|(]*$/)))} ${after}`;
  if (LANGUAGE_HIGH.test(near)) return 1;
  if (LANGUAGE_NONE.test(after) || LANGUAGE_NONE.test(before.slice(-12))) return 0.15;
  if (LANGUAGE_MIDDLE.test(near)) return fluencyAsked ? 0.5 : 0.8;
  return fluencyAsked ? 0.8 : 1;
}
