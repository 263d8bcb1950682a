// "Analysis Matrix as CSV…": the open analysis's matrix, as the analyst shown rated it, saved
// as a spreadsheet file from the palette, the File › Export menu or the analysis's own button.
import { useCallback } from 'react';
import type { AchView } from '../../../shared/evidence';
import { useCommandHandler } from '../commands';
import { notifications, reportFailure } from '../app/notifications/store';
import { useStores } from '../app/stores';
import { downloadText } from '../ui/files';

export function useExportCsv(view: AchView | null): () => Promise<void> {
  const { client } = useStores();
  const id = view?.id ?? null;
  const analystId = view?.analyst.authorId ?? null;
  const run = useCallback(async () => {
    if (id === null) return;
    const result = await client.exportAnalysisCsv(analystId === null ? { id } : { id, analystId });
    if (!result.ok) {
      reportFailure("Couldn't export the matrix", result.error);
      return;
    }
    downloadText(result.value.fileName, result.value.csv, 'text/csv');
    notifications.notify(`Exported “${result.value.fileName}”.`, 'info');
  }, [analystId, client, id]);
  useCommandHandler('exportAnalysisCsv', () => void run(), id !== null);
  return run;
}
