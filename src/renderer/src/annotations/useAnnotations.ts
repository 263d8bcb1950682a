// The open document's annotations and the library's tags, kept fresh from pushed events.
import { useCallback, useEffect, useState } from 'react';
import { unwrap } from '../../../shared/client';
import type { MarginaliaClient } from '../../../shared/contract';
import type { Annotation, TagInfo } from '../../../shared/annotations';

export function useAnnotations(client: MarginaliaClient, documentId: string | null) {
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [tags, setTags] = useState<TagInfo[]>([]);

  const refresh = useCallback(async () => {
    if (!documentId) {
      setAnnotations([]);
      return;
    }
    const result = await client.listAnnotations({ documentId });
    if (result.ok) setAnnotations(result.value);
  }, [client, documentId]);

  const refreshTags = useCallback(async () => {
    setTags(unwrap(await client.listTags({})));
  }, [client]);

  useEffect(() => {
    setAnnotations([]);
    void refresh();
  }, [refresh]);

  useEffect(() => {
    void refreshTags();
  }, [refreshTags]);

  useEffect(() => {
    const stops = [
      client.on('annotationsChanged', ({ documentId: changed }) => {
        if (changed === documentId) void refresh();
        void refreshTags();
      }),
      client.on('tagsChanged', () => void refreshTags()),
      client.on('libraryChanged', ({ reason }) => {
        if (reason === 'external' || reason === 'updated') {
          void refresh();
          void refreshTags();
        }
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, [client, documentId, refresh, refreshTags]);

  return { annotations, tags, refresh, refreshTags, setAnnotations };
}
