/**
 * Keyset paging without a count: a list reads one row more than `limit`, and that extra row tells whether
 * another page follows. Gives the page and, only when another page follows, its last row (the cursor's).
 */
export function splitPage<T>(
  rows: readonly T[],
  limit: number,
): { page: T[]; lastBeforeMore: T | undefined } {
  const page = rows.slice(0, limit);
  return { page, lastBeforeMore: rows.length > limit ? page.at(-1) : undefined };
}
