// How many supporting pieces are independent of one another: the largest set of pieces no
// two of which share an origin (see `OriginIndex.origins`).

/** Conflict sets: for each piece, the indexes of the others it shares an origin with. */
function conflicts(origins: readonly (readonly number[])[]): Set<number>[] {
  const holders = new Map<number, number[]>();
  origins.forEach((set, index) => {
    for (const origin of set) {
      const list = holders.get(origin);
      if (list) list.push(index);
      else holders.set(origin, [index]);
    }
  });
  const neighbours = origins.map(() => new Set<number>());
  for (const list of holders.values()) {
    if (list.length < 2) continue;
    for (const a of list) for (const b of list) if (a !== b) neighbours[a]!.add(b);
  }
  return neighbours;
}

/** Components larger than this are counted greedily (see `largestIndependentCount`). */
export const EXACT_COMPONENT_LIMIT = 30;

/** The largest number of pieces no two of which conflict, given each piece's conflicts as a bit mask (up to 30 pieces). */
export function largestIndependentCountOfMasks(masks: readonly number[]): number {
  return search((1 << masks.length) - 1, masks);
}

/**
 * The largest number of pieces no two of which share an origin (a maximum independent set
 * of the conflict graph). Exact for every group of mutually entangled pieces up to
 * EXACT_COMPONENT_LIMIT pieces (a claim has far fewer); a larger group is counted greedily
 * (the piece with fewest conflicts first), which may undercount, never overcount.
 */
export function largestIndependentCount(origins: readonly (readonly number[])[]): number {
  if (origins.length <= EXACT_COMPONENT_LIMIT) return search((1 << origins.length) - 1, conflictMasks(origins));
  const neighbours = conflicts(origins);
  let total = 0;
  for (const component of components(neighbours)) {
    total +=
      component.length <= EXACT_COMPONENT_LIMIT
        ? exactCount(component, neighbours)
        : greedyCount(component, neighbours);
  }
  return total;
}

function components(neighbours: readonly Set<number>[]): number[][] {
  const seen = new Set<number>();
  const result: number[][] = [];
  for (let start = 0; start < neighbours.length; start += 1) {
    if (seen.has(start)) continue;
    seen.add(start);
    const component = [start];
    for (let at = 0; at < component.length; at += 1) {
      for (const other of neighbours[component[at]!]!) {
        if (seen.has(other)) continue;
        seen.add(other);
        component.push(other);
      }
    }
    result.push(component);
  }
  return result;
}

/** For up to 30 pieces: each piece's conflicts as a bit mask, from who holds each origin. */
function conflictMasks(origins: readonly (readonly number[])[]): number[] {
  const holders = new Map<number, number>();
  origins.forEach((list, index) => {
    for (const origin of list) holders.set(origin, (holders.get(origin) ?? 0) | (1 << index));
  });
  const masks = origins.map(() => 0);
  for (const mask of holders.values()) {
    if ((mask & (mask - 1)) === 0) continue; // held by one piece only
    for (let rest = mask; rest !== 0; rest &= rest - 1) {
      const bit = rest & -rest;
      masks[31 - Math.clz32(bit)]! |= mask & ~bit;
    }
  }
  return masks;
}

/** Branch and bound over bit masks: a piece with at most one conflict is always taken. */
function exactCount(component: readonly number[], neighbours: readonly Set<number>[]): number {
  const bit = new Map(component.map((piece, index) => [piece, index]));
  const masks = component.map((piece) => {
    let mask = 0;
    for (const other of neighbours[piece]!) mask |= 1 << bit.get(other)!;
    return mask;
  });
  return search((1 << component.length) - 1, masks);
}

function popcount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

function search(mask: number, masks: readonly number[]): number {
  if (mask === 0) return 0;
  let branch = -1;
  let branchDegree = -1;
  for (let index = 0; index < masks.length; index += 1) {
    if ((mask & (1 << index)) === 0) continue;
    const degree = popcount(masks[index]! & mask);
    if (degree <= 1) return 1 + search(mask & ~masks[index]! & ~(1 << index), masks);
    if (degree > branchDegree) [branch, branchDegree] = [index, degree];
  }
  const taken = 1 + search(mask & ~masks[branch]! & ~(1 << branch), masks);
  const left = search(mask & ~(1 << branch), masks);
  return Math.max(taken, left);
}

function greedyCount(component: readonly number[], neighbours: readonly Set<number>[]): number {
  const open = new Set(component);
  let count = 0;
  while (open.size > 0) {
    let pick = -1;
    let pickDegree = Infinity;
    for (const piece of open) {
      let degree = 0;
      for (const other of neighbours[piece]!) if (open.has(other)) degree += 1;
      if (degree < pickDegree) [pick, pickDegree] = [piece, degree];
    }
    count += 1;
    open.delete(pick);
    for (const other of neighbours[pick]!) open.delete(other);
  }
  return count;
}
