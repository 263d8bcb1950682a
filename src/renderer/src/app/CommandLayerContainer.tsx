// The command palette, shortcuts and context menu, given the library and the way to open a document.
import { CommandLayer } from '../commands';
import { focusText } from './SkipLinks';
import { useSession, useStores } from './stores';

export function CommandLayerContainer() {
  const { client, session } = useStores();
  const documents = useSession((state) => state.documents);
  return (
    <CommandLayer
      client={client}
      documents={documents ?? []}
      // A document chosen from the palette is there to be read: the text takes focus once it shows.
      onOpenDocument={(id) => void session.openDocument(id).then(() => requestAnimationFrame(focusText))}
    />
  );
}
