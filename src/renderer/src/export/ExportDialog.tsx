// The Export › Annotated PDF dialog: which documents, paper, colors, what to include and
// which annotations; then a progress bar while the core lays out pages, and a download.
// Warnings (characters no font has) are shown in the dialog before it closes.
import { useEffect, useId, useMemo, useState } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import type { PdfExportOptions } from '../../../shared/export-options';
import type { AppInfo, DocumentSummary } from '../../../shared/model';
import { countOf } from '../../../shared/plural';
import type { ExportChoices } from '../app/dialogs-store';
import { reportFailure } from '../app/notifications/store';
import { FormFooter, Modal, dialogStyles } from '../ui/Dialogs';
import { DocumentPicker } from '../ui/DocumentPicker';
import { FilterFields, PaperAndIncludeFields, splitList } from './ExportFields';
import { emptyIncludeOptions, useExportContents } from './export-contents';
import { filterOutcome, useAnnotationsOf } from './filter-outcome';
import type { ExportPhase } from './useExport';
import { useExport } from './useExport';
import styles from './ExportDialog.module.css';

interface ExportDialogProps {
  client: MarginaliaClient;
  documents: readonly DocumentSummary[];
  /** The choices on opening: those of the last export, or the defaults. */
  initial: ExportChoices;
  /** Told the choices of an export that went through, to offer them again at the next opening. */
  onExported: (choices: ExportChoices) => void;
  /** Where the app runs: the browser host can open the exported PDF in a tab. */
  host: AppInfo['host'] | undefined;
  onClose: () => void;
}

/** The tags that exist, offered while typing a tag filter. */
function useTagPaths(client: MarginaliaClient): string[] {
  const [tagPaths, setTagPaths] = useState<string[]>([]);
  useEffect(() => {
    void client.listTags({}).then((result) => {
      if (result.ok) setTagPaths(result.value.map((tag) => tag.path));
      else reportFailure("Couldn't list the tags to filter by", result.error);
    });
  }, [client]);
  return tagPaths;
}

function ExportProgress({ phase }: { phase: Extract<ExportPhase, { kind: 'exporting' }> }) {
  const percent = Math.min(100, Math.round((phase.done / phase.total) * 100));
  const text = phase.stage === 'layout' ? `Laying out page ${phase.done + 1}` : 'Writing the PDF';
  return (
    <div className={styles.progress}>
      <progress max={100} value={percent} aria-label="Export progress" aria-valuetext={text} />
      <span>{text}…</span>
    </div>
  );
}

/** After an export with warnings: what was exported and every warning, until the person has read them. */
function ExportWarnings({
  titleId,
  phase,
  onClose,
}: { titleId: string; phase: Extract<ExportPhase, { kind: 'warned' }> } & { onClose: () => void }) {
  const { warnings, summary } = phase;
  return (
    <>
      <h2 id={titleId}>Exported, with {warnings.length === 1 ? 'a warning' : countOf(warnings.length, 'warning')}</h2>
      <p className={dialogStyles.body}>{summary}</p>
      <ul className={styles.warnings} aria-label="Warnings">
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
      <div className={dialogStyles.actions}>
        <button type="button" className="button button--primary" autoFocus onClick={onClose}>
          OK
        </button>
      </div>
    </>
  );
}

export function ExportDialog(props: ExportDialogProps) {
  const { client, documents, initial, onExported, host, onClose } = props;
  const ids = useId();
  const [selected, setSelected] = useState<string[]>(() => [...initial.documentIds]);
  const [options, setOptions] = useState<PdfExportOptions>(initial.options);
  const [tagText, setTagText] = useState(() => initial.options.tags.join(', '));
  const [authorText, setAuthorText] = useState(() => initial.options.authors.join(', '));
  const tagPaths = useTagPaths(client);
  const { phase, run } = useExport(client, host, onClose);
  const exporting = phase.kind === 'exporting';
  const ordered = useMemo(
    () => documents.filter((doc) => selected.includes(doc.id)).map((doc) => doc.id),
    [documents, selected],
  );
  const chosen = { ...options, tags: splitList(tagText), authors: splitList(authorText) };
  const outcome = filterOutcome(useAnnotationsOf(client, ordered), chosen);
  const contents = useExportContents(client, ordered);
  const empty = emptyIncludeOptions(contents?.chosen);
  const change = <K extends keyof PdfExportOptions>(key: K, value: PdfExportOptions[K]) =>
    setOptions((previous) => ({ ...previous, [key]: value }));
  const submit = async () => {
    if (await run(ordered, chosen)) onExported({ documentIds: ordered, options: chosen });
  };

  return (
    <Modal labelledBy={`${ids}-title`} onCancel={onClose} busy={exporting} wide>
      {phase.kind === 'warned' ? (
        <ExportWarnings titleId={`${ids}-title`} phase={phase} onClose={onClose} />
      ) : (
        <>
          <h2 id={`${ids}-title`}>Export annotated PDF</h2>
          <form
            className={dialogStyles.form}
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <fieldset disabled={exporting}>
              <legend>Documents</legend>
              <p className={dialogStyles.hint}>Several documents go into one PDF, each starting on a new page.</p>
              <DocumentPicker
                documents={documents}
                selected={selected}
                onChange={setSelected}
                {...(contents ? { annotationCounts: contents.annotationsByDocument } : {})}
              />
            </fieldset>
            <PaperAndIncludeFields options={options} change={change} disabled={exporting} empty={empty} />
            <FilterFields
              options={options}
              change={change}
              disabled={exporting}
              idPrefix={ids}
              tagPaths={tagPaths}
              tagText={tagText}
              onTagText={setTagText}
              authorText={authorText}
              onAuthorText={setAuthorText}
              outcome={outcome}
              empty={empty}
            />
            {phase.kind === 'exporting' && <ExportProgress phase={phase} />}
            <FormFooter
              error={phase.kind === 'failed' ? phase.message : undefined}
              busy={exporting}
              canSubmit={ordered.length > 0 && !outcome.keepsNothing}
              submitLabel="Export PDF"
              busyLabel="Exporting…"
              onCancel={onClose}
            />
          </form>
        </>
      )}
    </Modal>
  );
}
