// Where each annotation's information comes from, along chains of "repeats" links: the
// annotations it derives from and their sources, as small integers, remembered until a
// link or a source changes.

/** A "repeats" link: `fromId` repeats (is derived from) `toId`. */
export interface RepeatLink {
  fromId: string;
  toId: string;
}

/**
 * Why two pieces are not independent, the first way that applies: one repeats the other
 * (directly or along a chain), both repeat a common annotation, or both come from one source
 * (their own, a document's, or that of an annotation one of them repeats).
 */
export type Dependence =
  | { kind: 'repeats'; from: string; to: string }
  | { kind: 'common'; pieces: [string, string]; via: string }
  | { kind: 'source'; pieces: [string, string]; source: string };

/**
 * The repeats graph and each annotation's origins. Origins are integers: an annotation's
 * own number (≥ 0), or −(n + 1) for source number n, so two pieces share an origin exactly
 * when they share an integer. Links may be added and removed; `forget` drops what was
 * remembered for annotations whose reach or sources changed.
 */
export class OriginIndex {
  private readonly numbers = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly sourceNumbers = new Map<string, number>();
  private readonly next: number[][] = [];
  private readonly previous: number[][] = [];
  /** Walk marks: the stamp of the walk that last reached each annotation or source, and the pieces that did. */
  private readonly seen: number[] = [];
  private readonly marks: number[] = [];
  private readonly sourceSeen: number[] = [];
  private readonly sourceMarks: number[] = [];
  private stamp = 0;
  private readonly memo = new Map<number, readonly number[]>();
  private readonly sourceMemo = new Map<number, readonly number[]>();

  constructor(
    links: readonly RepeatLink[],
    private readonly sourcesOf: (annotationId: string) => readonly string[],
  ) {
    for (const link of links) this.addLink(link);
  }

  private number(id: string): number {
    let number = this.numbers.get(id);
    if (number === undefined) {
      number = this.ids.length;
      this.numbers.set(id, number);
      this.ids.push(id);
      this.next.push([]);
      this.previous.push([]);
      this.seen.push(0);
      this.marks.push(0);
    }
    return number;
  }

  private sourceNumber(source: string): number {
    let number = this.sourceNumbers.get(source);
    if (number === undefined) {
      this.sourceNumbers.set(source, (number = this.sourceNumbers.size));
      this.sourceSeen.push(0);
      this.sourceMarks.push(0);
    }
    return number;
  }

  addLink(link: RepeatLink): void {
    const from = this.number(link.fromId);
    const to = this.number(link.toId);
    this.next[from]!.push(to);
    this.previous[to]!.push(from);
  }

  /** Removes one link from → to (one of several alike, if the same link was added twice). */
  removeLink(link: RepeatLink): void {
    const from = this.numbers.get(link.fromId);
    const to = this.numbers.get(link.toId);
    if (from === undefined || to === undefined) return;
    const forward = this.next[from]!.indexOf(to);
    if (forward < 0) return;
    this.next[from]!.splice(forward, 1);
    this.previous[to]!.splice(this.previous[to]!.indexOf(from), 1);
  }

  /**
   * Every annotation reached from `id` following links one way, itself included. A visited
   * mark per walk makes a cycle end: every annotation on it reaches all the others.
   */
  private walk(start: number, edges: readonly number[][]): number[] {
    this.stamp += 1;
    this.seen[start] = this.stamp;
    const queue = [start];
    for (let at = 0; at < queue.length; at += 1) {
      for (const target of edges[queue[at]!]!) {
        if (this.seen[target] === this.stamp) continue;
        this.seen[target] = this.stamp;
        queue.push(target);
      }
    }
    return queue;
  }

  /** The annotations whose origins include `id`'s: those that repeat it, directly or along a chain, and itself. */
  dependents(id: string): string[] {
    const number = this.numbers.get(id);
    return number === undefined ? [id] : this.walk(number, this.previous).map((at) => this.ids[at]!);
  }

  /** Forgets what was remembered for these annotations (their reach or a source changed). */
  forget(ids: Iterable<string>): void {
    for (const id of ids) {
      const number = this.numbers.get(id);
      if (number === undefined) continue;
      this.memo.delete(number);
      this.sourceMemo.delete(number);
    }
  }

  /** An annotation's sources as origin integers (−(n + 1) for source number n). */
  private sourceTokens(number: number): readonly number[] {
    let tokens = this.sourceMemo.get(number);
    if (!tokens) {
      tokens = this.sourcesOf(this.ids[number]!).map((source) => -this.sourceNumber(source) - 1);
      this.sourceMemo.set(number, tokens);
    }
    return tokens;
  }

  /**
   * For up to 30 pieces: each piece's conflicts (the pieces it shares an origin with, see
   * `origins`) as a bit mask. Walks from every piece at once, marking each annotation and
   * source with the pieces that reach it; two pieces conflict where their marks meet. The
   * walk ends when nothing new is reached, or as soon as every pair is known to conflict, so a
   * claim whose pieces sit on one long chain of repeats costs the length of the chain once,
   * not once per piece.
   */
  conflictMasks(ids: readonly string[]): number[] {
    const masks = ids.map(() => 0);
    const everyone = (1 << ids.length) - 1;
    const call = (this.stamp += 1);
    let unresolved = ids.length > 1;
    // The pieces that reached each annotation (≥ 0) and source (< 0) in this call, in arrays
    // stamped with the call rather than a Map: the walk is the hot loop of a recompute.
    const meet = (had: number, fresh: number): void => {
      for (let rest = fresh; rest !== 0; rest &= rest - 1) masks[31 - Math.clz32(rest & -rest)]! |= had;
      for (let rest = had; rest !== 0; rest &= rest - 1) masks[31 - Math.clz32(rest & -rest)]! |= fresh;
      unresolved = masks.some((mask, index) => (mask | (1 << index)) !== everyone);
    };
    const mark = (marks: number[], stamps: number[], at: number, bits: number): number => {
      const had = stamps[at] === call ? marks[at]! : 0;
      const fresh = bits & ~had;
      if (fresh === 0) return 0;
      stamps[at] = call;
      marks[at] = had | fresh;
      if (had !== 0) meet(had, fresh);
      return fresh;
    };
    const nodes = ids.map((id) => this.number(id));
    const bits = ids.map((_, index) => 1 << index);
    for (let at = 0; at < nodes.length && unresolved; at += 1) {
      const fresh = mark(this.marks, this.seen, nodes[at]!, bits[at]!);
      if (fresh === 0) continue;
      for (const source of this.sourceTokens(nodes[at]!)) mark(this.sourceMarks, this.sourceSeen, -source - 1, fresh);
      for (const target of this.next[nodes[at]!]!) {
        nodes.push(target);
        bits.push(fresh);
      }
    }
    return masks;
  }

  /**
   * What a piece's information comes from: every annotation it derives from along repeats
   * links (itself included; links pass through annotations that are not evidence of the
   * claim) and the sources of each. Two pieces are independent exactly when their origins
   * are disjoint, which covers the three ways one report echoes another:
   * - the same source: both name "Libya's Channel";
   * - one repeats the other, directly or along a chain (a → x → b: a's origins hold b);
   * - circular reporting: both repeat a common third (a → c ← b), or one repeats a third
   *   whose source the other names. They are NOT independent, though neither repeats the
   *   other: what looks like two reports is one report heard twice.
   */
  origins(id: string): readonly number[] {
    const number = this.number(id);
    const known = this.memo.get(number);
    if (known) return known;
    const result: number[] = [];
    // Most annotations repeat nothing: their origins are themselves and their sources.
    const reached = this.next[number]!.length === 0 ? [number] : this.walk(number, this.next);
    for (const at of reached) {
      result.push(at);
      for (const source of this.sourcesOf(this.ids[at]!)) result.push(-this.sourceNumber(source) - 1);
    }
    this.memo.set(number, result);
    return result;
  }

  /** Why `a` and `b` share an origin (see `Dependence`), or undefined when they are independent. */
  dependence(a: string, b: string): Dependence | undefined {
    const reachedA = this.walk(this.number(a), this.next).map((at) => this.ids[at]!);
    const reachedB = this.walk(this.number(b), this.next).map((at) => this.ids[at]!);
    if (reachedA.includes(b)) return { kind: 'repeats', from: a, to: b };
    if (reachedB.includes(a)) return { kind: 'repeats', from: b, to: a };
    const via = reachedA.find((id) => reachedB.includes(id));
    if (via !== undefined) return { kind: 'common', pieces: [a, b], via };
    const sourcesB = new Set(reachedB.flatMap((id) => this.sourcesOf(id)));
    const source = reachedA.flatMap((id) => this.sourcesOf(id)).find((id) => sourcesB.has(id));
    return source === undefined ? undefined : { kind: 'source', pieces: [a, b], source };
  }
}
