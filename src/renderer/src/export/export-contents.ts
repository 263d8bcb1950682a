// What the export dialog shows beside its choices, asked of the core: each document's annotation
// count, and which include options have nothing behind them in the ticked documents.
import { useEffect, useState } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import type { ExportContents, IncludedContents } from '../../../shared/export-options';
import { reportFailure } from '../app/notifications/store';

export type IncludeOption = 'includeNotes' | 'includeTags' | 'includeAppendix' | 'includeOrphans' | 'includeEvidence';

/**
 * The contents for the ticked documents; null until they first arrive (or when they cannot be
 * read). While new ones load the last stay, so the counts beside the titles do not flicker.
 */
export function useExportContents(client: MarginaliaClient, documentIds: readonly string[]): ExportContents | null {
  const [contents, setContents] = useState<ExportContents | null>(null);
  const key = documentIds.join('\n');
  useEffect(() => {
    let current = true;
    const ids = key === '' ? [] : key.split('\n');
    void client.exportContents({ documentIds: ids }).then((result) => {
      if (!current) return;
      if (result.ok) setContents(result.value);
      else reportFailure("Couldn't count what the documents to export have", result.error);
    });
    return () => {
      current = false;
    };
  }, [client, key]);
  return contents;
}

/** The include options that would add nothing for documents with these contents. */
export function emptyIncludeOptions(chosen: IncludedContents | undefined): ReadonlySet<IncludeOption> {
  if (chosen === undefined) return new Set();
  const empty: Array<[IncludeOption, number]> = [
    ['includeNotes', chosen.notes],
    ['includeTags', chosen.tagged],
    ['includeAppendix', chosen.annotations],
    ['includeOrphans', chosen.orphans],
    ['includeEvidence', chosen.evidence],
  ];
  return new Set(empty.filter(([, count]) => count === 0).map(([option]) => option));
}
