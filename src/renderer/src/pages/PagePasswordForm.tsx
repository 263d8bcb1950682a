// Asks for an encrypted PDF's password inside the original page view: the password is sent
// with the page request and kept by the core in memory for this session only.
import { useState } from 'react';
import { dialogStyles } from '../ui/Dialogs';
import styles from './OriginalPage.module.css';

export function PagePasswordForm({
  message,
  wrong,
  onOpen,
}: {
  message: string;
  wrong: boolean;
  onOpen: (password: string) => void;
}) {
  const [value, setValue] = useState('');
  return (
    <form
      className={styles.password}
      onSubmit={(event) => {
        event.preventDefault();
        if (value !== '') onOpen(value);
      }}
    >
      <p className={wrong ? styles.error : dialogStyles.body} role={wrong ? 'alert' : undefined}>
        {message}
      </p>
      <label className={dialogStyles.field}>
        Password
        <input
          type="password"
          autoFocus
          autoComplete="off"
          value={value}
          aria-invalid={wrong}
          onChange={(event) => setValue(event.currentTarget.value)}
        />
      </label>
      <p className={dialogStyles.body}>It is kept only while Marginalia is open, never saved.</p>
      <button type="submit" className="button button--primary" disabled={value === ''}>
        Open
      </button>
    </form>
  );
}
