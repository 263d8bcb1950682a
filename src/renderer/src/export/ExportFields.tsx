// The export dialog's option groups: paper and colors, what to include, and which
// annotations (by tag, author and color). Each is a fieldset the dialog disables while busy.
import type { HighlightColor } from '../../../shared/annotations';
import { HIGHLIGHT_COLORS } from '../../../shared/annotations';
import { HIGHLIGHT_PALETTE } from '../../../shared/palette';
import type { PdfExportOptions } from '../../../shared/export-options';
import { dialogStyles } from '../ui/Dialogs';
import type { IncludeOption } from './export-contents';
import type { FilterOutcome } from './filter-outcome';
import styles from './ExportDialog.module.css';

/** A comma-separated filter field's values. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

type Change = <K extends keyof PdfExportOptions>(key: K, value: PdfExportOptions[K]) => void;

interface OptionsProps {
  options: PdfExportOptions;
  change: Change;
  disabled: boolean;
}

/**
 * One checkbox bound to a boolean option. With nothing behind it in the ticked documents it is
 * shown disabled, saying “(none)”, keeping the person's choice for documents that have some.
 */
function OptionBox({
  options,
  change,
  name,
  label,
  empty,
}: Omit<OptionsProps, 'disabled'> & { name: IncludeOption; label: string; empty: ReadonlySet<IncludeOption> }) {
  const none = empty.has(name);
  return (
    <label className={none ? styles.none : undefined}>
      <input
        type="checkbox"
        checked={options[name]}
        disabled={none}
        onChange={(event) => change(name, event.target.checked)}
      />{' '}
      {none ? `${label} (none)` : label}
    </label>
  );
}

export function PaperAndIncludeFields({
  options,
  change,
  disabled,
  empty,
}: OptionsProps & { empty: ReadonlySet<IncludeOption> }) {
  const box = { options, change, empty };
  return (
    <div className={styles.columns}>
      <fieldset disabled={disabled}>
        <legend>Paper</legend>
        <label>
          <input type="radio" name="paper" checked={options.paper === 'a4'} onChange={() => change('paper', 'a4')} /> A4
        </label>
        <label>
          <input
            type="radio"
            name="paper"
            checked={options.paper === 'letter'}
            onChange={() => change('paper', 'letter')}
          />{' '}
          Letter
        </label>
        <label>
          <input
            type="checkbox"
            checked={options.colorScheme === 'print'}
            onChange={(event) => change('colorScheme', event.target.checked ? 'print' : 'screen')}
          />{' '}
          Print-friendly colors
        </label>
      </fieldset>
      <fieldset disabled={disabled}>
        <legend>Include</legend>
        <OptionBox {...box} name="includeNotes" label="Notes" />
        <OptionBox {...box} name="includeTags" label="Tags" />
        <OptionBox {...box} name="includeAppendix" label="Appendix by tag" />
        <OptionBox {...box} name="includeOrphans" label="Orphaned annotations" />
        <OptionBox {...box} name="includeEvidence" label="Claims and sources" />
      </fieldset>
    </div>
  );
}

interface FilterProps extends OptionsProps {
  idPrefix: string;
  tagPaths: readonly string[];
  tagText: string;
  onTagText: (text: string) => void;
  authorText: string;
  onAuthorText: (text: string) => void;
  /** How many annotations the filters keep, or which filter matches nothing. */
  outcome: FilterOutcome;
  /** The include options with nothing behind them in the ticked documents. */
  empty: ReadonlySet<IncludeOption>;
}

export function FilterFields(props: FilterProps) {
  const {
    options,
    change,
    disabled,
    idPrefix,
    tagPaths,
    tagText,
    onTagText,
    authorText,
    onAuthorText,
    outcome,
    empty,
  } = props;
  // The note on Claims and sources is about filtering: it says nothing while nothing is filtered,
  // nor when the ticked documents have no claims or sources to narrow.
  const filtering = options.colors.length > 0 || splitList(tagText).length > 0 || splitList(authorText).length > 0;
  const toggleColor = (color: HighlightColor) =>
    change(
      'colors',
      options.colors.includes(color) ? options.colors.filter((value) => value !== color) : [...options.colors, color],
    );
  return (
    <fieldset disabled={disabled}>
      <legend>Only these annotations</legend>
      <label className={dialogStyles.field}>
        Tags (comma-separated, children included)
        <input
          type="text"
          list={`${idPrefix}-tags`}
          value={tagText}
          onChange={(event) => onTagText(event.target.value)}
          placeholder="All tags"
        />
        <datalist id={`${idPrefix}-tags`}>
          {tagPaths.map((path) => (
            <option key={path} value={path} />
          ))}
        </datalist>
      </label>
      <label className={dialogStyles.field}>
        Authors (comma-separated)
        <input
          type="text"
          value={authorText}
          onChange={(event) => onAuthorText(event.target.value)}
          placeholder="All authors"
        />
      </label>
      <div className={styles.colors} role="group" aria-label="Colors">
        {HIGHLIGHT_COLORS.map((color) => (
          <label key={color} className={styles.color} title={HIGHLIGHT_PALETTE[color].label}>
            <input type="checkbox" checked={options.colors.includes(color)} onChange={() => toggleColor(color)} />
            <span
              className={styles.swatch}
              style={{ background: HIGHLIGHT_PALETTE[color].swatch }}
              aria-hidden="true"
            />
            {HIGHLIGHT_PALETTE[color].label}
          </label>
        ))}
      </div>
      <p
        className={
          outcome.message === null ? undefined : `${styles.kept} ${outcome.keepsNothing ? styles.keepsNothing : ''}`
        }
        role="status"
        aria-label="Annotations kept"
      >
        {outcome.message}
      </p>
      {options.includeEvidence && !empty.has('includeEvidence') && filtering && (
        <p className={dialogStyles.hint}>
          Claims and sources lists only the claims and sources of these annotations; each analysis of competing
          hypotheses stays whole.
        </p>
      )}
    </fieldset>
  );
}
