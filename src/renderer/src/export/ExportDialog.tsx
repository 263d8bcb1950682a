// The Export › Annotated PDF dialog: which documents, paper, colors, what to include and
// which annotations; then a progress bar while the core lays out pages, and a download.
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { HighlightColor } from '../../../shared/annotations';
import { HIGHLIGHT_COLORS } from '../../../shared/annotations';
import { HIGHLIGHT_PALETTE } from '../../../shared/palette';
import type { MarginaliaClient } from '../../../shared/contract';
import type { PdfExportOptions, PdfExportResult } from '../../../shared/export-options';
import { DEFAULT_PDF_EXPORT_OPTIONS } from '../../../shared/export-options';
import type { DocumentSummary } from '../../../shared/model';
import { downloadBase64 } from '../ui/files';
import { notifyFailure } from '../app/notifications/store';
import { FormFooter, useModal } from '../ui/Dialogs';
import { DocumentPicker } from '../ui/DocumentPicker';

interface ExportDialogProps {
  client: MarginaliaClient;
  documents: readonly DocumentSummary[];
  currentId: string;
  onClose: () => void;
  onExported: (result: Omit<PdfExportResult, 'dataBase64'>) => void;
}

type Phase =
  | { kind: 'choosing' }
  | { kind: 'exporting'; done: number; total: number; stage: string }
  | { kind: 'failed'; message: string };

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function ExportDialog({ client, documents, currentId, onClose, onExported }: ExportDialogProps) {
  const ids = useId();
  const [selected, setSelected] = useState<string[]>(currentId ? [currentId] : []);
  const [options, setOptions] = useState<PdfExportOptions>(DEFAULT_PDF_EXPORT_OPTIONS);
  const [tagText, setTagText] = useState('');
  const [authorText, setAuthorText] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'choosing' });
  const [tagPaths, setTagPaths] = useState<string[]>([]);
  const exporting = phase.kind === 'exporting';
  const ref = useModal(onClose, exporting);

  useEffect(() => {
    void client.listTags({}).then((result) => {
      if (result.ok) setTagPaths(result.value.map((tag) => tag.path));
      else notifyFailure("Couldn't list the tags to filter by", result.error.message);
    });
  }, [client]);

  const ordered = useMemo(
    () => documents.filter((doc) => selected.includes(doc.id)).map((doc) => doc.id),
    [documents, selected],
  );

  const change = <K extends keyof PdfExportOptions>(key: K, value: PdfExportOptions[K]) =>
    setOptions((previous) => ({ ...previous, [key]: value }));

  const toggleColor = (color: HighlightColor) =>
    change(
      'colors',
      options.colors.includes(color) ? options.colors.filter((value) => value !== color) : [...options.colors, color],
    );

  const run = useCallback(async () => {
    if (ordered.length === 0) return;
    const jobId = `export-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    setPhase({ kind: 'exporting', done: 0, total: 1, stage: 'layout' });
    const stop = client.on('exportProgress', (event) => {
      if (event.jobId === jobId)
        setPhase({ kind: 'exporting', done: event.done, total: Math.max(1, event.total), stage: event.stage });
    });
    try {
      const result = await client.exportPdf({
        documentIds: ordered,
        options: { ...options, tags: splitList(tagText), authors: splitList(authorText) },
        jobId,
      });
      if (!result.ok) {
        setPhase({ kind: 'failed', message: result.error.message });
        return;
      }
      const { dataBase64, ...summary } = result.value;
      downloadBase64(summary.fileName, dataBase64, 'application/pdf');
      onExported(summary);
    } finally {
      stop();
    }
  }, [authorText, client, onExported, options, ordered, tagText]);

  const percent = phase.kind === 'exporting' ? Math.min(100, Math.round((phase.done / phase.total) * 100)) : 0;

  return (
    <dialog ref={ref} className="dialog dialog--wide export-dialog" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Export annotated PDF</h2>
      <form
        className="export-dialog__form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <fieldset disabled={exporting}>
          <legend>Documents</legend>
          <p className="export-dialog__hint">Several documents go into one PDF, each starting on a new page.</p>
          <DocumentPicker documents={documents} selected={selected} onChange={setSelected} />
        </fieldset>
        <div className="export-dialog__columns">
          <fieldset disabled={exporting}>
            <legend>Paper</legend>
            <label>
              <input
                type="radio"
                name="paper"
                checked={options.paper === 'a4'}
                onChange={() => change('paper', 'a4')}
              />{' '}
              A4
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
          <fieldset disabled={exporting}>
            <legend>Include</legend>
            <label>
              <input
                type="checkbox"
                checked={options.includeNotes}
                onChange={(event) => change('includeNotes', event.target.checked)}
              />{' '}
              Notes
            </label>
            <label>
              <input
                type="checkbox"
                checked={options.includeTags}
                onChange={(event) => change('includeTags', event.target.checked)}
              />{' '}
              Tags
            </label>
            <label>
              <input
                type="checkbox"
                checked={options.includeAppendix}
                onChange={(event) => change('includeAppendix', event.target.checked)}
              />{' '}
              Appendix by tag
            </label>
            <label>
              <input
                type="checkbox"
                checked={options.includeOrphans}
                onChange={(event) => change('includeOrphans', event.target.checked)}
              />{' '}
              Orphaned annotations
            </label>
          </fieldset>
        </div>
        <fieldset disabled={exporting}>
          <legend>Only these annotations</legend>
          <label className="export-dialog__field">
            Tags (comma-separated, children included)
            <input
              type="text"
              list={`${ids}-tags`}
              value={tagText}
              onChange={(event) => setTagText(event.target.value)}
              placeholder="All tags"
            />
            <datalist id={`${ids}-tags`}>
              {tagPaths.map((path) => (
                <option key={path} value={path} />
              ))}
            </datalist>
          </label>
          <label className="export-dialog__field">
            Authors (comma-separated)
            <input
              type="text"
              value={authorText}
              onChange={(event) => setAuthorText(event.target.value)}
              placeholder="All authors"
            />
          </label>
          <div className="export-dialog__colors" role="group" aria-label="Colors">
            {HIGHLIGHT_COLORS.map((color) => (
              <label key={color} className="export-dialog__color" title={HIGHLIGHT_PALETTE[color].label}>
                <input type="checkbox" checked={options.colors.includes(color)} onChange={() => toggleColor(color)} />
                <span
                  className="export-dialog__swatch"
                  style={{ background: HIGHLIGHT_PALETTE[color].swatch }}
                  aria-hidden="true"
                />
                {HIGHLIGHT_PALETTE[color].label}
              </label>
            ))}
          </div>
        </fieldset>
        {phase.kind === 'exporting' && (
          <div className="export-dialog__progress">
            <progress
              max={100}
              value={percent}
              aria-label="Export progress"
              aria-valuetext={phase.stage === 'layout' ? `Laying out page ${phase.done + 1}` : 'Writing the PDF'}
            />
            <span>{phase.stage === 'layout' ? `Laying out page ${phase.done + 1}…` : 'Writing the PDF…'}</span>
          </div>
        )}
        <FormFooter
          error={phase.kind === 'failed' ? phase.message : undefined}
          busy={exporting}
          canSubmit={ordered.length > 0}
          submitLabel="Export PDF"
          busyLabel="Exporting…"
          onCancel={onClose}
        />
      </form>
    </dialog>
  );
}
