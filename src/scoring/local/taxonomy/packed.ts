/**
 * Compact encodings used by the taxonomy artefact, shared by the build script and the loader.
 *
 * - A string table is one string with the items separated by "\n": JSON.parse reads it as a single value,
 *   and the loader slices items out on demand instead of allocating one heap string per record.
 * - A packed integer column is one string: its first character is the digit width w, followed by w base-64
 *   digits per value (most significant first). It decodes into a Uint32Array in one tight loop.
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const VALUE_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) VALUE_OF[DIGITS.charCodeAt(i)] = i;

export const TABLE_SEPARATOR = '\n';

/** Each item is followed by the separator, so an empty item is unambiguous ("" → "\n"). */
export function joinTable(items: readonly string[]): string {
  for (const item of items) {
    if (item.includes(TABLE_SEPARATOR))
      throw new Error(`string table item contains a newline: ${JSON.stringify(item)}`);
  }
  return items.map((item) => item + TABLE_SEPARATOR).join('');
}

export function packInts(values: readonly number[]): string {
  let max = 0;
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`cannot pack ${v}: not a non-negative integer`);
    if (v > max) max = v;
  }
  let width = 1;
  while (64 ** width <= max) width++;
  if (width > 5) throw new Error(`cannot pack ${max}: too large`);
  const parts: string[] = [String(width)];
  for (const v of values) {
    let digits = '';
    let rest = v;
    for (let i = 0; i < width; i++) {
      digits = DIGITS.charAt(rest % 64) + digits;
      rest = Math.floor(rest / 64);
    }
    parts.push(digits);
  }
  return parts.join('');
}

export function unpackInts(packed: string): Uint32Array {
  const width = packed.charCodeAt(0) - 48;
  if (!(width >= 1 && width <= 5) || (packed.length - 1) % width !== 0) {
    throw new Error('malformed packed integer column');
  }
  const out = new Uint32Array((packed.length - 1) / width);
  let p = 1;
  for (let i = 0; i < out.length; i++) {
    let v = 0;
    for (let d = 0; d < width; d++) v = v * 64 + (VALUE_OF[packed.charCodeAt(p++)] ?? 0);
    out[i] = v;
  }
  return out;
}

/** Random access to the items of a string table. */
export class StringTable {
  readonly size: number;
  /** Start offset of each item, plus one past the end of the last separator. */
  private readonly starts: Uint32Array;

  constructor(readonly text: string) {
    let n = 0;
    for (let i = text.indexOf(TABLE_SEPARATOR); i !== -1; i = text.indexOf(TABLE_SEPARATOR, i + 1)) n++;
    const starts = new Uint32Array(n + 1);
    let k = 0;
    for (let i = text.indexOf(TABLE_SEPARATOR); i !== -1; i = text.indexOf(TABLE_SEPARATOR, i + 1)) {
      starts[++k] = i + 1;
    }
    this.size = n;
    this.starts = starts;
  }

  get(i: number): string {
    const start = this.starts[i];
    const end = this.starts[i + 1];
    if (start === undefined || end === undefined) return '';
    return this.text.slice(start, end - 1);
  }

  /** True when item i equals `s`, without allocating. */
  equals(i: number, s: string): boolean {
    const start = this.starts[i] ?? 0;
    const end = this.starts[i + 1] ?? 0;
    return end - 1 - start === s.length && this.text.startsWith(s, start);
  }

  toArray(): string[] {
    const out: string[] = new Array(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.get(i);
    return out;
  }
}

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string, from = 0, to = s.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Slots of the open-addressing index: a power of two, at most 3/4 full. */
export function slotCount(items: number): number {
  let size = 16;
  while (size * 3 < items * 4) size *= 2;
  return size;
}

/**
 * Precomputes the slots of a KeyIndex (at build time): slot → item index + 1, 0 when empty, linear probing
 * from hashString(item). Storing them in the artefact saves hashing every key at load.
 */
export function buildSlots(items: readonly string[]): number[] {
  const size = slotCount(items.length);
  const slots = new Array<number>(size).fill(0);
  const mask = size - 1;
  items.forEach((item, i) => {
    let slot = hashString(item) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = i + 1;
  });
  return slots;
}

/** Hash index over a string table, from precomputed slots (see buildSlots): item → index. */
export class KeyIndex {
  private readonly mask: number;

  constructor(
    private readonly table: StringTable,
    private readonly slots: Uint32Array,
  ) {
    const size = slots.length;
    if (size < table.size || (size & (size - 1)) !== 0) throw new Error('malformed key index');
    this.mask = size - 1;
  }

  /** Index of `key` in the table, or -1. Pass `hash` (hashString(key)) to reuse it across indexes. */
  find(key: string, hash = hashString(key)): number {
    let slot = hash & this.mask;
    for (;;) {
      const item = (this.slots[slot] ?? 0) - 1;
      if (item < 0) return -1;
      if (this.table.equals(item, key)) return item;
      slot = (slot + 1) & this.mask;
    }
  }
}
