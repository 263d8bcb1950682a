// An annotation's grade and sources as the CLI lists them: its own sources, else its document's,
// the best reliability among them with its own credibility ("B2"), as a card's badge reads.
import type { AnnotationGrade, EvidenceSource, GradingScheme } from '../shared/evidence';
import { compareReliability, gradeLabel } from '../shared/evidence-rules';
import type { CliSession } from './session';

export interface GradeOfAnnotation {
  /** "B2", "B" or "2"; '' when neither its sources nor it are graded. */
  grade: string;
  sources: Array<{ id: string; name: string; reliability: string }>;
}

/** Reads what grading a document's annotations needs once, and answers per annotation. */
export async function documentGrades(
  session: CliSession,
  documentId: string,
): Promise<(annotationId: string) => GradeOfAnnotation> {
  const [grades, documentSources, sources, scheme] = await Promise.all([
    session.call('listGrades', { documentId }),
    session.call('getDocumentSources', { documentId }),
    session.call('listSources', {}),
    session.call('getGradingScheme', {}),
  ]);
  const gradeOf = new Map(grades.map((grade) => [grade.annotationId, grade]));
  const sourceOf = new Map(sources.map((source) => [source.id, source]));
  return (annotationId) =>
    gradeWith(gradeOf.get(annotationId), documentSources.sourceIds, (id) => sourceOf.get(id), scheme);
}

function gradeWith(
  grade: AnnotationGrade | undefined,
  documentSourceIds: readonly string[],
  sourceOf: (id: string) => EvidenceSource | undefined,
  scheme: GradingScheme,
): GradeOfAnnotation {
  const ids = grade && grade.sourceIds.length > 0 ? grade.sourceIds : documentSourceIds;
  const sources = ids.flatMap((id) => {
    const source = sourceOf(id);
    return source ? [{ id: source.id, name: source.name, reliability: source.reliability }] : [];
  });
  const graded = sources.map((source) => source.reliability).filter((code) => code !== '');
  const best = [...graded].sort((a, b) => compareReliability(a, b, scheme))[0] ?? '';
  return { grade: gradeLabel(best, grade?.credibility ?? ''), sources };
}

/** "  B2 · Harbour Radio (B)", or '' for an annotation neither graded nor sourced. */
export function gradeSuffix(graded: GradeOfAnnotation): string {
  if (graded.grade === '' && graded.sources.length === 0) return '';
  const names = graded.sources.map((source) => `${source.name}${source.reliability ? ` (${source.reliability})` : ''}`);
  return `  ${[graded.grade || 'ungraded', ...names].join(' · ')}`;
}
