// The annotation model: highlights, point notes and document notes; named colors; and the
// rules for hierarchical tag names. Marks in the reader hold annotation ids only; the
// annotation itself lives in the store.
import { clipLine } from './clip-text';
import type { AnchorStatus, TextPositionSelector, TextQuoteSelector } from './selectors';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange', 'red', 'gray'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];
export const DEFAULT_COLOR: HighlightColor = 'yellow';

export const ANNOTATION_KINDS = ['highlight', 'point', 'document'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export interface AnnotationTarget {
  position: TextPositionSelector;
  quote: TextQuoteSelector;
  /** SHA-256 of the canonical text the selectors were last anchored against. */
  textSha256: string;
}

export interface AnnotationNote {
  /** The note's Lexical editor state, serialized; empty when there is no note. */
  lexicalJson: string;
  text: string;
  markdown: string;
}

export interface Annotation {
  id: string;
  documentId: string;
  kind: AnnotationKind;
  color: HighlightColor;
  /** Null for a document-level note. */
  target: AnnotationTarget | null;
  anchor: { status: AnchorStatus; score: number };
  tags: string[];
  note: AnnotationNote;
  author: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
}

/**
 * The anchored highlights of a document as parallel columns: all the reader needs to
 * paint them, a few percent of the full annotations' size, so a heavily annotated
 * document shows its highlights before its notes and tags have arrived.
 */
export interface HighlightSpans {
  documentId: string;
  ids: string[];
  starts: number[];
  ends: number[];
  colors: HighlightColor[];
}

/**
 * What deleting annotations took along with them (the foreign keys cascade): their rows in
 * analyses (and how many analyses), their places as evidence for claims, their links and grades.
 */
export interface DeletionCascade {
  analysisRows: number;
  analyses: number;
  claims: number;
  links: number;
  grades: number;
}

export interface TagInfo {
  id: string;
  path: string;
  color: HighlightColor | '';
  description: string;
  /** Annotations carrying exactly this tag, library-wide. */
  count: number;
}

export interface Profile {
  authorId: string;
  displayName: string;
}

export const MAX_TAG_LENGTH = 100;
export const MAX_NOTE_BYTES = 1024 * 1024;

/**
 * Normalizes a tag path ("Actor / IS" becomes "Actor/IS") or explains what is wrong with it.
 * Any script is allowed; segments may not be empty.
 */
export function normalizeTagPath(raw: string): { ok: true; path: string } | { ok: false; message: string } {
  const segments = raw.split('/').map((segment) => segment.replace(/\s+/g, ' ').trim());
  if (raw.trim() === '') return { ok: false, message: 'A tag needs a name.' };
  if (segments.some((segment) => segment === '')) {
    return {
      ok: false,
      message: `“${raw}” has an empty part: write tags like Actor/IS, with no empty segment between slashes.`,
    };
  }
  const path = segments.join('/');
  if (path.length > MAX_TAG_LENGTH)
    return {
      ok: false,
      message: `A tag can be at most ${MAX_TAG_LENGTH} characters; “${path.slice(0, 40)}…” has ${path.length}.`,
    };
  if (/[\u0000-\u001f\u007f]/.test(path)) return { ok: false, message: 'A tag cannot contain control characters.' };
  return { ok: true, path };
}

/** True when `path` is `ancestor` or below it ("Actor/IS" is within "Actor"). */
export function isTagWithin(path: string, ancestor: string): boolean {
  const a = path.toLocaleLowerCase();
  const b = ancestor.toLocaleLowerCase();
  return a === b || a.startsWith(`${b}/`);
}

export function compareByPosition(a: Annotation, b: Annotation): number {
  const startA = a.target ? a.target.position.start : -1;
  const startB = b.target ? b.target.position.start : -1;
  if (startA !== startB) return startA - startB;
  const endA = a.target ? a.target.position.end : -1;
  const endB = b.target ? b.target.position.end : -1;
  if (endA !== endB) return endB - endA;
  return a.createdAt.localeCompare(b.createdAt);
}

/** The highlight on exactly this span, if `accept` takes it (the app and the CLI reuse it rather than make another). */
export function exactHighlight(
  annotations: readonly Annotation[],
  span: { start: number; end: number },
  accept: (annotation: Annotation) => boolean,
): Annotation | undefined {
  return annotations.find(
    (annotation) =>
      annotation.kind === 'highlight' &&
      annotation.anchor.status !== 'orphan' &&
      annotation.target?.position.start === span.start &&
      annotation.target.position.end === span.end &&
      accept(annotation),
  );
}

/** How an annotation is named in lists and labels: its quote, or what kind of note it is. */
export function annotationLabel(annotation: Pick<Annotation, 'kind' | 'target'>, maxLength = 60): string {
  if (annotation.kind === 'document' || !annotation.target) return 'Document note';
  if (annotation.kind === 'point') return 'Pinned note';
  return clipLine(annotation.target.quote.exact, maxLength);
}

/** A reply in a review thread: its own row, answering one annotation. */
export interface Reply {
  id: string;
  /** The annotation this reply answers. */
  annotationId: string;
  documentId: string;
  markdown: string;
  text: string;
  author: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
}
