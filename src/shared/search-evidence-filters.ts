// The search filters over evidence: grade:B2, reliability:<=B, credibility:<=3 and
// source:NAME. Parsed here (pure); core checks the codes against the library's scheme
// and finds the annotations they match.

export const EVIDENCE_FILTER_KEYS = ['grade', 'reliability', 'credibility', 'source'] as const;
export type EvidenceFilterKey = (typeof EVIDENCE_FILTER_KEYS)[number];

export const GRADE_COMPARISONS = ['<=', '>=', '<', '>', '='] as const;
export type GradeComparison = (typeof GRADE_COMPARISONS)[number];

/** A reliability or credibility compared with a code; "<=B" is "B or better" (schemes go from best to worst). */
export interface GradeCondition {
  op: GradeComparison;
  code: string;
}

export interface EvidenceFilters {
  /** Grade labels such as "B2"; a lone code ("B", "2") matches any grade with it. */
  grades: string[];
  reliability: GradeCondition[];
  credibility: GradeCondition[];
  /** Source names, matched whole and ignoring case. */
  sources: string[];
}

export const EVIDENCE_SEARCH_HELP: ReadonlyArray<{ example: string; meaning: string }> = [
  { example: 'grade:B2', meaning: 'annotations graded B2 (source reliability B, credibility 2)' },
  { example: 'reliability:<=B', meaning: 'annotations whose source is B or more reliable' },
  { example: 'credibility:<=3', meaning: 'annotations of credibility 3 or better' },
  { example: 'source:"Libya\'s Channel"', meaning: 'annotations from one source' },
];

export function noEvidenceFilters(): EvidenceFilters {
  return { grades: [], reliability: [], credibility: [], sources: [] };
}

export function hasEvidenceFilters(filters: EvidenceFilters): boolean {
  return filters.grades.length + filters.reliability.length + filters.credibility.length + filters.sources.length > 0;
}

export function isEvidenceFilterKey(key: string): key is EvidenceFilterKey {
  return (EVIDENCE_FILTER_KEYS as readonly string[]).includes(key);
}

function condition(value: string): GradeCondition {
  const op = GRADE_COMPARISONS.find((candidate) => value.startsWith(candidate)) ?? '=';
  return { op, code: (value.startsWith(op) ? value.slice(op.length) : value).trim() };
}

/** Adds one filter's value; returns a problem to show when the value can't be read. */
export function addEvidenceFilter(filters: EvidenceFilters, key: EvidenceFilterKey, value: string): string | undefined {
  if (key === 'grade') filters.grades.push(value);
  else if (key === 'source') filters.sources.push(value);
  else {
    const parsed = condition(value);
    if (parsed.code === '')
      return `${key}:${value} needs a code after ${parsed.op}, as in ${key}:<=${key === 'reliability' ? 'B' : '3'}.`;
    filters[key].push(parsed);
  }
  return undefined;
}

/** Whether a rank compares as the condition says (ranks from a scheme: lower is better). */
export function compareRanks(rank: number, op: GradeComparison, wanted: number): boolean {
  if (op === '<=') return rank <= wanted;
  if (op === '>=') return rank >= wanted;
  if (op === '<') return rank < wanted;
  if (op === '>') return rank > wanted;
  return rank === wanted;
}
