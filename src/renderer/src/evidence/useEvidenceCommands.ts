// The evidence commands of the reader, registered where the selection and the selected
// annotation are known: Grade… and Link to… act on the selected annotation, Make claim… on
// the selection (else the selected annotation), Add to claim… on the selected annotation.
import type { Annotation } from '../../../shared/annotations';
import { annotationLabel } from '../../../shared/annotations';
import type { AnnotationController } from '../annotations/controller';
import { isProvisional } from '../annotations/controller';
import { useCommandHandler } from '../commands';
import { evidenceDialogs } from './dialogs';

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

export function useEvidenceCommands({ controller, annotations, documentId, span, editing }: EvidenceCommandsInput) {
  const selected = annotations.find((annotation) => annotation.id === controller.selectedId);
  // A highlight still on its way to the store has no id the store knows yet.
  const target = !editing && selected && !isProvisional(selected) ? selected : null;
  const quote = target ? annotationLabel(target) : '';
  useCommandHandler(
    'gradeAnnotation',
    () => target && evidenceDialogs.show({ kind: 'grade', annotationId: target.id, quote }),
    target !== null,
  );
  useCommandHandler(
    'linkAnnotation',
    () => target && evidenceDialogs.show({ kind: 'link', annotationId: target.id, documentId, quote }),
    target !== null,
  );
  useCommandHandler(
    'addToClaim',
    () => target && evidenceDialogs.show({ kind: 'addToClaim', annotationId: target.id, quote }),
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
      } else if (target) {
        evidenceDialogs.show({ kind: 'newClaim', passage: { kind: 'annotation', annotationId: target.id, quote } });
      }
    },
    claimFromSelection || target !== null,
  );
}
