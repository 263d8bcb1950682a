// How a grade reads on a card and in the evidence views: the compact code ("B2"), the name a
// screen reader says ("Grade B2: Usually reliable, Probably true") and the meaning on hover.
import type { AnnotationGrade, EvidenceSource, GradeLevel, GradingScheme, LinkView } from '../../../shared/evidence';

export function levelOf(levels: readonly GradeLevel[], code: string): GradeLevel | undefined {
  return code === '' ? undefined : levels.find((level) => level.code === code);
}

/** The best reliability among sources, in the scheme's order; '' when none is graded by the scheme. */
export function bestReliability(scheme: GradingScheme, reliabilities: readonly string[]): string {
  let best = -1;
  for (const code of reliabilities) {
    const rank = scheme.reliability.findIndex((level) => level.code === code);
    if (rank >= 0 && (best < 0 || rank < best)) best = rank;
  }
  return best < 0 ? '' : scheme.reliability[best]!.code;
}

export interface GradeText {
  /** "B2", "B" or "2". */
  code: string;
  /** "Grade B2: Usually reliable, Probably true". */
  name: string;
  /** The meaning in full, for the tooltip. */
  meaning: string;
}

/** The grade of a reliability and a credibility code of the scheme; null when neither is graded. */
export function gradeText(scheme: GradingScheme, reliability: string, credibility: string): GradeText | null {
  const source = levelOf(scheme.reliability, reliability);
  const information = levelOf(scheme.credibility, credibility);
  if (!source && !information) return null;
  const code = `${source?.code ?? ''}${information?.code ?? ''}`;
  const labels = [source?.label, information?.label].filter(Boolean).join(', ');
  const meaning = [
    source ? `Source ${source.code}, ${source.label}: ${source.description}` : 'Source not graded.',
    information
      ? `Information ${information.code}, ${information.label}: ${information.description}`
      : 'Credibility not graded.',
  ].join('\n');
  return { code, name: `Grade ${code}: ${labels}`, meaning };
}

/** The sources that speak for an annotation: its own, else its document's defaults. */
export function sourcesOf(
  grade: AnnotationGrade | undefined,
  documentSourceIds: readonly string[],
  sources: readonly EvidenceSource[],
): EvidenceSource[] {
  const ids = grade && grade.sourceIds.length > 0 ? grade.sourceIds : documentSourceIds;
  return ids.flatMap((id) => sources.filter((source) => source.id === id));
}

/** An annotation's grade as its card shows it: its sources' best reliability and its own credibility. */
export function annotationGradeText(
  scheme: GradingScheme,
  grade: AnnotationGrade | undefined,
  documentSourceIds: readonly string[],
  sources: readonly EvidenceSource[],
): GradeText | null {
  const spoken = sourcesOf(grade, documentSourceIds, sources);
  const text = gradeText(
    scheme,
    bestReliability(
      scheme,
      spoken.map((source) => source.reliability),
    ),
    grade?.credibility ?? '',
  );
  if (!text || spoken.length === 0) return text;
  return { ...text, meaning: `${text.meaning}\nSources: ${spoken.map((source) => source.name).join('; ')}` };
}

/** How a link reads from this end: "repeats" going out, "repeated by" coming in. */
const INCOMING: Record<LinkView['kind'], string> = {
  supports: 'supported by',
  contradicts: 'contradicted by',
  'same-event': 'same event as',
  cites: 'cited by',
  repeats: 'repeated by',
};

const OUTGOING: Record<LinkView['kind'], string> = {
  supports: 'supports',
  contradicts: 'contradicts',
  'same-event': 'same event as',
  cites: 'cites',
  repeats: 'repeats',
};

export function linkPhrase(link: Pick<LinkView, 'kind' | 'direction'>): string {
  return (link.direction === 'outgoing' ? OUTGOING : INCOMING)[link.kind];
}

/** The name of the button that follows a link: "repeats “Residents said…”". */
export function linkButtonName(link: LinkView): string {
  return `${linkPhrase(link)} “${link.other.quote}”`;
}

/** The kinds as a person picks them, "same event" with a space. */
export const LINK_KIND_LABELS: Record<LinkView['kind'], string> = {
  supports: 'supports',
  contradicts: 'contradicts',
  'same-event': 'same event',
  cites: 'cites',
  repeats: 'repeats',
};
