// The two small dialogs of importing: the password of an encrypted file (“Password for
// NAME”, asked again when wrong) and a web address to fetch (“Import from a Web Address”).
import { useId, useState } from 'react';
import { useStore } from '../app/store';
import { dialogStyles, FormFooter, Modal } from '../ui/Dialogs';
import { withWebScheme } from '../../../shared/web-address';
import { passwordPrompt } from './password-prompt';

/** Shows the first waiting password request; Open retries the import with it, Cancel imports nothing. */
export function PasswordDialog() {
  const request = useStore(passwordPrompt, (state) => state.queue[0]);
  const ids = useId();
  const [value, setValue] = useState('');
  if (!request) return null;
  const answer = (password: string | null) => {
    setValue('');
    request.answer(password);
  };
  return (
    // Keyed by the request, so a re-ask after a wrong password starts from an empty field.
    <Modal
      key={`${request.fileName}-${String(request.wrong)}`}
      labelledBy={`${ids}-title`}
      describedBy={`${ids}-body`}
      onCancel={() => answer(null)}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (value !== '') answer(value);
        }}
      >
        <h2 id={`${ids}-title`}>Password for {request.fileName}</h2>
        <p id={`${ids}-body`} className={dialogStyles.body}>
          {request.wrong
            ? 'Type the password again, or cancel to import nothing.'
            : 'This file is encrypted. Its password is used to open it once and is not kept.'}
        </p>
        <label className={dialogStyles.field}>
          Password
          <input
            type="password"
            autoFocus
            autoComplete="off"
            value={value}
            aria-invalid={request.wrong}
            onChange={(event) => setValue(event.currentTarget.value)}
          />
        </label>
        <FormFooter
          error={request.wrong ? 'The password was wrong.' : undefined}
          busy={false}
          canSubmit={value !== ''}
          submitLabel="Open"
          busyLabel="Opening…"
          onCancel={() => answer(null)}
        />
      </form>
    </Modal>
  );
}

/** Takes a web address; Import starts fetching it (with its progress bar) and closes the dialog. */
export function UrlImportDialog({ onImport, onClose }: { onImport: (url: string) => void; onClose: () => void }) {
  const ids = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = () => {
    // Typed without a scheme, an address gets the one a browser would give it (see withWebScheme).
    const address = withWebScheme(value);
    if (address === undefined) {
      setError('Type a web address, such as example.org/report.');
      return;
    }
    if (!/^https?:\/\/\S+$/i.test(address)) {
      setError('Only http:// and https:// addresses can be imported.');
      return;
    }
    onImport(address);
  };
  return (
    <Modal labelledBy={`${ids}-title`} describedBy={`${ids}-body`} onCancel={onClose}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <h2 id={`${ids}-title`}>Import from a Web Address</h2>
        <p id={`${ids}-body`} className={dialogStyles.body}>
          The page (or a PDF, Word file or other document it links straight to) is fetched now and kept with its address
          and the time it was fetched.
        </p>
        <label className={dialogStyles.field}>
          Web address
          <input
            type="url"
            autoFocus
            inputMode="url"
            placeholder="https://example.org/report"
            value={value}
            aria-invalid={error !== undefined}
            onChange={(event) => {
              setValue(event.currentTarget.value);
              setError(undefined);
            }}
          />
        </label>
        <FormFooter
          error={error}
          busy={false}
          canSubmit={value.trim() !== ''}
          submitLabel="Import"
          busyLabel="Importing…"
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}
