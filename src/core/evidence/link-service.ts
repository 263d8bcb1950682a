// Typed links between annotations (supports, contradicts, same event, cites, repeats), within
// a document or across documents, shown from both ends.
import { randomUUID } from 'node:crypto';
import type { ChangeSource } from '../../shared/change-source';
import type { AnnotationLink, LinkKind, LinkView } from '../../shared/evidence';
import { UserFacingError } from '../../shared/result';
import type { EvidenceContext } from './context';
import type { LinkRepository } from './link-repository';
import { Passages } from './passages';

export class LinkService {
  constructor(
    private readonly context: EvidenceContext,
    readonly repository: LinkRepository,
  ) {}

  /** Each link seen from this document's ends: a link within the document shows from both. */
  list(documentId: string): LinkView[] {
    this.context.requireDocument(documentId);
    const passages = new Passages(this.context);
    const views: LinkView[] = [];
    for (const link of this.repository.ofDocument(documentId)) {
      const from = passages.of(link.fromId);
      const to = passages.of(link.toId);
      if (!from || !to) continue;
      if (from.documentId === documentId) views.push({ ...link, direction: 'outgoing', other: to });
      if (to.documentId === documentId) views.push({ ...link, direction: 'incoming', other: from });
    }
    return views;
  }

  /** Links two annotations; the same link made again is the one already there. */
  link(input: { fromId: string; toId: string; kind: LinkKind }, source: ChangeSource = 'local'): AnnotationLink {
    if (input.fromId === input.toId)
      throw new UserFacingError('INVALID_INPUT', 'An annotation cannot be linked to itself: choose another passage.');
    const from = this.context.annotation(input.fromId);
    const to = this.context.annotation(input.toId);
    const existing = this.repository.find(input.fromId, input.toId, input.kind);
    if (existing) return existing;
    return this.context.change(['links'], source, () => {
      const link: AnnotationLink = {
        id: randomUUID(),
        kind: input.kind,
        fromId: from.id,
        toId: to.id,
        authorId: this.context.author().authorId,
        createdAt: this.context.now(),
      };
      this.repository.insert(link);
      const repeats = link.kind === 'repeats' ? { added: [link] } : {};
      return { result: link, documentIds: [from.document_id, to.document_id], touched: { repeats } };
    });
  }

  unlink(id: string, source: ChangeSource = 'local'): { deleted: true } {
    const link = this.repository.link(id);
    if (!link) throw new UserFacingError('NOT_FOUND', `No link with id ${id} exists.`);
    const instead = 'Link the passages as you see them instead: links of different kinds stand side by side.';
    this.context.assertOwn({ noun: 'link', authorId: link.authorId, instead }, source);
    const documentIds = [link.fromId, link.toId].flatMap((end) => this.context.annotationRow(end)?.document_id ?? []);
    return this.context.change(['links'], source, () => {
      this.repository.remove(id, this.context.author().authorId, this.context.now());
      const repeats = link.kind === 'repeats' ? { removed: [link] } : {};
      return { result: { deleted: true as const }, documentIds, touched: { repeats } };
    });
  }
}
