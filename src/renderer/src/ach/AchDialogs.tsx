// The analyses' small dialogs: one text (a question, a hypothesis) and a cell's rating with
// its note. Each submits through the contract and stays open with the error when that fails.
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import type { AchRating } from '../../../shared/evidence';
import { ACH_RATINGS } from '../../../shared/evidence';
import { FormFooter, Modal, dialogStyles } from '../ui/Dialogs';
import { RATING_NAMES, RATING_TEXT } from './ach-labels';
import styles from './Ach.module.css';

const MAX_TEXT = 2000;

interface TextDialogProps {
  title: string;
  label: string;
  initial?: string;
  submitLabel: string;
  /** Resolves to an error message, or null when it worked (the dialog then closes). */
  onSubmit: (value: string) => Promise<string | null>;
  onCancel: () => void;
}

export function TextDialog({ title, label, initial = '', submitLabel, onSubmit, onCancel }: TextDialogProps) {
  const ids = useId();
  const [value, setValue] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() === '') return;
    setBusy(true);
    const failed = await onSubmit(value.trim());
    setBusy(false);
    if (failed !== null) setError(failed);
  };
  return (
    <Modal labelledBy={`${ids}-title`} onCancel={onCancel} busy={busy}>
      <form className={dialogStyles.form} onSubmit={(event) => void submit(event)}>
        <h2 id={`${ids}-title`}>{title}</h2>
        <label className={dialogStyles.field}>
          {label}
          <input autoFocus value={value} maxLength={MAX_TEXT} onChange={(event) => setValue(event.target.value)} />
        </label>
        <FormFooter
          error={error}
          busy={busy}
          canSubmit={value.trim() !== ''}
          submitLabel={submitLabel}
          busyLabel="Saving…"
          onCancel={onCancel}
        />
      </form>
    </Modal>
  );
}

interface CellDialogProps {
  evidence: string;
  hypothesis: string;
  rating: AchRating | null;
  note: string;
  onSubmit: (rating: AchRating, note: string) => void;
  onCancel: () => void;
}

/** A cell's rating and note ("Rating and note"), opened with Enter on the cell. */
export function CellDialog({ evidence, hypothesis, rating, note, onSubmit, onCancel }: CellDialogProps) {
  const ids = useId();
  const [chosen, setChosen] = useState<AchRating>(rating ?? 'N');
  const [text, setText] = useState(note);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(chosen, text.trim());
  };
  return (
    <Modal labelledBy={`${ids}-title`} describedBy={`${ids}-what`} onCancel={onCancel}>
      <form className={dialogStyles.form} onSubmit={submit}>
        <h2 id={`${ids}-title`}>Rating and note</h2>
        <p id={`${ids}-what`} className={dialogStyles.hint}>
          “{evidence}” against “{hypothesis}”
        </p>
        <label className={dialogStyles.field}>
          Note
          <textarea
            autoFocus
            rows={4}
            className={styles.noteField}
            value={text}
            maxLength={MAX_TEXT}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <fieldset>
          <legend>Rating</legend>
          <div className={styles.ratingChoices}>
            {ACH_RATINGS.map((choice) => (
              <label key={choice}>
                <input
                  type="radio"
                  name={`${ids}-rating`}
                  checked={chosen === choice}
                  onChange={() => setChosen(choice)}
                />{' '}
                {RATING_TEXT[choice]} <span className={styles.muted}>{RATING_NAMES[choice]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <FormFooter
          error={undefined}
          busy={false}
          canSubmit
          submitLabel="Save"
          busyLabel="Saving…"
          onCancel={onCancel}
        />
      </form>
    </Modal>
  );
}
