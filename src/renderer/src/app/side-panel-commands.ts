// The side panel's commands: show or hide it, open a tab, and find in the document or the library.
import { useCommandHandler } from '../commands';
import { useStores } from './stores';

export function useSidePanelCommands(): void {
  const { panels, session } = useStores();
  useCommandHandler('toggleLibrary', () => panels.toggle());
  useCommandHandler('showLibrary', () => panels.show('library'));
  useCommandHandler('showAnnotations', () => panels.show('annotations'));
  useCommandHandler('showTags', () => panels.show('tags'));
  useCommandHandler('showSearch', () => panels.show('search'));
  useCommandHandler('showSource', () => panels.show('source'));
  useCommandHandler('showSources', () => panels.show('sources'));
  useCommandHandler('showClaims', () => panels.show('claims'));
  useCommandHandler('findInDocument', () => panels.find('document', session.currentId() !== null));
  useCommandHandler('findInLibrary', () => panels.find('library', session.currentId() !== null));
}
