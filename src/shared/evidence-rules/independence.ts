// Which pieces of evidence are independent of one another: origins along chains of
// "repeats" links, and the largest set of supporting pieces that share no origin.

/** A "repeats" link: `fromId` repeats (is derived from) `toId`. */
export interface RepeatLink {
  fromId: string;
  toId: string;
}

/**
 * Every annotation a piece derives from along "repeats" links, itself included. The walk
 * follows links through any annotation, evidence of the claim or not, and keeps a visited
 * set, so a cycle of repeats ends: every annotation on a cycle reaches all the others, and
 * the cycle counts as one origin. Reaches are remembered for the life of the object.
 */
export class RepeatReach {
  private readonly next = new Map<string, string[]>();
  private readonly memo = new Map<string, ReadonlySet<string>>();

  constructor(links: readonly RepeatLink[]) {
    for (const link of links) {
      const targets = this.next.get(link.fromId);
      if (targets) targets.push(link.toId);
      else this.next.set(link.fromId, [link.toId]);
    }
  }

  reach(id: string): ReadonlySet<string> {
    const known = this.memo.get(id);
    if (known) return known;
    const seen = new Set<string>([id]);
    const queue = [id];
    for (let at = 0; at < queue.length; at += 1) {
      for (const target of this.next.get(queue[at]!) ?? []) {
        if (seen.has(target)) continue;
        seen.add(target);
        queue.push(target);
      }
    }
    this.memo.set(id, seen);
    return seen;
  }
}

/**
 * What a piece's information comes from: every annotation it derives from (itself
 * included) and the sources of each. Two pieces are independent exactly when their
 * origins are disjoint. That covers the three ways a report can echo another:
 * - same source: both name "Libya's Channel";
 * - one repeats the other, directly or along a chain (a → x → b: a's origins hold b);
 * - circular reporting: both repeat a common third (a → c ← b), or a third's source
 *   (a repeats c, whose source is the one b names), even when neither repeats the other.
 *   They are NOT independent: what looks like two reports is one report heard twice.
 */
export function originsOf(
  annotationId: string,
  reach: RepeatReach,
  sourcesOf: (annotationId: string) => readonly string[],
): Set<string> {
  const origins = new Set<string>();
  for (const id of reach.reach(annotationId)) {
    origins.add(`annotation:${id}`);
    for (const source of sourcesOf(id)) origins.add(`source:${source}`);
  }
  return origins;
}

/** Conflict sets: for each piece, the indexes of the others it shares an origin with. */
function conflicts(origins: readonly ReadonlySet<string>[]): Set<number>[] {
  const holders = new Map<string, number[]>();
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

/**
 * The largest number of pieces no two of which share an origin (a maximum independent set
 * of the conflict graph). Exact for every group of mutually entangled pieces up to
 * EXACT_COMPONENT_LIMIT pieces (a claim has far fewer); a larger group is counted greedily
 * (the piece with fewest conflicts first), which may undercount, never overcount.
 */
export function largestIndependentCount(origins: readonly ReadonlySet<string>[]): number {
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
