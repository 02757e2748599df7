/** 1-based ranks in ascending order; tied values share the mean of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && order[end]?.value === order[start]?.value) end++;
    // Positions start..end-1 hold one tie group; 1-based ranks start+1..end average to (start+end+1)/2.
    const shared = (start + end + 1) / 2;
    for (let i = start; i < end; i++) {
      const item = order[i];
      if (item) ranks[item.index] = shared;
    }
    start = end;
  }
  return ranks;
}
