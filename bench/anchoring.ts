// Re-anchoring on a generated edit corpus (issue 3): documents with annotations whose true
// place is tracked through typo fixes and inserted, deleted and moved paragraphs, at 1 %,
// 5 % and 20 % character churn. Marginalia's anchoring and the published
// dom-anchor-text-quote package anchor the same selectors in the same run.
// Annotations that text was inserted into, or that were partly deleted or moved, are left
// out (no single place is right) and counted. An annotation is correct when it lands within 2 characters of its true span (or is
// orphaned when its text was deleted), wrong-place when it lands anywhere else, and an
// orphan when its text still exists but it was not found.
import { toTextPosition } from 'dom-anchor-text-quote';
import { anchor } from '../src/shared/anchoring';
import { positionSelectorFor, quoteSelectorFor } from '../src/shared/selectors';
import { round, seededRandom } from './support';

const DOCUMENTS = 40;
const PARAGRAPHS = 30;
const ANNOTATIONS_PER_DOCUMENT = 50;
const CHURNS = [0.01, 0.05, 0.2];
const TOLERANCE = 2;

interface Tracked {
  start: number;
  end: number;
  gone: boolean;
  /**
   * Text was inserted inside it, or part of it was deleted or moved away: no single place
   * is right (the remainder, or an orphan), so it is left out of the scores and counted.
   */
  split: boolean;
}

function vocabulary(random: () => number): string[] {
  const syllables = [
    'ka',
    'lo',
    'mi',
    're',
    'sa',
    'tu',
    'ven',
    'dor',
    'al',
    'is',
    'qu',
    'bra',
    'tha',
    'ne',
    'gi',
    'po',
    'ul',
    'tem',
    'ros',
    'ci',
  ];
  return Array.from({ length: 3000 }, () =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(
      '',
    ),
  );
}

function paragraph(random: () => number, words: string[]): string {
  const count = 40 + Math.floor(random() * 60);
  // Zipf-like: common words often, rare words rarely.
  const parts = Array.from({ length: count }, () => words[Math.floor(words.length * random() ** 2.5)]!);
  return `${parts.join(' ')}.`;
}

function paragraphBounds(text: string): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n\n', start);
    if (end === -1) {
      bounds.push([start, text.length]);
      return bounds;
    }
    bounds.push([start, end + 2]);
    start = end + 2;
  }
}

/** Applies random edits until `churn` of the characters changed; tracks where each annotation's text went. */
function edit(text: string, tracked: Tracked[], churn: number, random: () => number, words: string[]): string {
  let changed = 0;
  const budget = churn * text.length;
  const shift = (from: number, delta: number) => {
    for (const item of tracked) {
      if (item.gone) continue;
      if (item.start >= from) item.start += delta;
      if (item.end > from || (item.end === from && delta < 0)) item.end += delta;
    }
  };
  while (changed < budget) {
    const operation = random();
    const bounds = paragraphBounds(text);
    if (operation < 0.55) {
      // A typo fixed: one or two characters replaced in place.
      const at = Math.floor(random() * (text.length - 2));
      if (/\s/.test(text.slice(at, at + 2))) continue;
      const replacement = random() < 0.5 ? 'x' : 'qz';
      const removed = replacement.length === 1 ? 1 : 2;
      text = text.slice(0, at) + replacement + text.slice(at + removed);
      changed += removed;
    } else if (operation < 0.7) {
      const [at] = bounds[Math.floor(random() * bounds.length)]!;
      const inserted = `${paragraph(random, words)}\n\n`;
      for (const item of tracked) if (!item.gone && item.start < at && item.end > at) item.split = true;
      text = text.slice(0, at) + inserted + text.slice(at);
      shift(at, inserted.length);
      changed += inserted.length;
    } else if (operation < 0.85) {
      if (bounds.length < 5) continue;
      const [from, to] = bounds[Math.floor(random() * bounds.length)]!;
      for (const item of tracked) {
        if (item.gone || item.start >= to || item.end <= from) continue;
        if (item.start >= from && item.end <= to) item.gone = true;
        else item.split = true;
      }
      text = text.slice(0, from) + text.slice(to);
      shift(to, -(to - from));
      changed += to - from;
    } else {
      if (bounds.length < 5) continue;
      const [from, to] = bounds[Math.floor(random() * bounds.length)]!;
      const moved = text.slice(from, to);
      const inside = tracked.filter((item) => !item.gone && item.start >= from && item.end <= to);
      for (const item of tracked)
        if (!item.gone && !inside.includes(item) && item.start < to && item.end > from) item.split = true;
      for (const item of inside) item.gone = true; // set aside while the rest shifts
      let rest = text.slice(0, from) + text.slice(to);
      shift(to, -(to - from));
      const restBounds = paragraphBounds(rest);
      const [target] = restBounds[Math.floor(random() * restBounds.length)]!;
      for (const item of tracked) if (!item.gone && item.start < target && item.end > target) item.split = true;
      rest = rest.slice(0, target) + moved + rest.slice(target);
      shift(target, moved.length);
      for (const item of inside) {
        item.start = item.start - from + target;
        item.end = item.end - from + target;
        item.gone = false;
      }
      text = rest;
      changed += moved.length;
    }
  }
  return text;
}

interface Score {
  split: number;
  correct: number;
  wrongPlace: number;
  orphaned: number;
  total: number;
  present: number;
  ms: number;
}

function judge(score: Score, truth: Tracked, found: { start: number; end: number } | null): void {
  if (truth.split) {
    score.split += 1;
    return;
  }
  score.total += 1;
  if (!truth.gone) score.present += 1;
  if (!found) {
    if (truth.gone) score.correct += 1;
    else score.orphaned += 1;
    return;
  }
  if (!truth.gone && Math.abs(found.start - truth.start) <= TOLERANCE && Math.abs(found.end - truth.end) <= TOLERANCE)
    score.correct += 1;
  else score.wrongPlace += 1;
}

function summary(score: Score) {
  return {
    correctPercent: round((100 * score.correct) / score.total, 2),
    wrongPlacePercent: round((100 * score.wrongPlace) / score.total, 2),
    orphanedPercentOfPresent: round((100 * score.orphaned) / Math.max(1, score.present), 2),
    ms: round(score.ms),
  };
}

export async function runAnchoringBenchmark(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const churn of CHURNS) {
    const random = seededRandom(Math.round(churn * 1000) + 5);
    const words = vocabulary(random);
    const ours: Score = { split: 0, correct: 0, wrongPlace: 0, orphaned: 0, total: 0, present: 0, ms: 0 };
    const theirs: Score = { split: 0, correct: 0, wrongPlace: 0, orphaned: 0, total: 0, present: 0, ms: 0 };
    let deleted = 0;
    for (let doc = 0; doc < DOCUMENTS; doc += 1) {
      const original = Array.from({ length: PARAGRAPHS }, () => paragraph(random, words)).join('\n\n');
      const annotations = Array.from({ length: ANNOTATIONS_PER_DOCUMENT }, () => {
        let start = Math.floor(random() * (original.length - 130));
        while (start > 0 && original[start - 1] !== ' ') start -= 1;
        const end = start + 8 + Math.floor(random() * 112);
        return { quote: quoteSelectorFor(original, start, end), position: positionSelectorFor(start, end) };
      });
      const tracked: Tracked[] = annotations.map(({ position }) => ({
        start: position.start,
        end: position.end,
        gone: false,
        split: false,
      }));
      const edited = edit(original, tracked, churn, random, words);
      deleted += tracked.filter((item) => item.gone).length;
      let started = performance.now();
      annotations.forEach(({ quote, position }, index) => {
        const result = anchor(edited, quote, position);
        judge(ours, tracked[index]!, result.status === 'orphan' ? null : result);
      });
      ours.ms += performance.now() - started;
      const root = { textContent: edited } as unknown as Node;
      started = performance.now();
      annotations.forEach(({ quote, position }, index) => {
        const result = toTextPosition(
          root,
          { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
          { hint: position.start },
        );
        judge(theirs, tracked[index]!, result ?? null);
      });
      theirs.ms += performance.now() - started;
    }
    results[`churn ${churn * 100}%`] = {
      annotations: ours.total + ours.split,
      splitOrPartlyDeletedLeftOut: ours.split,
      textDeleted: deleted,
      marginalia: summary(ours),
      domAnchorTextQuote: summary(theirs),
    };
  }
  return {
    corpus: {
      documents: DOCUMENTS,
      paragraphsEach: PARAGRAPHS,
      annotationsEach: ANNOTATIONS_PER_DOCUMENT,
      tolerance: TOLERANCE,
    },
    targets: { correctAtOrBelow5PercentChurn: 99, wrongPlaceAnyChurnAtMost: 0.5 },
    results,
  };
}
