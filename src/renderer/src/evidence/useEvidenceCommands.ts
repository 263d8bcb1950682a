// The evidence commands of the reader, registered where the selection and the selected
// annotation are known: Grade… and Link to… act on the selected annotation, Make claim… on
// the selection (else the selected annotation), Add to claim… on the selected annotation.
import type { Annotation } from '../../../shared/annotations';
import { annotationLabel } from '../../../shared/annotations';
import type { AnnotationController } from '../annotations/controller';
import { annotationSelection, isProvisional } from '../annotations/controller';
import { notifications } from '../app/notifications/store';
import { useCommandHandler } from '../commands';
import { evidenceDialogs } from './dialogs';
import { onlyTheirs, useOwnership } from './ownership';
import { useEvidence } from './use-evidence';

export interface EvidenceCommandsInput {
  controller: AnnotationController;
  annotations: readonly Annotation[];
  documentId: string;
  span: { start: number; end: number } | null;
  editing: boolean;
}

/** The words of the reader's selection, for the dialog to quote. */
function selectedWords(): string {
  const text = window.getSelection()?.toString().replace(/\s+/g, ' ').trim() ?? '';
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** How long a key pressed right after `h` waits for the new highlight to be stored. */
const STORED_WAIT_MS = 5000;

/**
 * The stored id of the selected annotation: at once, or, for a highlight still on its way to
 * the store (`h` then `g` at once), once the store answered and selected it; null if it never did.
 */
export function storedSelection(selectedId: string): Promise<string | null> {
  if (!isProvisional({ id: selectedId })) return Promise.resolve(selectedId);
  return new Promise((resolve) => {
    const finish = (id: string | null) => {
      stop();
      clearTimeout(timer);
      resolve(id);
    };
    const stop = annotationSelection.subscribe(() => {
      const id = annotationSelection.get().selectedId;
      if (id === null) finish(null);
      else if (!isProvisional({ id })) finish(id);
    });
    const timer = setTimeout(() => finish(null), STORED_WAIT_MS);
  });
}

export function useEvidenceCommands({ controller, annotations, documentId, span, editing }: EvidenceCommandsInput) {
  const selected = annotations.find((annotation) => annotation.id === controller.selectedId);
  const target = !editing && selected ? selected : null;
  const quote = target ? annotationLabel(target) : '';
  const onTarget = (open: (annotationId: string) => void) => () => {
    if (target) void storedSelection(target.id).then((id) => id && open(id));
  };
  // Another analyst's grade is theirs: `g` says so rather than open a dialog whose change would be refused.
  const grader = useEvidence((state) => (target ? state.grades.get(target.id)?.authorId : undefined));
  const grade = useOwnership()(grader ?? '');
  useCommandHandler(
    'gradeAnnotation',
    grade.mine
      ? onTarget((annotationId) => evidenceDialogs.show({ kind: 'grade', annotationId, quote }))
      : () => void notifications.notify(onlyTheirs(grade, 'grade'), 'info'),
    target !== null,
  );
  useCommandHandler(
    'linkAnnotation',
    onTarget((annotationId) => evidenceDialogs.show({ kind: 'link', annotationId, documentId, quote })),
    target !== null,
  );
  useCommandHandler(
    'addToClaim',
    onTarget((annotationId) => evidenceDialogs.show({ kind: 'addToClaim', annotationId, quote })),
    target !== null,
  );
  const claimFromSelection = !editing && span !== null && span.end > span.start;
  useCommandHandler(
    'makeClaim',
    () => {
      if (claimFromSelection) {
        const { start, end } = span;
        const passage = { kind: 'selection' as const, documentId, start, end, quote: selectedWords() };
        evidenceDialogs.show({ kind: 'newClaim', passage });
      } else {
        onTarget((annotationId) =>
          evidenceDialogs.show({ kind: 'newClaim', passage: { kind: 'annotation', annotationId, quote } }),
        )();
      }
    },
    claimFromSelection || target !== null,
  );
}
