/**
 * Job titles → occupation ids (one id space for O*NET SOC occupations and ESCO occupations), and the
 * abbreviations mined from "Long Form (ABBR)" titles.
 */
import { phraseKey } from '../../src/scoring/local/text/tokenize.ts';
import { type AbbreviationPair, minePair } from './acronym.ts';

export type TitleSource = 'onet' | 'esco';

export interface Occupation {
  readonly code: string;
  readonly label: string;
  readonly source: TitleSource;
}

/** A title naming more occupations than this is generic ("engineer", "professor") and carries no signal. */
export const MAX_OCCUPATIONS_PER_TITLE = 25;
/** Titles longer than this many content tokens are descriptions and never occur verbatim in a CV. */
export const MAX_TITLE_TOKENS = 6;
/** An ESCO occupation is linked to at most this many O*NET occupations. */
const MAX_LINKS = 3;
/**
 * Evidence needed for a link: the ESCO preferred label naming one O*NET occupation (2), or two alternative
 * labels that each name it alone. One shared alternative ("legal nurse consultant") is not enough.
 */
const MIN_LINK_SCORE = 2;

export interface BuiltTitles {
  readonly occupations: readonly Occupation[];
  readonly keys: string[];
  readonly counts: number[];
  readonly ids: number[];
  readonly maxTitleTokens: number;
  readonly abbreviations: [string, string, number][];
  readonly stats: TitleStats;
}

export interface TitleStats {
  titlesBySource: Record<TitleSource, number>;
  distinctKeys: number;
  droppedGeneric: number;
  linkedEscoOccupations: number;
  abbreviations: number;
}

class AbbreviationCollector {
  /** short → long key → { count, surfaces } */
  private readonly pairs = new Map<string, Map<string, { count: number; surfaces: Map<string, number> }>>();

  add(pair: AbbreviationPair): void {
    const longKey = phraseKey(pair.long);
    if (longKey.length === 0 || phraseKey(pair.short).length === 0) return;
    const byLong = this.pairs.get(pair.short) ?? new Map();
    this.pairs.set(pair.short, byLong);
    const entry = byLong.get(longKey) ?? { count: 0, surfaces: new Map<string, number>() };
    byLong.set(longKey, entry);
    entry.count += 1;
    entry.surfaces.set(pair.long, (entry.surfaces.get(pair.long) ?? 0) + 1);
  }

  /** The most frequent expansion of each short form, with its most frequent spelling. */
  finish(): { short: string; long: string; longKey: string }[] {
    const result: { short: string; long: string; longKey: string }[] = [];
    for (const [short, byLong] of this.pairs) {
      const best = [...byLong].sort((a, b) => b[1].count - a[1].count || compare(a[0], b[0]))[0];
      if (best === undefined) continue;
      const surface = [...best[1].surfaces].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))[0];
      if (surface === undefined) continue;
      result.push({ short, long: surface[0], longKey: best[0] });
    }
    return result.sort((a, b) => compare(a.short, b.short));
  }
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class TitleRegistry {
  readonly occupations: Occupation[] = [];
  readonly abbreviations = new AbbreviationCollector();
  private readonly direct = new Map<string, Set<number>>();
  private readonly preferredKeys = new Map<number, string>();
  private readonly stats: TitleStats = {
    titlesBySource: { onet: 0, esco: 0 },
    distinctKeys: 0,
    droppedGeneric: 0,
    linkedEscoOccupations: 0,
    abbreviations: 0,
  };

  addOccupation(code: string, label: string, source: TitleSource): number {
    const id = this.occupations.length;
    this.occupations.push({ code, label, source });
    this.preferredKeys.set(id, phraseKey(label));
    this.addTitle(label, id);
    return id;
  }

  /** Adds a title; "Registered Nurse (RN)" adds both spellings and mines the abbreviation. */
  addTitle(surface: string, occupation: number): void {
    const text = surface.trim();
    const paren = /^(.+?)\s*\(([^()]+)\)$/.exec(text);
    if (paren?.[1] !== undefined && paren[2] !== undefined) {
      this.addPlain(paren[1], occupation);
      this.addPlain(paren[2], occupation);
      const pair = minePair(paren[1], paren[2]);
      if (pair !== undefined) this.abbreviations.add(pair);
      return;
    }
    this.addPlain(text, occupation);
    // "actor/actress": each side is a title too.
    const sides = text.split('/').map((s) => s.trim());
    if (sides.length > 1 && sides.every((s) => s.length > 0 && !/\s/.test(s))) {
      for (const side of sides) this.addPlain(side, occupation);
    }
  }

  /** An abbreviated title given beside its long form (O*NET "Short Title": "CEO", "BD Officer"). */
  addShortTitle(short: string, long: string, occupation: number): void {
    this.addPlain(short, occupation);
    const pair = minePair(long.replace(/\s*\([^()]*\)$/, ''), short);
    if (pair !== undefined) this.abbreviations.add(pair);
  }

  private addPlain(surface: string, occupation: number): void {
    const key = phraseKey(surface);
    if (key.length === 0 || key.split(' ').length > MAX_TITLE_TOKENS) return;
    const occupationSource = this.occupations[occupation]?.source ?? 'onet';
    this.stats.titlesBySource[occupationSource] += 1;
    const set = this.direct.get(key) ?? new Set<number>();
    set.add(occupation);
    this.direct.set(key, set);
  }

  finish(): BuiltTitles {
    const abbreviations = this.abbreviations.finish();
    // A short form is a title of whatever its long form is a title of ("RN" → Registered Nurses).
    for (const { short, longKey } of abbreviations) {
      const occupations = this.direct.get(longKey);
      const shortKey = phraseKey(short);
      if (occupations === undefined || shortKey.length === 0) continue;
      const set = this.direct.get(shortKey) ?? new Set<number>();
      for (const o of occupations) set.add(o);
      this.direct.set(shortKey, set);
    }
    const links = this.linkEscoToOnet();
    const keys = [...this.direct.keys()].sort(compare);
    const out = { keys: [] as string[], counts: [] as number[], ids: [] as number[] };
    let maxTitleTokens = 0;
    for (const key of keys) {
      const direct = this.direct.get(key) ?? new Set<number>();
      if (direct.size > MAX_OCCUPATIONS_PER_TITLE) {
        this.stats.droppedGeneric += 1;
        continue;
      }
      const all = new Set(direct);
      for (const o of direct) for (const partner of links.get(o) ?? []) all.add(partner);
      const ids = [...all].sort((a, b) => a - b);
      out.keys.push(key);
      out.counts.push(ids.length);
      out.ids.push(...ids);
      maxTitleTokens = Math.max(maxTitleTokens, key.split(' ').length);
    }
    this.stats.distinctKeys = out.keys.length;
    this.stats.abbreviations = abbreviations.length;
    return {
      occupations: this.occupations,
      keys: out.keys,
      counts: out.counts,
      ids: out.ids,
      maxTitleTokens,
      abbreviations: abbreviations.map(({ short, long }) => [short, long, short.length <= 4 ? 1 : 0]),
      stats: this.stats,
    };
  }

  /**
   * Links each ESCO occupation to the O*NET occupations whose titles it shares, weighting a shared title by
   * how few O*NET occupations it names and doubling the ESCO preferred label. Links go both ways.
   */
  private linkEscoToOnet(): Map<number, number[]> {
    const titlesOf = new Map<number, string[]>();
    for (const [key, set] of this.direct) {
      for (const o of set) {
        if (this.occupations[o]?.source !== 'esco') continue;
        const list = titlesOf.get(o) ?? [];
        list.push(key);
        titlesOf.set(o, list);
      }
    }
    const links = new Map<number, Set<number>>();
    const link = (a: number, b: number) => {
      const set = links.get(a) ?? new Set<number>();
      set.add(b);
      links.set(a, set);
    };
    for (const [esco, keys] of [...titlesOf].sort((a, b) => a[0] - b[0])) {
      const scores = new Map<number, number>();
      for (const key of keys) {
        const onet = [...(this.direct.get(key) ?? [])].filter((o) => this.occupations[o]?.source === 'onet');
        if (onet.length === 0 || onet.length > 3) continue;
        const weight = (this.preferredKeys.get(esco) === key ? 2 : 1) / onet.length;
        for (const o of onet) scores.set(o, (scores.get(o) ?? 0) + weight);
      }
      const ranked = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const top = ranked[0]?.[1] ?? 0;
      const best = ranked
        .filter(([, score]) => score >= MIN_LINK_SCORE && score >= top * 0.75)
        .slice(0, MAX_LINKS);
      if (best.length > 0) this.stats.linkedEscoOccupations += 1;
      for (const [onet] of best) {
        link(esco, onet);
        link(onet, esco);
      }
    }
    const result = new Map<number, number[]>();
    for (const [o, set] of links)
      result.set(
        o,
        [...set].sort((a, b) => a - b),
      );
    return result;
  }
}
