// The margin beside the text: which annotations get a card, and the cards themselves.
import { useMemo } from 'react';
import type { Annotation, Reply } from '../../../shared/annotations';
import type { AnnotationController } from '../annotations/controller';
import { isProvisional } from '../annotations/controller';
import { MarginNotes } from '../annotations/MarginNotes';
import { ErrorBoundary } from '../ui/ErrorBoundary';

/** Cards: notes, tags, point and document notes, the selected highlight, and any with replies. */
export function useCardAnnotations(controller: AnnotationController, shown: readonly Annotation[]) {
  const { replies, selectedId } = controller;
  const repliesByAnnotation = useMemo(() => {
    const byAnnotation = new Map<string, Reply[]>();
    for (const reply of replies)
      byAnnotation.set(reply.annotationId, [...(byAnnotation.get(reply.annotationId) ?? []), reply]);
    return byAnnotation;
  }, [replies]);
  const annotations = useMemo(
    () =>
      shown.filter(
        (annotation) =>
          !isProvisional(annotation) &&
          (annotation.note.text !== '' ||
            annotation.kind !== 'highlight' ||
            annotation.id === selectedId ||
            repliesByAnnotation.has(annotation.id)),
      ),
    [shown, selectedId, repliesByAnnotation],
  );
  return { annotations, repliesByAnnotation };
}

export interface ReaderMarginProps {
  document: { id: string };
  controller: AnnotationController;
  cards: ReturnType<typeof useCardAnnotations>;
  anchorTops: Map<string, number>;
  report: (title: string, message: string) => void;
  myAuthorId: string | null;
}

export function ReaderMargin({ document: doc, controller, cards, anchorTops, report, myAuthorId }: ReaderMarginProps) {
  return (
    <ErrorBoundary region="margin notes" placement="column" resetKeys={[doc.id]} onRetry={() => controller.refresh()}>
      <MarginNotes
        annotations={cards.annotations}
        anchorTops={anchorTops}
        selectedId={controller.selectedId}
        focus={controller.focus}
        tags={controller.tags}
        myAuthorId={myAuthorId}
        replies={cards.repliesByAnnotation}
        actions={{
          reply: (id, markdown) => controller.reply(id, markdown),
          deleteReply: (id) => void controller.deleteReply(id),
          select: (id) => controller.select(id),
          saveNote: (id, json) => void controller.update(id, { noteLexicalJson: json }),
          setColor: (id, color) => void controller.update(id, { color }),
          addTag: (id, path) => void controller.addTag(id, path),
          removeTag: (id, path) => void controller.removeTag(id, path),
          remove: (id) => void controller.remove([id]),
          report,
          takeTyped: controller.takeTyped,
        }}
      />
    </ErrorBoundary>
  );
}
