// Which annotations the search's evidence filters match: grade:B2, reliability:<=B,
// credibility:<=3 and source:NAME, read against each annotation's sources (its own, else
// its document's) and credibility, under the library's scheme. Codes the scheme lacks and
// unknown source names are reported as problems, and then nothing matches.
import type { Database } from 'better-sqlite3';
import type { GradeLevel, GradingScheme } from '../../shared/evidence';
import { compareCredibility, compareReliability, gradeLabel, schemeCode } from '../../shared/evidence-rules';
import type { EvidenceFilters, GradeCondition } from '../../shared/search-evidence-filters';
import { compareRanks } from '../../shared/search-evidence-filters';
import { GradingRepository } from './grading-repository';

interface Candidate {
  seq: number;
  id: string;
  documentId: string;
  credibility: string;
}

const codesOf = (levels: readonly GradeLevel[]) => levels.map((level) => level.code);

/** Whether every word typed begins a word of the name, ignoring case and punctuation. */
function wordsStart(name: string, typed: string): boolean {
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const named = words(name);
  const wanted = words(typed);
  return wanted.length > 0 && wanted.every((word) => named.some((part) => part.startsWith(word)));
}

export class EvidenceSearch {
  private readonly grading: GradingRepository;

  constructor(private readonly db: Database) {
    this.grading = new GradingRepository(db);
  }

  /** The seqs of the annotations every filter matches; problems say which values could not be used. */
  match(filters: EvidenceFilters): { seqs: Set<number>; problems: string[] } {
    const scheme = this.grading.scheme();
    const problems = this.check(filters, scheme);
    const sourceIds = this.sourceIdsNamed(filters.sources, problems);
    if (problems.length > 0) return { seqs: new Set(), problems };
    const sources = this.grading.sources();
    const reliabilityOf = new Map(sources.map((source) => [source.id, source.reliability]));
    const own = this.grading.allGradeSources();
    const ofDocument = this.grading.allDocumentSources();
    const seqs = new Set<number>();
    for (const candidate of this.candidates()) {
      const ids = own.get(candidate.id) ?? ofDocument.get(candidate.documentId) ?? [];
      if (!sourceIds.every((wanted) => wanted.some((id) => ids.includes(id)))) continue;
      const reliabilities = ids.map((id) => reliabilityOf.get(id) ?? '').filter((code) => code !== '');
      const reliability = reliabilities.sort((a, b) => compareReliability(a, b, scheme))[0] ?? '';
      if (matches(filters, scheme, reliability, candidate.credibility)) seqs.add(candidate.seq);
    }
    return { seqs, problems };
  }

  /** The grade of each of these annotations that has one (its sources' best reliability, its own credibility). */
  gradesOf(annotationIds: readonly string[]): Map<string, { reliability: string; credibility: string }> {
    const wanted = new Set(annotationIds);
    const graded = new Map<string, { reliability: string; credibility: string }>();
    if (wanted.size === 0) return graded;
    const scheme = this.grading.scheme();
    const reliabilityOf = new Map(this.grading.sources().map((source) => [source.id, source.reliability]));
    const own = this.grading.allGradeSources();
    const ofDocument = this.grading.allDocumentSources();
    for (const candidate of this.candidates()) {
      if (!wanted.has(candidate.id)) continue;
      const ids = own.get(candidate.id) ?? ofDocument.get(candidate.documentId) ?? [];
      const reliabilities = ids.map((id) => reliabilityOf.get(id) ?? '').filter((code) => code !== '');
      const reliability = reliabilities.sort((a, b) => compareReliability(a, b, scheme))[0] ?? '';
      if (reliability !== '' || candidate.credibility !== '')
        graded.set(candidate.id, { reliability, credibility: candidate.credibility });
    }
    return graded;
  }

  /** Annotations with a grade or in a document with sources: the only ones an evidence filter can match. */
  private candidates(): Candidate[] {
    return this.db
      .prepare<[], Candidate>(
        `SELECT a.seq, a.id, a.document_id AS documentId, coalesce(g.credibility, '') AS credibility
           FROM annotations a LEFT JOIN annotation_grades g ON g.annotation_id = a.id
          WHERE g.annotation_id IS NOT NULL OR a.document_id IN (SELECT document_id FROM document_sources)`,
      )
      .all();
  }

  /**
   * Per source: filter, the ids of the sources of that name; where none has it, of those whose
   * name has words starting with each word typed (source:coast finds "Coast guard").
   */
  private sourceIdsNamed(names: readonly string[], problems: string[]): string[][] {
    const sources = this.grading.sources();
    return names.map((name) => {
      const exact = sources.filter((source) => source.name.toLowerCase() === name.toLowerCase());
      const ids = (exact.length > 0 ? exact : sources.filter((source) => wordsStart(source.name, name))).map(
        (source) => source.id,
      );
      if (ids.length === 0) problems.push(`No source is named “${name}”, nor has a name with those words.`);
      return ids;
    });
  }

  /** Problems with the filters' codes; a code typed in another case is set to the scheme's spelling. */
  private check(filters: EvidenceFilters, scheme: GradingScheme): string[] {
    const problems: string[] = [];
    const reliability = codesOf(scheme.reliability);
    const credibility = codesOf(scheme.credibility);
    const unknown = (what: string, code: string, codes: string[]) =>
      `Unknown ${what} “${code}”; the ${scheme.name} scheme's are ${codes.join(', ')}.`;
    // Codes are compared in the scheme's spelling: reliability:<=b is reliability:<=B.
    for (const condition of filters.reliability) {
      const code = schemeCode(condition.code, scheme.reliability);
      if (code === undefined) problems.push(unknown('reliability', condition.code, reliability));
      else condition.code = code;
    }
    for (const condition of filters.credibility) {
      const code = schemeCode(condition.code, scheme.credibility);
      if (code === undefined) problems.push(unknown('credibility', condition.code, credibility));
      else condition.code = code;
    }
    for (const grade of filters.grades) {
      const labels = [
        ...reliability.flatMap((r) => credibility.map((c) => gradeLabel(r, c))),
        ...reliability,
        ...credibility,
      ];
      if (!labels.some((label) => label.toLowerCase() === grade.toLowerCase()))
        problems.push(`Unknown grade “${grade}”; a grade is a reliability and a credibility, such as B2.`);
    }
    return problems;
  }
}

function holds(
  condition: GradeCondition,
  code: string,
  levels: readonly GradeLevel[],
  compare: (a: string, b: string) => number,
): boolean {
  if (code === '' || !levels.some((level) => level.code === code)) return false;
  return compareRanks(compare(code, condition.code), condition.op, 0);
}

function matches(filters: EvidenceFilters, scheme: GradingScheme, reliability: string, credibility: string): boolean {
  const label = gradeLabel(reliability, credibility).toLowerCase();
  const gradeOk = filters.grades.every((grade) => {
    const wanted = grade.toLowerCase();
    return (
      label !== '' && (label === wanted || reliability.toLowerCase() === wanted || credibility.toLowerCase() === wanted)
    );
  });
  return (
    gradeOk &&
    filters.reliability.every((condition) =>
      holds(condition, reliability, scheme.reliability, (a, b) => compareReliability(a, b, scheme)),
    ) &&
    filters.credibility.every((condition) =>
      holds(condition, credibility, scheme.credibility, (a, b) => compareCredibility(a, b, scheme)),
    )
  );
}
