// Note bundles: what crosses the contract when a person shares notes or imports a
// reviewer's. (The file format's schemas live in bundle-schemas.ts, the W3C shape in
// web-annotation.ts.)
import type { SharedEvidenceKind } from './bundle-evidence';
import { SHARED_EVIDENCE_KINDS } from './bundle-evidence';
import { countOf, nounFor } from './plural';

export interface KnownKey {
  fingerprint: string;
  displayName: string;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface BundleExportRequest {
  documentIds: string[];
  /** Keep only annotations carrying this tag (or one below it). */
  tag?: string;
  /** Include each document's original file, not only its canonical text. */
  includeSources?: boolean;
  /** "Export my review": only the local author's annotations and replies. */
  reviewOnly?: boolean;
}

export interface BundleCounts {
  documents: number;
  annotations: number;
  replies: number;
  tombstones: number;
}

export interface BundleSigner {
  name: string;
  authorId: string;
  fingerprint: string;
  /** False for an unsigned bundle (importable only when explicitly allowed). */
  signed: boolean;
  /** Whether this key was seen on an earlier import (trust on first use). */
  known: boolean;
  /** Signed with this profile's own key (notes shared from here, or from a copy of this profile). */
  own: boolean;
  /**
   * For an unsigned bundle whose claimed name is this profile's own, or a known key's: a
   * sentence pointing that out (a name anyone can type); empty otherwise.
   */
  claim: string;
}

/**
 * What to do with a bundle document whose text differs from the copy here: apply its notes
 * to my copy (re-anchored on my text), or add it as a new document beside mine.
 */
export type DocumentChoice = 'merge' | 'copy';

export interface BundlePlanDocument {
  /** The document in this library the notes go to (after import, the new one's id for a copy). */
  id: string;
  /** The document's id in the bundle: what a choice names. */
  bundleDocumentId: string;
  title: string;
  status: 'new' | 'matched' | 'text differs';
  /** For text that differs: my copy's title, and what will be done. */
  localTitle?: string;
  choice?: DocumentChoice;
  /** The bundle's text version (the first 7 hex digits of its SHA-256, as the library shows). */
  version: string;
  /** For text that differs: my copy's text version. */
  localVersion?: string;
}

/** How a preview names a document whose text differs: both versions, so it is clear which is which. */
export function differingVersions(document: Pick<BundlePlanDocument, 'version' | 'localVersion'>): string {
  return `theirs: version ${document.version}, yours: version ${document.localVersion ?? '?'}`;
}

/** What each choice for a document whose text differs does, in words a preview and the CLI share. */
export const DOCUMENT_CHOICE_TEXT = {
  merge: 'Apply their notes to my copy (keep my text, re-anchor their notes on it)',
  copy: 'Add their copy as a new document beside mine (with their text)',
  explanation:
    'Applying keeps your text as it is and moves their notes onto it; their text, with any corrections they made, is not adopted. ' +
    'Adding keeps their text as a second document.',
} as const;

export interface BundlePlan {
  bundleId: string;
  createdAt: string;
  review: boolean;
  signer: BundleSigner;
  documents: BundlePlanDocument[];
  annotations: {
    added: number;
    updated: number;
    unchanged: number;
    keptLocal: number;
    deleted: number;
    orphaned: number;
  };
  replies: { added: number; updated: number; unchanged: number; keptLocal: number };
  byAuthor: Array<{ name: string; annotations: number; replies: number }>;
  /** Evidence items (sources, grades, links, claims, analyses and their parts, analysts' cells) by kind. */
  evidence: Record<SharedEvidenceKind, EvidenceCounts>;
  /**
   * Evidence items left out because what they point at is not here (an annotation, claim,
   * row or hypothesis) or their grade code is not in this library's scheme.
   */
  evidenceSkipped: number;
  /**
   * Items refused: for a signed bundle, creations, changes and deletions claimed for authors
   * other than its signer; for an unsigned one, changes and deletions of what is here.
   */
  refused: number;
  /** Of those, the new notes (annotations and replies) a signed bundle carried for other authors, and the names they claim, each once. */
  refusedNotes: { count: number; authors: string[] };
  /** True once applied; a preview leaves the library untouched. */
  applied: boolean;
}

export interface EvidenceCounts {
  added: number;
  updated: number;
  unchanged: number;
  keptLocal: number;
  /** Items here that the bundle's tombstones delete. */
  deleted: number;
}

export function emptyEvidenceCounts(): Record<SharedEvidenceKind, EvidenceCounts> {
  return Object.fromEntries(
    SHARED_EVIDENCE_KINDS.map((kind) => [kind, { added: 0, updated: 0, unchanged: 0, keptLocal: 0, deleted: 0 }]),
  ) as Record<SharedEvidenceKind, EvidenceCounts>;
}

const EVIDENCE_HEADINGS: Record<SharedEvidenceKind, string> = {
  sources: 'Sources',
  documentSources: "Documents' sources",
  grades: 'Grades',
  links: 'Links',
  claims: 'Claims',
  analyses: 'Analyses',
  hypotheses: 'Hypotheses',
  rows: 'Matrix rows',
  cells: 'Matrix cells',
};

/** The preview's lines about evidence (one per kind the bundle carries), for the dialog and the CLI alike. */
export function evidencePlanLines(plan: Pick<BundlePlan, 'evidence' | 'evidenceSkipped'>): string[] {
  const lines = SHARED_EVIDENCE_KINDS.flatMap((kind) => {
    const counts = plan.evidence[kind];
    if (counts.added + counts.updated + counts.unchanged + counts.keptLocal + counts.deleted === 0) return [];
    const kept = counts.keptLocal > 0 ? `, ${counts.keptLocal} kept as yours are` : '';
    const deleted = counts.deleted > 0 ? `, ${counts.deleted} deleted` : '';
    return [
      `${EVIDENCE_HEADINGS[kind]}: ${counts.added} new, ${counts.updated} updated, ${counts.unchanged} unchanged${kept}${deleted}`,
    ];
  });
  const skipped = plan.evidenceSkipped;
  if (skipped > 0)
    lines.push(
      `${countOf(skipped, 'evidence item')} left out: what ${nounFor(skipped, 'it points', 'they point')} at is not here, ` +
        `or ${nounFor(skipped, 'its grade is', 'their grades are')} not in your grading scheme.`,
    );
  return lines;
}

export const BUNDLE_EXTENSION = '.mnb';

/** The notice after an import: who it came from (saying so when nobody vouches for that), and what changed. */
export function importedSummary(plan: Pick<BundlePlan, 'signer' | 'annotations' | 'replies'>): string {
  const added = plan.annotations.added + plan.replies.added;
  const updated = plan.annotations.updated + plan.replies.updated;
  const from = plan.signer.signed
    ? `Imported notes from ${plan.signer.name}`
    : `Imported unsigned notes claimed to be from ${plan.signer.name}`;
  return `${from}: ${added} new, ${updated} updated.`;
}

/** Up to three names, then how many more: "A, B and C", "A, B, C and 2 others". */
function namesList(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((name) => `“${name}”`);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${countOf(more, 'other')}`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : (shown[0] ?? '');
}

/** The sentence about new notes a signed bundle carried for others (they are not its signer's to add). */
function refusedNotesSentence(notes: BundlePlan['refusedNotes']): string {
  const left = `${countOf(notes.count, 'note')} by ${namesList(notes.authors)} ${nounFor(notes.count, 'was', 'were')} left out`;
  return `${left}: a signed bundle brings only its signer's own notes.`;
}

/** The sentence a preview shows about refused items; empty when none were. */
export function refusedSummary(plan: Pick<BundlePlan, 'refused' | 'refusedNotes' | 'signer'>): string {
  if (plan.refused === 0) return '';
  if (!plan.signer.signed) {
    const were = nounFor(plan.refused, 'was', 'were');
    return `${countOf(plan.refused, 'change')} to notes already here ${were} refused: an unsigned bundle can only add new notes.`;
  }
  const notes = plan.refusedNotes;
  const others = plan.refused - notes.count;
  const changes =
    others > 0
      ? `${countOf(others, 'change')} claimed for other authors ${nounFor(others, 'was', 'were')} refused: a bundle can only change its signer's own notes.`
      : '';
  return [notes.count > 0 ? refusedNotesSentence(notes) : '', changes].filter(Boolean).join(' ');
}
