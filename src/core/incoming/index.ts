// Incoming annotations: the one path by which annotations, replies and tombstones from the
// workspace files, note bundles and importers reach the store, and the one re-anchoring of
// an annotation into a text it was not made on here.
export type { Placement, SentTarget } from './placement';
export { placeIncoming } from './placement';
export type {
  IncomingAnnotation,
  IncomingChanges,
  IncomingDeps,
  IncomingField,
  IncomingOptions,
  IncomingSource,
  IncomingTombstone,
  LocalText,
} from './writer';
export { ALL_FIELDS, IncomingBatch, IncomingWriter } from './writer';
