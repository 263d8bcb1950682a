// Opening a passage from the evidence views: its document opens (when another is open), its
// annotation is selected and the reader scrolls to its text.
import type { PassageRef } from '../../../shared/evidence';
import { reportFailure } from '../app/notifications/store';
import { useController, useStores } from '../app/stores';

export function usePassageOpener(): (passage: Pick<PassageRef, 'annotationId' | 'documentId'>) => Promise<void> {
  const { client, session, panels } = useStores();
  const controller = useController();
  return async ({ annotationId, documentId }) => {
    const result = await client.getAnnotations({ ids: [annotationId] });
    if (!result.ok) return void reportFailure("Couldn't open the passage", result.error.message);
    const annotation = result.value[0];
    if (!annotation) return void reportFailure("Couldn't open the passage", 'Its annotation was deleted.');
    if (documentId !== session.currentId()) await session.openDocument(annotation.documentId);
    if (session.currentId() !== annotation.documentId) return;
    controller.select(annotation.id);
    const target = annotation.target;
    // An orphan has no text to scroll to: the Annotations panel lists it.
    if (!target || annotation.anchor.status === 'orphan') panels.show('annotations');
    else controller.scrollTo(target.position.start, target.position.end);
  };
}
