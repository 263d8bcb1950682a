// Replies: anyone may answer any annotation; only a reply's author may delete it.
import { randomUUID } from 'node:crypto';
import type { Reply } from '../../shared/annotations';
import { MAX_NOTE_BYTES } from '../../shared/annotations';
import { noteFromMarkdown } from '../../shared/notes';
import { UserFacingError } from '../../shared/result';
import type { Database } from 'better-sqlite3';
import type { DocumentRepository } from '../documents';
import { formatMegabytes } from '../import';
import type { ProfileRepository } from '../profile';
import type { AnnotationRepository } from './annotation-repository';
import type { ChangeRecorder } from './changes';
import type { ChangeClock } from './clock';
import type { ReplyRepository } from './reply-repository';
import { toReply } from './reply-repository';

export class ReplyService {
  constructor(
    private readonly db: Database,
    private readonly repository: ReplyRepository,
    private readonly annotations: AnnotationRepository,
    private readonly documents: DocumentRepository,
    private readonly profile: ProfileRepository,
    private readonly changes: ChangeRecorder,
    private readonly clock: ChangeClock,
  ) {}

  list(documentId: string): Reply[] {
    this.documents.summary(documentId);
    return this.repository.ofDocument(documentId).map(toReply);
  }

  create(annotationId: string, markdown: string): Reply {
    const parent = this.annotations.row(annotationId);
    if (!parent) throw new UserFacingError('NOT_FOUND', `No annotation with id ${annotationId} exists.`);
    const body = markdown.trim();
    if (body === '') throw new UserFacingError('INVALID_INPUT', 'A reply needs some text.');
    if (Buffer.byteLength(body) > MAX_NOTE_BYTES)
      throw new UserFacingError('TOO_LARGE', `A reply can be at most ${formatMegabytes(MAX_NOTE_BYTES)}.`);
    const author = this.profile.read();
    const now = this.clock.now();
    const id = randomUUID();
    this.db
      .transaction(() =>
        this.repository.insert({
          id,
          annotation_id: annotationId,
          document_id: parent.document_id,
          body_markdown: body,
          body_text: noteFromMarkdown(body).text,
          author_id: author.authorId,
          author_name: author.displayName,
          created_at: now,
          updated_at: now,
        }),
      )
      .immediate();
    this.changes.announceReplies([parent.document_id], 'local');
    return toReply(this.repository.row(id)!);
  }

  remove(id: string): { deleted: true } {
    const row = this.repository.row(id);
    if (!row) throw new UserFacingError('NOT_FOUND', `No reply with id ${id} exists.`);
    if (row.author_id !== this.profile.read().authorId) {
      throw new UserFacingError('INVALID_INPUT', `This reply is ${row.author_name}'s: only they can delete it.`);
    }
    this.db.transaction(() => this.repository.delete(id, this.clock.now())).immediate();
    this.changes.announceReplies([row.document_id], 'local');
    return { deleted: true };
  }
}
