// Running one PDF export: the core lays out pages (progress arrives as events), the file
// downloads, and the notification area says what was exported, with Open where the host can
// show the PDF. A failure stays in the dialog, beside the options that caused it.
import { useCallback, useState } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import type { PdfExportOptions, PdfExportResult } from '../../../shared/export-options';
import type { AppInfo } from '../../../shared/model';
import { countOf } from '../../../shared/plural';
import { notifications } from '../app/notifications/store';
import { downloadBase64, openBase64 } from '../ui/files';

export type ExportPhase =
  | { kind: 'choosing' }
  | { kind: 'exporting'; done: number; total: number; stage: string }
  | { kind: 'failed'; message: string }
  /** Exported, with warnings the person must read (characters drawn as �, say). */
  | { kind: 'warned'; summary: string; warnings: string[] };

/** “Exported “report.pdf”: 12 pages, 30 highlights, 5 notes.”, the counts the CLI prints after an export. */
export function exportSummary(
  result: Pick<PdfExportResult, 'fileName' | 'pageCount' | 'highlightCount' | 'noteCount'>,
): string {
  const counts = [
    countOf(result.pageCount, 'page'),
    countOf(result.highlightCount, 'highlight'),
    countOf(result.noteCount, 'note'),
  ];
  return `Exported “${result.fileName}”: ${counts.join(', ')}.`;
}

function newJobId(): string {
  return `export-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function useExport(client: MarginaliaClient, host: AppInfo['host'] | undefined, onDone: () => void) {
  const [phase, setPhase] = useState<ExportPhase>({ kind: 'choosing' });

  const run = useCallback(
    /** Resolves true when the PDF was made and downloaded. */
    async (documentIds: string[], options: PdfExportOptions): Promise<boolean> => {
      if (documentIds.length === 0) return false;
      const jobId = newJobId();
      setPhase({ kind: 'exporting', done: 0, total: 1, stage: 'layout' });
      const stop = client.on('exportProgress', (event) => {
        if (event.jobId === jobId)
          setPhase({ kind: 'exporting', done: event.done, total: Math.max(1, event.total), stage: event.stage });
      });
      try {
        const result = await client.exportPdf({ documentIds, options, jobId });
        if (!result.ok) {
          setPhase({ kind: 'failed', message: result.error.message });
          return false;
        }
        const { dataBase64, fileName, warnings } = result.value;
        downloadBase64(fileName, dataBase64, 'application/pdf');
        const summary = exportSummary(result.value);
        // The desktop app saves where the person chose and cannot open a page's download: Open is the browser host's.
        const open = { label: 'Open', run: () => openBase64(dataBase64, 'application/pdf') };
        notifications.notify(summary, 'info', host === 'browser' ? { action: open } : {});
        if (warnings.length > 0) setPhase({ kind: 'warned', summary, warnings });
        else onDone();
        return true;
      } catch (error) {
        setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
        return false;
      } finally {
        stop();
      }
    },
    [client, host, onDone],
  );

  return { phase, run };
}
