// The grading scheme, sources (who said it, how reliable they are), documents' default
// sources and annotations' grades. Every change goes through EvidenceContext.change.
import { randomUUID } from 'node:crypto';
import type { ChangeSource } from '../../shared/change-source';
import type {
  AnnotationGrade,
  DeleteSourceResult,
  EvidenceSource,
  GradeLevel,
  GradingScheme,
  SourceUses,
} from '../../shared/evidence';
import { DELETE_ANYWAY, sourceInUseMessage } from '../../shared/evidence';
import type { SaveSourceRequest } from '../../shared/evidence-contract';
import { schemeCode } from '../../shared/evidence-rules';
import { UserFacingError } from '../../shared/result';
import type { EvidenceContext } from './context';
import type { GradingRepository, SourceRow } from './grading-repository';
import { toSource } from './grading-repository';

/**
 * The scheme's spelling of a code ('' clears), in whatever case it was typed where that is
 * unambiguous; refuses a code the scale does not have, naming the ones it does.
 */
export function checkCode(code: string, levels: readonly GradeLevel[], what: string, scheme: string): string {
  const spelled = code === '' ? '' : schemeCode(code, levels);
  if (spelled !== undefined) return spelled;
  throw new UserFacingError(
    'INVALID_INPUT',
    `“${code}” is not a ${what} of the ${scheme} scheme; use one of ${levels.map((level) => level.code).join(', ')} (or nothing to clear it).`,
  );
}

function checkScale(levels: readonly GradeLevel[], what: string): void {
  const seen = new Set<string>();
  for (const level of levels) {
    if (seen.has(level.code))
      throw new UserFacingError('INVALID_INPUT', `The ${what} scale has the code “${level.code}” twice.`);
    seen.add(level.code);
  }
}

export class GradingService {
  constructor(
    private readonly context: EvidenceContext,
    readonly repository: GradingRepository,
  ) {}

  scheme(): GradingScheme {
    return this.repository.scheme();
  }

  saveScheme(scheme: GradingScheme, source: ChangeSource = 'local'): GradingScheme {
    checkScale(scheme.reliability, 'reliability');
    checkScale(scheme.credibility, 'credibility');
    return this.context.change(['scheme'], source, () => {
      this.repository.saveScheme(scheme, this.context.author().authorId, this.context.now());
      return { result: this.repository.scheme() };
    });
  }

  listSources(): EvidenceSource[] {
    return this.repository.sources();
  }

  requireSource(id: string): SourceRow {
    const row = this.repository.source(id);
    if (!row) throw new UserFacingError('NOT_FOUND', `No source with id ${id} exists.`);
    return row;
  }

  saveSource(input: SaveSourceRequest, source: ChangeSource = 'local'): EvidenceSource {
    const current = input.id === undefined ? undefined : this.requireSource(input.id);
    if (current) this.assertOwnSource(current, source);
    const name = input.name.replace(/\s+/g, ' ').trim();
    const namesake = this.repository.sourceNamed(name);
    if (namesake && namesake.id !== current?.id)
      throw new UserFacingError(
        'INVALID_INPUT',
        `A source named “${namesake.name}” already exists (id ${namesake.id}).`,
      );
    const scheme = this.repository.scheme();
    const reliability = checkCode(
      input.reliability ?? current?.reliability ?? '',
      scheme.reliability,
      'reliability',
      scheme.name,
    );
    return this.context.change(['sources'], source, () => {
      const now = this.context.now();
      const row: SourceRow = {
        id: current?.id ?? randomUUID(),
        name,
        kind: input.kind ?? current?.kind ?? 'other',
        reliability,
        reliability_reason: input.reliabilityReason ?? current?.reliability_reason ?? '',
        notes: input.notes ?? current?.notes ?? '',
        author_id: current?.author_id ?? this.context.author().authorId,
        created_at: current?.created_at ?? now,
        updated_at: now,
      };
      this.repository.upsertSource(row);
      return { result: toSource(row), touched: { sources: [row.id] } };
    });
  }

  /** Someone else's source is theirs to change: I add my own. */
  private assertOwnSource(row: SourceRow, source: ChangeSource): void {
    const instead = 'Add a source of your own instead, under another name.';
    this.context.assertOwn({ noun: 'source', authorId: row.author_id, instead }, source);
  }

  /** How many annotation grades and documents name the source. */
  sourceUses(id: string): SourceUses {
    const [grades, documents] = this.context.db
      .prepare<[string, string], [number, number]>(
        `SELECT (SELECT count(*) FROM annotation_grade_sources WHERE source_id = ?),
                (SELECT count(*) FROM document_sources WHERE source_id = ?)`,
      )
      .raw()
      .get(id, id)!;
    return { grades, documents };
  }

  /**
   * Deletes a source. One that grades or documents still name is refused unless `force`:
   * deleting it silently re-grades their passages (their reliability falls back to another
   * source, or to none). The answer says what it was taken off.
   */
  deleteSource(id: string, force = false, source: ChangeSource = 'local'): DeleteSourceResult {
    const row = this.requireSource(id);
    this.assertOwnSource(row, source);
    const uses = this.sourceUses(id);
    if (!force && uses.grades + uses.documents > 0)
      throw new UserFacingError('IN_USE', `${sourceInUseMessage(row.name, uses)}${DELETE_ANYWAY}`);
    return this.context.change(['sources', 'grades'], source, () => ({
      result: { deleted: true as const, uses },
      documentIds: this.repository.deleteSource(id, this.context.now()),
    }));
  }

  documentSources(documentId: string): { sourceIds: string[] } {
    this.context.requireDocument(documentId);
    return { sourceIds: this.repository.documentSources(documentId) };
  }

  setDocumentSources(documentId: string, sourceIds: readonly string[], source: ChangeSource = 'local') {
    this.context.requireDocument(documentId);
    const unique = [...new Set(sourceIds)];
    for (const id of unique) this.requireSource(id);
    return this.context.change(['sources', 'grades'], source, () => {
      this.repository.setDocumentSources(documentId, unique, this.context.author().authorId, this.context.now());
      return {
        result: { sourceIds: this.repository.documentSources(documentId) },
        documentIds: [documentId],
        touched: { documents: [documentId] },
      };
    });
  }

  listGrades(documentId: string): AnnotationGrade[] {
    this.context.requireDocument(documentId);
    return this.repository.grades(documentId);
  }

  /** Sets an annotation's own sources and/or credibility; what is not given stays as it was. */
  gradeAnnotation(
    input: { annotationId: string; sourceIds?: string[]; credibility?: string },
    source: ChangeSource = 'local',
  ): AnnotationGrade {
    const annotation = this.context.annotation(input.annotationId);
    const scheme = this.repository.scheme();
    const credibility =
      input.credibility === undefined
        ? undefined
        : checkCode(input.credibility, scheme.credibility, 'credibility', scheme.name);
    const sourceIds = input.sourceIds === undefined ? undefined : [...new Set(input.sourceIds)];
    for (const id of sourceIds ?? []) this.requireSource(id);
    const current = this.repository.grade(input.annotationId);
    if (current) {
      const instead = 'Say what you think of it in a reply or a claim instead.';
      this.context.assertOwn({ noun: 'grade', authorId: current.authorId, instead }, source);
    }
    return this.context.change(['grades'], source, () => {
      const now = this.context.now();
      const grade: AnnotationGrade = {
        annotationId: annotation.id,
        documentId: annotation.document_id,
        sourceIds: sourceIds ?? current?.sourceIds ?? [],
        credibility: credibility ?? current?.credibility ?? '',
        authorId: this.context.author().authorId,
        updatedAt: now,
      };
      this.repository.putGrade(grade, now);
      return { result: grade, documentIds: [annotation.document_id], touched: { annotations: [annotation.id] } };
    });
  }
}
