// Grades and links in the sidecars: what a document's sidecar is written with (its grades as
// assessing bodies, the links from its annotations, removed ones as tombstones), and the
// merge of a sidecar's back into the library by the evidence rules (src/core/bundles), three
// ways against what the file held when last written or read, so a removal in the file travels.
import type { EvidenceEntry } from '../../shared/bundle-evidence';
import { emptyEvidenceCounts } from '../../shared/bundles';
import { acceptedTime } from '../../shared/merge';
import type { Sidecar, SidecarGrades } from '../../shared/sidecar';
import { assessingBody, linkingAnnotation, sidecarEvidenceEntry } from '../../shared/sidecar-evidence';
import { mergeEvidence } from '../bundles';
import type { EvidenceMergeHost, EvidenceTouched, ThreeWay } from '../bundles';
import { GradingRepository, LinkRepository } from '../evidence';
import { sha256Hex } from '../files/sha256';
import type { SyncSession } from './session';

/** What the merge compares of a grade and of a link (as the evidence merge does). */
const gradeContent = (credibility: string, sourceIds: readonly string[]) => JSON.stringify([credibility, sourceIds]);
const linkContent = (kind: string, fromId: string, toId: string) => JSON.stringify([kind, fromId, toId]);

export interface SidecarEvidenceOutcome {
  touched: EvidenceTouched;
  /** Items left out because what they point at is not here (yet). */
  skipped: number;
}

export class SidecarEvidenceSync {
  private readonly grading: GradingRepository;
  private readonly links: LinkRepository;

  constructor(private readonly session: SyncSession) {
    this.grading = new GradingRepository(session.deps.db);
    this.links = new LinkRepository(session.deps.db);
  }

  /** The grades, links and their tombstones a document's sidecar is written with. */
  evidenceOf(documentId: string): SidecarGrades {
    const scheme = this.grading.scheme();
    const documentSources = this.grading.documentSources(documentId);
    const reliability = (sourceIds: readonly string[]) =>
      [...sourceIds, ...documentSources].map((id) => this.grading.source(id)?.reliability ?? '').find(Boolean) ?? '';
    const grades = new Map(
      this.grading
        .sharedGradesOf(documentId)
        .map((grade) => [
          grade.annotationId,
          assessingBody(grade, scheme.name, `${reliability(grade.sourceIds)}${grade.credibility}`),
        ]),
    );
    return {
      grades,
      links: this.links.from(documentId).map(linkingAnnotation),
      gradeTombstones: this.grading
        .gradeTombstonesOf(documentId)
        .map(({ annotationId, authorId, deletedAt }) => ({ annotationId, authorId, deletedAt })),
      linkTombstones: this.links
        .tombstonesFrom(documentId)
        .map(({ id, kind, fromId, toId, authorId, deletedAt }) => ({ id, kind, fromId, toId, authorId, deletedAt })),
    };
  }

  /** Records what the sidecar just written (or found equal) holds, as the base of the next merge. */
  saveBase(documentId: string, sidecar: Pick<Sidecar, 'items' | 'links'>): void {
    const entry = sidecarEvidenceEntry(sidecar.items, {
      links: sidecar.links,
      gradeTombstones: [],
      linkTombstones: [],
    });
    this.session.state.setEvidenceBase(documentId, baseOf(entry));
  }

  /**
   * Merges a sidecar's grades, links and tombstones inside the caller's transaction; `file`
   * is the document's own sidecar (what it lost since its base was removed there), a copy
   * only adds. `observe` sees every time taken, for the clock.
   */
  merge(
    documentId: string,
    entry: EvidenceEntry,
    options: { file: boolean; observe: (iso: string) => void },
  ): SidecarEvidenceOutcome {
    const base =
      options.file && !this.session.foreignBase
        ? this.session.state.evidenceBase(documentId)
        : new Map<string, string>();
    const nowMs = Date.now();
    const time = (iso: string) => {
      const kept = acceptedTime(iso, nowMs);
      options.observe(kept);
      return kept;
    };
    const threeWay: ThreeWay = {
      changedSinceBase: (kind, key, content) => {
        const hash = base.get(`${kind}|${key}`);
        return hash === undefined ? undefined : hash !== sha256Hex(content);
      },
      record: () => undefined,
    };
    const host = this.host(time, threeWay);
    const touched = mergeEvidence(host, entry);
    if (options.file) this.removedInFile(base, entry, touched);
    return { touched, skipped: host.plan.evidenceSkipped };
  }

  private host(time: (iso: string) => string, threeWay: ThreeWay): EvidenceMergeHost {
    const { deps } = this.session;
    return {
      db: deps.db,
      signer: { authorId: '', verified: true },
      trustAuthors: true,
      plan: { evidence: emptyEvidenceCounts(), evidenceSkipped: 0, refused: 0 },
      apply: true,
      authorOf: (claimed) => claimed,
      time,
      annotationHere: (id) => (deps.annotations.store.row(id) ? id : undefined),
      documentHere: (id) => (deps.documents.exists(id) ? id : undefined),
      threeWay,
    };
  }

  /**
   * A grade or link the file held at its base and holds no more (nor a tombstone of it) was
   * removed there: it is removed here too, unless it changed here since, as annotations are.
   */
  private removedInFile(base: ReadonlyMap<string, string>, entry: EvidenceEntry, touched: EvidenceTouched): void {
    const inFile = baseOf(entry);
    for (const tombstone of entry.gradeTombstones ?? []) inFile.set(`grades|${tombstone.annotationId}`, '');
    for (const tombstone of entry.linkTombstones ?? []) inFile.set(`links|${tombstone.id}`, '');
    const now = this.session.deps.annotations.now();
    for (const [key, hash] of base) {
      if (inFile.has(key)) continue;
      const [kind, id] = key.split('|') as [string, string];
      if (kind === 'grades') this.removeGrade(id, hash, now, touched);
      else if (kind === 'links') this.removeLink(id, hash, now, touched);
    }
  }

  private removeGrade(annotationId: string, hash: string, now: string, touched: EvidenceTouched): void {
    const here = this.grading.grade(annotationId);
    if (!here || sha256Hex(gradeContent(here.credibility, here.sourceIds)) !== hash) return;
    this.grading.removeGrade(annotationId, here.authorId, now);
    touched.kinds.add('grades');
    touched.documentIds.add(here.documentId);
  }

  private removeLink(id: string, hash: string, now: string, touched: EvidenceTouched): void {
    const here = this.links.link(id);
    if (!here || sha256Hex(linkContent(here.kind, here.fromId, here.toId)) !== hash) return;
    this.links.remove(id, here.authorId, now);
    touched.kinds.add('links');
    for (const end of [here.fromId, here.toId]) {
      const row = this.session.deps.annotations.store.row(end);
      if (row) touched.documentIds.add(row.document_id);
    }
  }
}

/** Each grade's and link's content hash, keyed as the merge keys them. */
function baseOf(entry: EvidenceEntry): Map<string, string> {
  const base = new Map<string, string>();
  for (const grade of entry.grades)
    base.set(`grades|${grade.annotationId}`, sha256Hex(gradeContent(grade.credibility, grade.sourceIds)));
  for (const link of entry.links)
    base.set(`links|${link.id}`, sha256Hex(linkContent(link.kind, link.fromId, link.toId)));
  return base;
}
