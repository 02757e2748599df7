/**
 * Where and why a JSON text is malformed, worded like Python's `json` module ("Expecting value: line 1
 * column 27 (char 26)"), which is what clients of the reference's 422 body have seen. V8's messages give
 * no position for some errors and quote the input (CV text) for others, so the text is scanned again
 * here; this runs only after JSON.parse has already failed. Iterative, so deep nesting cannot overflow.
 */
export interface JsonSyntaxError {
  /** Offset of the error in the text (UTF-16 code units). */
  readonly position: number;
  readonly message: string;
}

export function describeJsonSyntaxError(text: string): JsonSyntaxError {
  const found = scan(text);
  const position = found?.position ?? 0;
  const reason = found?.reason ?? 'Expecting value';
  return { position, message: `${reason}: ${lineAndColumn(text, position)} (char ${position})` };
}

interface Failure {
  readonly position: number;
  readonly reason: string;
}

const fail = (reason: string, position: number): Failure => ({ reason, position });
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
const ESCAPES = '"\\/bfnrt';

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  return i;
}

function scan(text: string): Failure | undefined {
  const open: string[] = [];
  let i = 0;
  let expectingValue = true;
  for (;;) {
    if (expectingValue) {
      i = skipSpace(text, i);
      const c = text.charAt(i);
      if (c === '{' || c === '[') {
        const close = c === '{' ? '}' : ']';
        const inside = skipSpace(text, i + 1);
        if (text.charAt(inside) === close) {
          i = inside + 1;
          expectingValue = false;
          continue;
        }
        open.push(c);
        if (c === '[') {
          i = inside;
          continue;
        }
        const next = member(text, inside);
        if (typeof next !== 'number') return next;
        i = next;
        continue;
      }
      const end = scalar(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      expectingValue = false;
      continue;
    }
    i = skipSpace(text, i);
    const container = open.at(-1);
    if (container === undefined) return i < text.length ? fail('Extra data', i) : undefined;
    const c = text.charAt(i);
    if (c === (container === '{' ? '}' : ']')) {
      open.pop();
      i++;
    } else if (c === ',' && container === '[') {
      i++;
      expectingValue = true;
    } else if (c === ',') {
      const next = member(text, skipSpace(text, i + 1));
      if (typeof next !== 'number') return next;
      i = next;
      expectingValue = true;
    } else {
      return fail("Expecting ',' delimiter", i);
    }
  }
}

/** A `"name":` at `at`; returns where its value starts. */
function member(text: string, at: number): number | Failure {
  if (text.charAt(at) !== '"') return fail('Expecting property name enclosed in double quotes', at);
  const end = string(text, at);
  if (typeof end !== 'number') return end;
  const colon = skipSpace(text, end);
  if (text.charAt(colon) !== ':') return fail("Expecting ':' delimiter", colon);
  return colon + 1;
}

function scalar(text: string, at: number): number | Failure {
  const c = text.charAt(at);
  if (c === '"') return string(text, at);
  if (c === '-' || (c >= '0' && c <= '9')) {
    NUMBER.lastIndex = at;
    return NUMBER.test(text) ? NUMBER.lastIndex : fail('Expecting value', at);
  }
  const literal = LITERALS.find((word) => text.startsWith(word, at));
  return literal ? at + literal.length : fail('Expecting value', at);
}

function string(text: string, start: number): number | Failure {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return fail('Invalid control character at', i);
    if (code !== 0x5c) continue;
    const escaped = text.charAt(i + 1);
    if (escaped === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('Invalid \\uXXXX escape', i + 1);
      i += 5;
    } else if (escaped !== '' && ESCAPES.includes(escaped)) {
      i += 1;
    } else if (escaped !== '') {
      return fail('Invalid \\escape', i);
    }
  }
  return fail('Unterminated string starting at', start);
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const lastBreak = before.lastIndexOf('\n');
  return `line ${line} column ${position - lastBreak}`;
}
