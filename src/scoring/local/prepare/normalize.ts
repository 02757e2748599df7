/**
 * Text as extracted from PDFs and Word files is messy: non-breaking spaces, exotic dashes and bullets,
 * letter-spaced headings ("S K I L L S"). This folds it to plain lines without changing its meaning.
 */
const BULLET_CHARS = /^[\s]*(?:[•●▪▫◦‣∙·◆◇■□➢➤►▶✓✔☐❖*]|-(?=\s)|–(?=\s)|o(?=\s{1,3}\S))\s*/u;

export function normalizeText(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\u2000-\u200a]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\u2010\u2011\u2012\u2212]/g, '-')
    .replace(/\t/g, '  ')
    .split('\n');
  const letterSpaced = LETTER_SPACED.test(text);
  return joinWrappedLines(lines.map((line) => normalizeLine(line, letterSpaced))).join('\n');
}

const OPEN_END =
  /(?:,|&|\b(?:and|or|of|with|in|the|a|an|such as|like|to|for|on|at|by|from|including|e\.g\.?))\s*$/i;

/** A short Title Case or capitals line (a name, a heading) is never the start of a wrapped sentence. */
function looksLikeNameOrHeading(line: string): boolean {
  const words = line.trim().replace(/^-\s*/, '').split(/\s+/);
  return words.length <= 4 && words.every((w) => /^[\p{Lu}\d&]/u.test(w));
}

/**
 * PDF extraction breaks sentences at the page's line width and puts bullets on lines of their own. A line
 * that starts in lower case, or follows a line left open ("…, Pandas,", "…such as"), continues it.
 */
function joinWrappedLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const text = line.trim();
    if (prev === undefined || text === '' || prev.trim() === '') {
      out.push(line);
      continue;
    }
    if (prev === '- ' || prev === '-') {
      out[out.length - 1] = `- ${text.replace(/^-\s*/, '')}`;
      continue;
    }
    const continues =
      !text.startsWith('- ') &&
      !text.includes('@') &&
      !/[.:;!?]\s*$/.test(prev) &&
      !looksLikeNameOrHeading(prev) &&
      (/^[a-z][a-z'’-]*(?:[\s,.;:)]|$)/.test(text) || OPEN_END.test(prev));
    if (continues) out[out.length - 1] = `${prev.trimEnd()} ${text}`;
    else out.push(line);
  }
  return out;
}

const LETTER_SPACED = /(?:^|\s)\p{L} \p{L} \p{L}(?:\s|$)/mu;

function normalizeLine(line: string, letterSpaced: boolean): string {
  let out = (letterSpaced ? joinLetterSpacedWords(line) : line).replace(
    /[ ]{2,}(?=\S)/g,
    (m, offset: number) => (offset === 0 ? m : '  '),
  );
  if (BULLET_CHARS.test(out)) out = `- ${out.replace(BULLET_CHARS, '')}`;
  return out.trimEnd();
}

/**
 * "L I A M  A N D R E W S" → "LIAM ANDREWS": runs of at least three single letters separated by single
 * spaces form one word; a double space separates words.
 */
function joinLetterSpacedWords(line: string): string {
  if (!LETTER_SPACED.test(line)) return line;
  return line.replace(/(?<![\p{L}\p{N}])\p{L}(?: \p{L}){2,}(?![\p{L}\p{N}])/gu, (run) =>
    run.replace(/ /g, ''),
  );
}

export function isBulletLine(line: string): boolean {
  return line.startsWith('- ');
}
