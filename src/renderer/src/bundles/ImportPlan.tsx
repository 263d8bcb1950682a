// What a note bundle would do, shown before anything is written: who signed it, the
// changes it brings, and for each document whose text differs, where its notes should go.
import { useId } from 'react';
import type { BundlePlan, BundlePlanDocument, DocumentChoice } from '../../../shared/bundles';
import { DOCUMENT_CHOICE_TEXT, differingVersions, evidencePlanLines, refusedSummary } from '../../../shared/bundles';
import { countOf } from '../../../shared/plural';
import { dialogStyles } from '../ui/Dialogs';
import styles from './NotesDialogs.module.css';

export function planLines(plan: BundlePlan): string[] {
  const { annotations, replies } = plan;
  return [
    ...plan.documents.map((document) =>
      document.status === 'text differs'
        ? `Document (your text differs; ${differingVersions(document)}): ${document.title}`
        : `${document.status === 'new' ? 'New document' : 'Document'}: ${document.title}`,
    ),
    [
      `Annotations: ${annotations.added} new, ${annotations.updated} updated, ${annotations.unchanged} unchanged`,
      annotations.keptLocal ? `, ${annotations.keptLocal} kept as yours are` : '',
      annotations.deleted ? `, ${annotations.deleted} deleted` : '',
      annotations.orphaned ? `, ${annotations.orphaned} without a place in your text (orphaned)` : '',
    ].join(''),
    `Replies: ${replies.added} new, ${replies.updated} updated, ${replies.unchanged} unchanged`,
    ...plan.byAuthor.map(
      (author) =>
        `By ${author.name}: ${countOf(author.annotations, 'annotation')}, ${countOf(author.replies, 'reply', 'replies')}`,
    ),
    ...evidencePlanLines(plan),
    ...(plan.refused > 0 ? [refusedSummary(plan)] : []),
  ];
}

/** Who signed the bundle, and whether their key is one seen before. */
export function SignerLine({ signer }: { signer: BundlePlan['signer'] }) {
  return (
    <p className={signer.signed ? styles.signer : `${styles.signer} ${styles.unsigned}`} role="status">
      {signer.signed
        ? `Signed by ${signer.name} (${signer.fingerprint})`
        : `Not signed; it says it is from ${signer.name}`}
      {signer.signed &&
        (signer.own
          ? ' — your own key.'
          : signer.known
            ? ' — a key you have imported from before.'
            : ' — the first time you see this key.')}
      {signer.claim && `. ${signer.claim}`}
    </p>
  );
}

/** For a document whose text differs from mine: apply its notes to my copy, or add it beside mine. */
function DocumentChoiceField({
  document,
  choice,
  onChoose,
}: {
  document: BundlePlanDocument;
  choice: DocumentChoice;
  onChoose: (choice: DocumentChoice) => void;
}) {
  const name = useId();
  return (
    <fieldset className={styles.choice}>
      <legend>
        “{document.title}” differs from your copy
        {document.localTitle && document.localTitle !== document.title ? ` (“${document.localTitle}”)` : ''} (
        {differingVersions(document)})
      </legend>
      <p className={dialogStyles.hint}>{DOCUMENT_CHOICE_TEXT.explanation}</p>
      <label>
        <input type="radio" name={name} checked={choice === 'merge'} onChange={() => onChoose('merge')} />{' '}
        {DOCUMENT_CHOICE_TEXT.merge}
      </label>
      <label>
        <input type="radio" name={name} checked={choice === 'copy'} onChange={() => onChoose('copy')} />{' '}
        {DOCUMENT_CHOICE_TEXT.copy}
      </label>
    </fieldset>
  );
}

interface PlanProps {
  plan: BundlePlan;
  choices: Record<string, DocumentChoice>;
  onChoose: (bundleDocumentId: string, choice: DocumentChoice) => void;
}

/** The plan's lines, then a choice for each document whose text differs. */
export function ImportPlan({ plan, choices, onChoose }: PlanProps) {
  return (
    <>
      <ul className={styles.plan} aria-label="What importing changes">
        {planLines(plan).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {plan.documents
        .filter((document) => document.status === 'text differs')
        .map((document) => (
          <DocumentChoiceField
            key={document.bundleDocumentId}
            document={document}
            choice={choices[document.bundleDocumentId] ?? 'merge'}
            onChoose={(choice) => onChoose(document.bundleDocumentId, choice)}
          />
        ))}
    </>
  );
}
