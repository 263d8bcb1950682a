// The evidence rules (issue 17) at scale: 2,000 claims with 20,000 evidence links and
// 5,000 repeats links, every status recomputed after one change; an ACH matrix of 20
// hypotheses × 500 rows, scores recomputed after one rating. Beside each, in the same run:
// every status computed afresh (what the index saves), and the least a recompute can do
// (a pass that reads every input once and computes nothing). The index is checked against
// the fresh computation after every change.
import { loadavg } from 'node:os';
import { ADMIRALTY_SCHEME, ACH_RATINGS, RELEVANCE_LEVELS } from '../src/shared/evidence';
import type { ClaimEvidence } from '../src/shared/evidence';
import { ClaimStatusIndex, claimStatuses, scoreAnalysis } from '../src/shared/evidence-rules';
import type { AchScoringInput, ClaimGraph, RepeatLink } from '../src/shared/evidence-rules';
import { runAchRenderBenchmark } from './ach-render';
import { runEvidenceCoreBenchmark } from './evidence-core';
import { median, percentile, round, seededRandom } from './support';

const CLAIMS = 2_000;
const EVIDENCE_LINKS = 20_000;
const REPEAT_LINKS = 5_000;
const ANNOTATIONS = 30_000;
const DOCUMENTS = 1_500;
const SOURCES = 400;
const CHANGES = 60;
const HYPOTHESES = 20;
const ROWS = 500;
const RATINGS = 300;
const CREDIBILITY = ['', '1', '2', '3', '4', '5', '6'];

type Pick = <T>(list: readonly T[]) => T;

interface Library {
  claims: Array<{ id: string; evidence: ClaimEvidence[] }>;
  sourcesOf: Map<string, string[]>;
  credibility: Map<string, string>;
  repeats: RepeatLink[];
}

/** Annotations in documents; one in four names its own source, the others take their document's. */
function library(random: () => number, pick: Pick): Library {
  const sourcesOf = new Map<string, string[]>();
  const credibility = new Map<string, string>();
  const documentSources = Array.from({ length: DOCUMENTS }, () => [`source-${Math.floor(random() * SOURCES)}`]);
  for (let index = 0; index < ANNOTATIONS; index += 1) {
    const own = random() < 0.25 ? [`source-${Math.floor(random() * SOURCES)}`] : undefined;
    sourcesOf.set(`a-${index}`, own ?? documentSources[index % DOCUMENTS]!);
    credibility.set(`a-${index}`, pick(CREDIBILITY));
  }
  const annotation = (): string => `a-${Math.floor(random() * ANNOTATIONS)}`;
  const claims = Array.from({ length: CLAIMS }, (_, index) => ({
    id: `claim-${index}`,
    evidence: [] as ClaimEvidence[],
  }));
  // Claims have from one piece to dozens (a few well-documented, most thin), mostly supporting.
  for (let link = 0; link < EVIDENCE_LINKS; link += 1) {
    const stance = random() < 0.6 ? 'supports' : random() < 0.6 ? 'context' : 'contradicts';
    const claim = link < CLAIMS ? link : Math.floor(random() ** 3 * CLAIMS);
    claims[claim]!.evidence.push({ annotationId: annotation(), stance });
  }
  const repeats = Array.from({ length: REPEAT_LINKS }, () => ({ fromId: annotation(), toId: annotation() }));
  return { claims, sourcesOf, credibility, repeats };
}

function graphOf(lib: Library): ClaimGraph {
  return {
    claims: lib.claims,
    sourcesOf: (id) => lib.sourcesOf.get(id) ?? [],
    credibilityOf: (id) => lib.credibility.get(id) ?? '',
    repeats: lib.repeats,
    scheme: ADMIRALTY_SCHEME,
  };
}

/**
 * One change of the kinds an analyst makes, applied to the library in place and told to
 * the index: a repeats link, a piece of evidence added to a claim, a credibility graded,
 * a document's default sources changed (its 20 annotations).
 */
function change(lib: Library, index: ClaimStatusIndex, random: () => number, pick: Pick, round: number): () => void {
  const annotation = `a-${Math.floor(random() * ANNOTATIONS)}`;
  switch (round % 4) {
    case 0: {
      const link = { fromId: annotation, toId: pick(lib.claims).evidence[0]!.annotationId };
      lib.repeats.push(link);
      return () => index.addRepeat(link);
    }
    case 1: {
      const claim = pick(lib.claims);
      claim.evidence = [...claim.evidence, { annotationId: annotation, stance: 'supports' }];
      return () => index.setClaim(claim.id, claim.evidence);
    }
    case 2:
      lib.credibility.set(annotation, pick(CREDIBILITY));
      return () => index.annotationsChanged([annotation]);
    default: {
      const document = Math.floor(random() * DOCUMENTS);
      const ids = Array.from({ length: ANNOTATIONS / DOCUMENTS }, (_, at) => `a-${document + at * DOCUMENTS}`);
      const source = [`source-${Math.floor(random() * SOURCES)}`];
      for (const id of ids) lib.sourcesOf.set(id, source);
      return () => index.annotationsChanged(ids);
    }
  }
}

/** The least a recompute can do: read every piece's sources and credibility and every link once. */
function floorPass(graph: ClaimGraph): number {
  let touched = 0;
  for (const claim of graph.claims) {
    for (const piece of claim.evidence)
      touched += graph.sourcesOf(piece.annotationId).length + graph.credibilityOf(piece.annotationId).length;
  }
  for (const link of graph.repeats) touched += link.fromId.length;
  return touched;
}

/** Wall time, and the process's CPU time (which leaves out the time other processes had the core). */
const cpu: number[] = [];
function time(run: () => unknown): number {
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  run();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpuStarted);
  cpu.push((used.user + used.system) / 1000);
  return wall;
}

/** Median and p95 of the wall times, and of the CPU times of the same runs. */
function stats(wall: readonly number[], cpuTimes: readonly number[]): Record<string, number> {
  return {
    median: round(median(wall), 3),
    p95: round(percentile(wall, 95), 3),
    cpuMedian: round(median(cpuTimes), 3),
    cpuP95: round(percentile(cpuTimes, 95), 3),
  };
}

/** Times `run` and files its wall and CPU times under `into`. */
function timed(into: { wall: number[]; cpu: number[] }, run: () => unknown): void {
  into.wall.push(time(run));
  into.cpu.push(cpu.pop()!);
}

const series = (): { wall: number[]; cpu: number[] } => ({ wall: [], cpu: [] });

function claimsSection(): Record<string, unknown> {
  const random = seededRandom(17);
  const pick: Pick = (list) => list[Math.floor(random() * list.length)]!;
  const lib = library(random, pick);
  for (let warm = 0; warm < 5; warm += 1) claimStatuses(graphOf(lib));
  const index = new ClaimStatusIndex(graphOf(lib));
  const incremental = series();
  const recompute = series();
  const floor = series();
  let recomputed = 0;
  for (let round = 0; round < CHANGES; round += 1) {
    const tell = change(lib, index, random, pick, round);
    const graph = graphOf(lib);
    timed(floor, () => floorPass(graph));
    timed(incremental, tell);
    let fresh: ReturnType<typeof claimStatuses> | undefined;
    timed(recompute, () => (fresh = claimStatuses(graph)));
    for (const [id, outcome] of fresh!) {
      const kept = index.outcomes.get(id)!;
      if (kept.status !== outcome.status || kept.independentSupport !== outcome.independentSupport)
        throw new Error(`index differs on ${id}`);
    }
    recomputed += 1;
  }
  const counts: Record<string, number> = {};
  for (const outcome of index.outcomes.values()) counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
  return {
    claims: CLAIMS,
    evidenceLinks: EVIDENCE_LINKS,
    repeatLinks: REPEAT_LINKS,
    annotations: ANNOTATIONS,
    changes: recomputed,
    statuses: counts,
    indexAfterOneChangeMilliseconds: { ...stats(incremental.wall, incremental.cpu), targetP95: 50 },
    recomputeAllMilliseconds: stats(recompute.wall, recompute.cpu),
    floorPassMilliseconds: stats(floor.wall, floor.cpu),
    recomputeAllToFloor: round(median(recompute.wall) / median(floor.wall), 1),
    recomputeAllToIndex: round(median(recompute.wall) / median(incremental.wall), 1),
  };
}

/**
 * The worst shapes found for the walk, at the same sizes: all 5,000 repeats links in two
 * chains of 2,500, every claim with one supporting piece near the head of each chain and 8
 * others (independent: both chains are walked to the end for every claim); and one chain of
 * 5,000 on which each claim's 10 pieces sit in a row (they meet at once and the walk stops).
 */
function worstCaseSection(): Record<string, unknown> {
  const chain = (name: string, length: number): RepeatLink[] =>
    Array.from({ length }, (_, at) => ({ fromId: `${name}-${at}`, toId: `${name}-${at + 1}` }));
  const claimsOn = (piece: (claim: number, at: number) => string): ClaimGraph['claims'] =>
    Array.from({ length: CLAIMS }, (_, claim) => ({
      id: `claim-${claim}`,
      evidence: Array.from({ length: EVIDENCE_LINKS / CLAIMS }, (_, at) => ({
        annotationId: piece(claim, at),
        stance: 'supports' as const,
      })),
    }));
  const graph = (claims: ClaimGraph['claims'], repeats: RepeatLink[]): ClaimGraph => ({
    claims,
    sourcesOf: (id) => [`source-of-${id}`],
    credibilityOf: () => '',
    repeats,
    scheme: ADMIRALTY_SCHEME,
  });
  const twoChains = graph(
    claimsOn((claim, at) => (at === 0 ? `x-${claim % 100}` : at === 1 ? `y-${claim % 100}` : `z-${claim}-${at}`)),
    [...chain('x', REPEAT_LINKS / 2), ...chain('y', REPEAT_LINKS / 2)],
  );
  const oneChain = graph(
    claimsOn((claim, at) => `x-${(claim * 10 + at) % REPEAT_LINKS}`),
    chain('x', REPEAT_LINKS),
  );
  const two = series();
  const one = series();
  timed(two, () => claimStatuses(twoChains));
  timed(one, () => claimStatuses(oneChain));
  return { twoLongChainsRecomputeAll: stats(two.wall, two.cpu), oneLongChainRecomputeAll: stats(one.wall, one.cpu) };
}

function matrix(random: () => number): AchScoringInput {
  const hypothesisIds = Array.from({ length: HYPOTHESES }, (_, index) => `h-${index}`);
  const rows = Array.from({ length: ROWS }, (_, index) => ({
    id: `r-${index}`,
    relevance: RELEVANCE_LEVELS[Math.floor(random() * RELEVANCE_LEVELS.length)]!,
    credibility: CREDIBILITY[Math.floor(random() * CREDIBILITY.length)]!,
  }));
  const ratings = rows.flatMap((row) =>
    hypothesisIds.map((hypothesisId) => ({
      rowId: row.id,
      hypothesisId,
      rating: ACH_RATINGS[Math.floor(random() * ACH_RATINGS.length)]!,
    })),
  );
  return { hypothesisIds, rows, ratings, scheme: ADMIRALTY_SCHEME };
}

/** The least scoring can do: one pass adding every rating's value into its hypothesis's total. */
function floorScore(input: AchScoringInput): number {
  const totals = new Map<string, number>();
  for (const cell of input.ratings)
    totals.set(
      cell.hypothesisId,
      (totals.get(cell.hypothesisId) ?? 0) + (cell.rating === 'I' ? 1 : cell.rating === 'II' ? 2 : 0),
    );
  return totals.size;
}

function achSection(): Record<string, unknown> {
  const random = seededRandom(23);
  const input = matrix(random);
  for (let warm = 0; warm < 20; warm += 1) scoreAnalysis(input);
  const score = series();
  const floor = series();
  let sensitive = 0;
  for (let round = 0; round < RATINGS; round += 1) {
    const index = Math.floor(random() * input.ratings.length);
    input.ratings[index] = {
      ...input.ratings[index]!,
      rating: ACH_RATINGS[Math.floor(random() * ACH_RATINGS.length)]!,
    };
    timed(floor, () => floorScore(input));
    timed(score, () => (sensitive = scoreAnalysis(input).sensitiveRows.length));
  }
  return {
    hypotheses: HYPOTHESES,
    rows: ROWS,
    ratingsChanged: RATINGS,
    sensitiveRowsAtEnd: sensitive,
    scoreMilliseconds: { ...stats(score.wall, score.cpu), frameBudgetP95: 16 },
    floorPassMilliseconds: stats(floor.wall, floor.cpu),
    ratioToFloor: round(median(score.wall) / median(floor.wall), 1),
  };
}

export async function runEvidenceBenchmark(): Promise<Record<string, unknown>> {
  return {
    loadAverage: round(loadavg()[0]!, 1),
    claims: claimsSection(),
    // The same sizes through the core on real SQLite: listClaims after one change (bench/evidence-core.ts).
    core: await runEvidenceCoreBenchmark(),
    worstCase: worstCaseSection(),
    ach: achSection(),
    // The same matrix re-rendered in Chromium after one rating (bench/ach-render.ts).
    achRender: await runAchRenderBenchmark(),
  };
}
