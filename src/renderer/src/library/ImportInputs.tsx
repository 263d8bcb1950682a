// The library's commands and the ways files come in: the hidden file choosers behind Import…
// and Import notes…, a web address (Import from a Web Address…), dropping files anywhere on
// the window (with its overlay), an encrypted file's password, and Delete Document….
import { useCallback, useRef, useState } from 'react';
import { IMPORTABLE_EXTENSIONS } from '../../../shared/model';
import { useCommandHandler } from '../commands';
import { useSession, useStores } from '../app/stores';
import { HiddenFileInput } from '../ui/HiddenFileInput';
import { DropOverlay, useFileDrop } from './DropOverlay';
import { confirmDeletion } from './deletion';
import { importFiles, importWebAddress } from './import-files';
import { PasswordDialog, UrlImportDialog } from './ImportDialogs';

/** Every ending the library takes (the bytes decide the type in the end), and the MIME types that stand for them. */
const DOCUMENT_TYPES = [
  ...Object.keys(IMPORTABLE_EXTENSIONS),
  'text/plain',
  'text/markdown',
  'text/html',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/epub+zip',
  'message/rfc822',
  'application/mbox',
  'multipart/related',
].join(',');

export function ImportInputs() {
  const stores = useStores();
  const documentInput = useRef<HTMLInputElement>(null);
  const bundleInput = useRef<HTMLInputElement>(null);
  const importChosen = useCallback((files: File[]) => void importFiles(stores, files), [stores]);
  useCommandHandler('import', () => documentInput.current?.click());
  useCommandHandler('importNotes', () => bundleInput.current?.click());
  const [askingUrl, setAskingUrl] = useState(false);
  useCommandHandler('importUrl', () => setAskingUrl(true));
  const current = useSession((state) => state.current);
  useCommandHandler('deleteDocument', () => current && confirmDeletion(stores, current), current !== null);
  const dragging = useFileDrop(importChosen);
  return (
    <>
      <HiddenFileInput
        ref={bundleInput}
        accept=".mnb"
        testId="import-notes-input"
        onFiles={(files) => importChosen(files.slice(0, 1))}
      />
      <HiddenFileInput
        ref={documentInput}
        multiple
        accept={DOCUMENT_TYPES}
        testId="import-input"
        onFiles={importChosen}
      />
      {dragging && <DropOverlay />}
      {askingUrl && (
        <UrlImportDialog
          onClose={() => setAskingUrl(false)}
          onImport={(url) => {
            setAskingUrl(false);
            void importWebAddress(stores, url);
          }}
        />
      )}
      <PasswordDialog />
    </>
  );
}
