import type { Concept } from './types.ts';

/** At most this many related concepts are returned. */
export const MAX_RELATED = 30;
/** Groups with more members than this are too broad to mean anything ("advise others"). */
export const MAX_RELATED_GROUP_SIZE = 150;
/** A broad group (more members than this) only tops up an answer that has fewer than MIN_RELATED entries. */
export const BROAD_GROUP_SIZE = 50;
export const MIN_RELATED = 10;

/**
 * `related(id)`: concepts sharing a group with `id`, smallest (most specific) groups first, bounded.
 * Group membership is indexed on first use and each answer is memoised.
 */
export function createRelated(
  concepts: readonly Concept[],
  groupCount: number,
): (id: number) => readonly number[] {
  let members: number[][] | undefined;
  const cache = new Map<number, readonly number[]>();
  const index = (): number[][] => {
    const lists: number[][] = Array.from({ length: groupCount }, () => []);
    for (const c of concepts) for (const g of c.groups) lists[g]?.push(c.id);
    return lists;
  };
  return (id) => {
    const cached = cache.get(id);
    if (cached !== undefined) return cached;
    members ??= index();
    const byGroup = members;
    const groups = (concepts[id]?.groups ?? [])
      .map((g) => byGroup[g] ?? [])
      .filter((list) => list.length > 1 && list.length <= MAX_RELATED_GROUP_SIZE)
      .sort((a, b) => a.length - b.length);
    const result: number[] = [];
    const seen = new Set<number>([id]);
    for (const list of groups) {
      if (list.length > BROAD_GROUP_SIZE && result.length >= MIN_RELATED) break;
      for (const other of list) {
        if (result.length >= MAX_RELATED) break;
        if (seen.has(other)) continue;
        seen.add(other);
        result.push(other);
      }
    }
    cache.set(id, result);
    return result;
  };
}
