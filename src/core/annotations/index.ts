// Annotations, tags and replies: the services that change them (one change mechanism,
// undoable, announced with a source), the repositories that hold their rows, and the clock
// that stamps every change.
export type { AnnotationRecord, AnnotationRow, Snapshot, TagRow } from './annotation-repository';
export { AnnotationRepository, toAnnotation } from './annotation-repository';
export type { ReplyRow } from './reply-repository';
export { ReplyRepository, replyParentId, replyRowFrom, toReply } from './reply-repository';
export { ChangeClock } from './clock';
export { ChangeRecorder } from './changes';
export type { TagDefinitions } from './tag-service';
export { TagService } from './tag-service';
export { ReplyService } from './reply-service';
export type { BulkUpdateInput } from './annotation-service';
export { AnnotationService } from './annotation-service';
export { UndoHistory } from './history';
