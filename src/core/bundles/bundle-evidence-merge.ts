// Merging the evidence a bundle carries (sources, documents' sources, grades, links, claims;
// analyses in bundle-analysis-merge.ts) inside the import's one transaction. Every item
// goes through the annotations' rules: its author is the signer or it is refused, the last
// writer wins among one author's versions (a deletion here, its tombstone, is one of them),
// and what points at something not here is left out. Tombstones: bundle-evidence-deletions.ts.
import type {
  EvidenceEntry,
  SharedClaim,
  SharedDocumentSources,
  SharedGrade,
  SharedGradeTombstone,
  SharedLink,
  SharedLinkTombstone,
  SharedSource,
} from '../../shared/bundle-evidence';
import type { Version } from '../../shared/merge';
import { ClaimRepository } from '../evidence/claim-repository';
import { GradingRepository } from '../evidence/grading-repository';
import { LinkRepository } from '../evidence/link-repository';
import { TombstoneRepository } from '../evidence/tombstone-repository';
import { mergeAnalyses } from './bundle-analysis-merge';
import { mergeDeletions } from './bundle-evidence-deletions';
import type { EvidenceMergeHost, EvidenceTouched } from './evidence-merge-context';
import { content, decideItem, localVersion, skipItem } from './evidence-merge-context';

/** Merges a bundle's evidence after its annotations; returns what it changed (nothing for a preview). */
export function mergeEvidence(host: EvidenceMergeHost, entry: EvidenceEntry): EvidenceTouched {
  return new EvidenceMerge(host).run(entry);
}

class EvidenceMerge {
  private readonly grading: GradingRepository;
  private readonly links: LinkRepository;
  private readonly claims: ClaimRepository;
  /** Bundle source ids to the local source each stands for (the same id, or a namesake here). */
  private readonly sourceIds = new Map<string, string>();
  private readonly touched: EvidenceTouched = { kinds: new Set(), documentIds: new Set() };

  constructor(private readonly host: EvidenceMergeHost) {
    this.grading = new GradingRepository(host.db);
    this.links = new LinkRepository(host.db);
    this.claims = new ClaimRepository(host.db);
  }

  run(entry: EvidenceEntry): EvidenceTouched {
    for (const source of entry.sources) this.source(source);
    for (const item of entry.documentSources) this.documentSources(item);
    // Removals first: an item and its tombstone in one file are decided by their times.
    for (const tombstone of entry.gradeTombstones ?? []) this.gradeTombstone(tombstone);
    for (const tombstone of entry.linkTombstones ?? []) this.linkTombstone(tombstone);
    for (const grade of entry.grades) this.grade(grade);
    for (const link of entry.links) this.link(link);
    const claimIds = new Set<string>();
    for (const claim of entry.claims) if (this.claim(claim)) claimIds.add(claim.id);
    const claimHere = (id: string) => claimIds.has(id) || this.claims.claim(id) !== undefined;
    if (mergeAnalyses(this.host, entry.analyses, claimHere)) this.touched.kinds.add('analyses');
    mergeDeletions(this.host, entry.deleted, this.touched);
    return this.touched;
  }

  private touch(kind: Parameters<EvidenceTouched['kinds']['add']>[0], ...documentIds: string[]): void {
    this.touched.kinds.add(kind);
    for (const id of documentIds) this.touched.documentIds.add(id);
  }

  private schemeHas(level: 'reliability' | 'credibility', code: string): boolean {
    return code === '' || this.grading.scheme()[level].some((entry) => entry.code === code);
  }

  /** A source by id, else the namesake here stands for it (names are unique in a library). */
  private source(source: SharedSource): void {
    const author = this.host.authorOf({ id: source.authorId, name: '' });
    const byId = this.grading.source(source.id);
    const namesake = this.grading.sourceNamed(source.name);
    const localId = byId?.id ?? namesake?.id ?? source.id;
    if (!this.schemeHas('reliability', source.reliability)) return void skipItem(this.host);
    const local = byId ?? namesake;
    const version = (row: { name: string; kind: string; reliability: string; reason: string; notes: string }) =>
      content(row.name, row.kind, row.reliability, row.reason, row.notes);
    const incoming: Version = {
      updatedAt: this.host.time(source.updatedAt),
      authorId: author.id,
      content: version({ ...source, reason: source.reliabilityReason }),
    };
    const renamedOnto = byId && namesake && namesake.id !== byId.id;
    const here = localVersion(
      this.host,
      local && {
        updatedAt: local.updated_at,
        authorId: local.author_id,
        content: version({ ...local, reason: local.reliability_reason }),
      },
      { kind: 'sources', id: localId },
    );
    const write = decideItem(this.host, 'sources', localId, here, incoming);
    if (local || write) this.sourceIds.set(source.id, localId);
    if (!write || renamedOnto || !this.host.apply) return;
    this.grading.upsertSource({
      id: localId,
      name: source.name,
      kind: source.kind,
      reliability: source.reliability,
      reliability_reason: source.reliabilityReason,
      notes: source.notes,
      author_id: local?.author_id ?? author.id,
      created_at: local?.created_at ?? this.host.time(source.createdAt),
      updated_at: incoming.updatedAt,
    });
    this.touch('sources');
  }

  /** Bundle source ids as local ones; undefined when one of them is not here. */
  private localSources(ids: readonly string[]): string[] | undefined {
    const local = ids.map((id) => this.sourceIds.get(id) ?? (this.grading.source(id) ? id : undefined));
    return local.every((id) => id !== undefined) ? (local as string[]) : undefined;
  }

  private documentSources(item: SharedDocumentSources): void {
    const documentId = this.host.documentHere(item.documentId);
    const sourceIds = this.localSources(item.sourceIds);
    if (!documentId || !sourceIds) return void skipItem(this.host);
    const rows = this.host.db
      .prepare<[string], { author_id: string; updated_at: string }>(
        'SELECT author_id, updated_at FROM document_sources WHERE document_id = ? ORDER BY updated_at DESC LIMIT 1',
      )
      .get(documentId);
    const author = this.host.authorOf({ id: item.authorId, name: '' });
    const updatedAt = this.host.time(item.updatedAt);
    const local = localVersion(
      this.host,
      rows && {
        updatedAt: rows.updated_at,
        authorId: rows.author_id,
        content: content(this.grading.documentSources(documentId)),
      },
      { kind: 'documentSources', id: documentId },
    );
    const incoming = { updatedAt, authorId: author.id, content: content(sourceIds) };
    if (!decideItem(this.host, 'documentSources', documentId, local, incoming) || !this.host.apply) return;
    this.grading.setDocumentSources(documentId, sourceIds, author.id, updatedAt);
    this.touch('sources', documentId);
  }

  private grade(grade: SharedGrade): void {
    const annotationId = this.host.annotationHere(grade.annotationId);
    const sourceIds = this.localSources(grade.sourceIds);
    if (!annotationId || !sourceIds || !this.schemeHas('credibility', grade.credibility))
      return void skipItem(this.host);
    const author = this.host.authorOf({ id: grade.authorId, name: '' });
    const updatedAt = this.host.time(grade.updatedAt);
    const here = this.grading.grade(annotationId);
    // Removed here at or after this version: the removal stands (no merge resurrects a grade).
    const removed = this.grading.gradeTombstone(annotationId);
    if (!here && removed && updatedAt <= removed.deletedAt) return void this.keptRemoved('grades');
    const local = here && {
      updatedAt: here.updatedAt,
      authorId: here.authorId,
      content: content(here.credibility, here.sourceIds),
    };
    const incoming = { updatedAt, authorId: author.id, content: content(grade.credibility, sourceIds) };
    if (!decideItem(this.host, 'grades', annotationId, local, incoming) || !this.host.apply) return;
    const documentId = this.documentOf(annotationId);
    const createdAt = this.host.time(grade.createdAt);
    this.grading.putGrade(
      { annotationId, documentId, sourceIds, credibility: grade.credibility, authorId: author.id, updatedAt },
      createdAt,
    );
    this.touch('grades', documentId);
  }

  private documentOf(annotationId: string): string {
    return this.host.db
      .prepare<[string], { document_id: string }>('SELECT document_id FROM annotations WHERE id = ?')
      .get(annotationId)!.document_id;
  }

  /** A link by id; the same link (ends and kind) under another id is the one here. */
  private link(link: SharedLink): void {
    const fromId = this.host.annotationHere(link.fromId);
    const toId = this.host.annotationHere(link.toId);
    if (!fromId || !toId || fromId === toId) return void skipItem(this.host);
    const author = this.host.authorOf({ id: link.authorId, name: '' });
    const createdAt = this.host.time(link.createdAt);
    const here = this.links.link(link.id) ?? this.links.find(fromId, toId, link.kind);
    const removed = this.links.tombstone(link.id);
    if (!here && removed && createdAt <= removed.deletedAt) return void this.keptRemoved('links');
    const local = here && {
      updatedAt: here.createdAt,
      authorId: here.authorId,
      content: content(here.kind, here.fromId, here.toId),
    };
    const incoming = { updatedAt: createdAt, authorId: author.id, content: content(link.kind, fromId, toId) };
    if (!decideItem(this.host, 'links', link.id, local, incoming) || !this.host.apply) return;
    if (here) this.links.delete(here.id);
    // The same ends and kind under another id (a forged id reused) would break the one-link-per-pair rule.
    const clash = this.links.find(fromId, toId, link.kind);
    if (clash) this.links.delete(clash.id);
    this.links.insert({ id: link.id, kind: link.kind, fromId, toId, authorId: author.id, createdAt });
    this.touch('links', this.documentOf(fromId), this.documentOf(toId));
  }

  /** An incoming item this library removed since: counted as kept as it is here (removed). */
  private keptRemoved(kind: 'grades' | 'links'): void {
    this.host.plan.evidence[kind].keptLocal += 1;
  }

  /**
   * Whether a removal by `authorId` may be taken: in the workspace, anyone's (the files are
   * the library's own); from a bundle, only the verified signer's, of the signer's own item.
   */
  private mayRemove(authorId: string, itemAuthorId: string | undefined): boolean {
    if (this.host.trustAuthors) return true;
    const { signer } = this.host;
    const allowed =
      signer.verified && authorId === signer.authorId && (itemAuthorId === undefined || itemAuthorId === authorId);
    if (!allowed) this.host.plan.refused += 1;
    return allowed;
  }

  /** A grade removed elsewhere: removed here unless graded here since; recorded so an older copy stays out. */
  private gradeTombstone(tombstone: SharedGradeTombstone): void {
    const annotationId = this.host.annotationHere(tombstone.annotationId);
    if (!annotationId) return void skipItem(this.host);
    const here = this.grading.grade(annotationId);
    if (!this.mayRemove(tombstone.authorId, here?.authorId)) return;
    const deletedAt = this.host.time(tombstone.deletedAt);
    const counts = this.host.plan.evidence.grades;
    if (here && here.updatedAt > deletedAt) return void (counts.keptLocal += 1);
    counts[here ? 'updated' : 'unchanged'] += 1;
    if (!this.host.apply) return;
    const documentId = this.documentOf(annotationId);
    if (here) this.grading.removeGrade(annotationId, tombstone.authorId, deletedAt);
    else this.grading.recordGradeTombstone({ annotationId, documentId, authorId: tombstone.authorId, deletedAt });
    if (here) this.touch('grades', documentId);
  }

  /** A link removed elsewhere: removed here unless it is a newer link; recorded so an older copy stays out. */
  private linkTombstone(tombstone: SharedLinkTombstone): void {
    const fromId = this.host.annotationHere(tombstone.fromId);
    const toId = this.host.annotationHere(tombstone.toId);
    if (!fromId || !toId) return void skipItem(this.host);
    const here = this.links.link(tombstone.id) ?? this.links.find(fromId, toId, tombstone.kind);
    if (!this.mayRemove(tombstone.authorId, here?.authorId)) return;
    const deletedAt = this.host.time(tombstone.deletedAt);
    const counts = this.host.plan.evidence.links;
    if (here && here.createdAt > deletedAt) return void (counts.keptLocal += 1);
    counts[here ? 'updated' : 'unchanged'] += 1;
    if (!this.host.apply) return;
    const documentId = this.documentOf(fromId);
    if (here) this.links.remove(here.id, tombstone.authorId, deletedAt);
    else
      this.links.recordTombstone({
        id: tombstone.id,
        kind: tombstone.kind,
        fromId,
        toId,
        authorId: tombstone.authorId,
        createdAt: deletedAt,
        documentId,
        deletedAt,
      });
    if (here) this.touch('links', documentId, this.documentOf(toId));
  }

  /** A claim with its evidence that is here; true when the claim is (or would be) here afterwards. */
  private claim(claim: SharedClaim): boolean {
    const evidence = claim.evidence.flatMap((piece) => {
      const annotationId = this.host.annotationHere(piece.annotationId);
      return annotationId ? [{ annotationId, stance: piece.stance }] : [];
    });
    const here = this.claims.claim(claim.id);
    // A claim whose evidence is all elsewhere has nothing to stand on here (one with none at all is still a claim).
    if (evidence.length === 0 && claim.evidence.length > 0 && !here) return skipItem(this.host);
    const author = this.host.authorOf({ id: claim.authorId, name: '' });
    const updatedAt = this.host.time(claim.updatedAt);
    const local = localVersion(
      this.host,
      here && { updatedAt: here.updatedAt, authorId: here.authorId, content: content(here.statement, here.evidence) },
      { kind: 'claims', id: claim.id },
    );
    const incoming = { updatedAt, authorId: author.id, content: content(claim.statement, evidence) };
    const write = decideItem(this.host, 'claims', claim.id, local, incoming);
    if (!write || !this.host.apply) return write || here !== undefined;
    const createdAt = here?.createdAt ?? this.host.time(claim.createdAt);
    this.claims.upsert({ id: claim.id, statement: claim.statement, authorId: author.id, createdAt, updatedAt });
    for (const piece of here?.evidence ?? []) this.claims.removeEvidence(claim.id, piece.annotationId);
    for (const piece of evidence)
      if (!this.pieceDeletedLater(claim.id, piece.annotationId, author.id, updatedAt))
        this.claims.setEvidence(claim.id, piece.annotationId, piece.stance, author.id, updatedAt);
    this.touch('claims', ...this.claims.documentsOf(claim.id));
    return true;
  }

  /** A piece its author took off the claim after this version of the claim stays off. */
  private pieceDeletedLater(claimId: string, annotationId: string, authorId: string, updatedAt: string): boolean {
    const deleted = new TombstoneRepository(this.host.db).get({
      kind: 'claimEvidence',
      id: claimId,
      partId: annotationId,
    });
    return deleted !== undefined && deleted.authorId === authorId && deleted.deletedAt > updatedAt;
  }
}
