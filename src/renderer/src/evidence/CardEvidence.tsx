// What a margin card shows of the evidence: its grade as a compact badge (the meaning on hover
// and in its name), its links to other passages (each followed with one click) and, while
// selected, Grade…, Link to…, Make claim… and Add to claim….
import type { Annotation } from '../../../shared/annotations';
import { annotationLabel } from '../../../shared/annotations';
import type { LinkView } from '../../../shared/evidence';
import { reportFailure } from '../app/notifications/store';
import { useClient } from '../app/stores';
import { evidenceDialogs } from './dialogs';
import { annotationGradeText, linkButtonName, linkPhrase } from './grades';
import { usePassageOpener } from './open-passage';
import type { Ownership } from './ownership';
import { ownedBy, useOwnership } from './ownership';
import { storedSelection } from './useEvidenceCommands';
import { useEvidence, useEvidenceStore } from './use-evidence';
import styles from './Evidence.module.css';

const NO_LINKS: LinkView[] = [];

/** Opens a dialog on the card's annotation once it is stored (a highlight just made may not be yet). */
function onStored(annotation: Annotation, open: (annotationId: string, quote: string) => void): void {
  void storedSelection(annotation.id).then((id) => id && open(id, annotationLabel(annotation)));
}

function openGrade(annotation: Annotation): void {
  onStored(annotation, (annotationId, quote) => evidenceDialogs.show({ kind: 'grade', annotationId, quote }));
}

/** Whose the annotation's grade is: only its grader may change it (no grade yet is anyone's to give). */
function useGradeOwnership(annotationId: string): Ownership {
  const grade = useEvidence((state) => state.grades.get(annotationId));
  return useOwnership()(grade?.authorId ?? '');
}

export function CardGradeBadge({ annotation }: { annotation: Annotation }) {
  const scheme = useEvidence((state) => state.scheme);
  const grade = useEvidence((state) => state.grades.get(annotation.id));
  const ownership = useGradeOwnership(annotation.id);
  const documentSourceIds = useEvidence((state) => state.documentSourceIds);
  const sources = useEvidence((state) => state.sources);
  const text = annotationGradeText(scheme, grade, documentSourceIds, sources ?? []);
  if (!text) return null;
  return (
    <button
      type="button"
      className={styles.grade}
      aria-label={ownership.mine ? text.name : `${text.name} (${ownedBy(ownership, 'grade')})`}
      title={text.meaning}
      tabIndex={-1}
      onClick={() => ownership.mine && openGrade(annotation)}
    >
      {text.code}
    </button>
  );
}

/** The links at this card's end: outgoing from it or coming in to it. */
export function linksAt(links: readonly LinkView[], annotationId: string): LinkView[] {
  return links.filter((link) => (link.direction === 'outgoing' ? link.fromId : link.toId) === annotationId);
}

/** A link's button name: what it links to, and whose the link is when it is someone else's. */
function linkName(link: LinkView, ownership: Ownership): string {
  return ownership.mine ? linkButtonName(link) : `${linkButtonName(link)} (${ownedBy(ownership, 'link')})`;
}

export function CardLinks({ annotation, tabbable }: { annotation: Annotation; tabbable: boolean }) {
  const all = useEvidence((state) => state.links);
  const open = usePassageOpener();
  const client = useClient();
  const store = useEvidenceStore();
  const ownershipOf = useOwnership();
  const unlink = async (link: LinkView) => {
    const result = await client.unlinkAnnotations({ id: link.id });
    if (!result.ok) reportFailure("Couldn't remove the link", result.error.message);
    await store.refreshAfter(['links', 'claims']);
  };
  const links = all.length === 0 ? NO_LINKS : linksAt(all, annotation.id);
  if (links.length === 0) return null;
  return (
    <ul className={styles.links} aria-label="Links">
      {links.map((link) => (
        <CardLink
          key={`${link.id}-${link.direction}`}
          link={link}
          ownership={ownershipOf(link.authorId)}
          tabbable={tabbable}
          onOpen={() => void open(link.other)}
          onUnlink={() => void unlink(link)}
        />
      ))}
    </ul>
  );
}

interface CardLinkProps {
  link: LinkView;
  ownership: Ownership;
  tabbable: boolean;
  onOpen: () => void;
  onUnlink: () => void;
}

/** One link: the passage it leads to and, on a selected card, × to remove it (only on one's own link). */
function CardLink({ link, ownership, tabbable, onOpen, onUnlink }: CardLinkProps) {
  return (
    <li>
      <button
        type="button"
        className={styles.link}
        aria-label={linkName(link, ownership)}
        title={`${link.other.documentTitle}${link.other.page ? `, ${link.other.page}` : ''}`}
        tabIndex={tabbable ? 0 : -1}
        onClick={onOpen}
      >
        <span className={styles.linkKind}>{linkPhrase(link)}</span> “{link.other.quote}”
      </button>
      {tabbable && !ownership.mine && (
        <span className={styles.linkOwner} aria-hidden="true">
          {ownedBy(ownership, 'link')}
        </span>
      )}
      {tabbable && ownership.mine && (
        <button
          type="button"
          className={styles.unlink}
          aria-label={`Remove link: ${linkButtonName(link)}`}
          title="Remove this link"
          onClick={onUnlink}
        >
          ×
        </button>
      )}
    </li>
  );
}

/** Grade… on a passage ungraded or graded by me; on another analyst's grade, disabled and saying whose it is. */
function GradeButton({ annotation }: { annotation: Annotation }) {
  const ownership = useGradeOwnership(annotation.id);
  const whose = ownership.mine ? undefined : `${ownedBy(ownership, 'grade')}: only they can change it`;
  return (
    <button
      type="button"
      className={styles.action}
      disabled={!ownership.mine}
      aria-label={whose && `Grade… (${whose})`}
      title={whose}
      onClick={() => openGrade(annotation)}
    >
      Grade…
    </button>
  );
}

export function CardEvidenceActions({ annotation }: { annotation: Annotation }) {
  return (
    <div className={styles.cardActions} role="group" aria-label="Evidence">
      <GradeButton annotation={annotation} />
      <button
        type="button"
        className={styles.action}
        onClick={() =>
          onStored(annotation, (annotationId, quote) =>
            evidenceDialogs.show({ kind: 'link', annotationId, documentId: annotation.documentId, quote }),
          )
        }
      >
        Link to…
      </button>
      <button
        type="button"
        className={styles.action}
        onClick={() =>
          onStored(annotation, (annotationId, quote) =>
            evidenceDialogs.show({ kind: 'newClaim', passage: { kind: 'annotation', annotationId, quote } }),
          )
        }
      >
        Make claim…
      </button>
      <button
        type="button"
        className={styles.action}
        onClick={() =>
          onStored(annotation, (annotationId, quote) =>
            evidenceDialogs.show({ kind: 'addToClaim', annotationId, quote }),
          )
        }
      >
        Add to claim…
      </button>
    </div>
  );
}
