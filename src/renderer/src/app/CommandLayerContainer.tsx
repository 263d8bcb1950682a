// The command palette, shortcuts and context menu, given the library and the way to open a document.
import { CommandLayer } from '../commands';
import { useSession, useStores } from './stores';

export function CommandLayerContainer() {
  const { client, session } = useStores();
  const documents = useSession((state) => state.documents);
  return (
    <CommandLayer client={client} documents={documents ?? []} onOpenDocument={(id) => void session.openDocument(id)} />
  );
}
