// The contract's document calls: list, open, read the text, remove, and where each document
// was last being read.
import type { ContractHandlers } from '../shared/contract';
import type { DocumentRepository } from './documents';
import type { EventBus } from './events';
import type { ReadingPlaces } from './reading-places';

type DocumentHandlers = Pick<
  ContractHandlers,
  'listDocuments' | 'getDocument' | 'getDocumentText' | 'removeDocument' | 'getReadingPlace' | 'saveReadingPlace'
>;

export function documentHandlers(
  documents: DocumentRepository,
  places: ReadingPlaces,
  events: EventBus,
): DocumentHandlers {
  return {
    listDocuments: () => documents.list(),
    getDocument: ({ id }) => documents.detail(id),
    getDocumentText: ({ id }) => ({ text: documents.canonicalText(id) }),
    removeDocument: ({ id }) => {
      documents.remove(id);
      events.emit('libraryChanged', { reason: 'removed' });
      return { removed: true };
    },
    getReadingPlace: ({ documentId }) => ({ offset: places.get(documentId) }),
    saveReadingPlace: ({ documentId, offset }) => {
      places.save(documentId, offset);
      return { saved: true };
    },
  };
}
