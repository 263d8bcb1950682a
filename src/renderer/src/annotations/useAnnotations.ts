// The open document's annotations and the library's tags, from an `AnnotationData` store
// that follows the contract's pushed events for as long as the component is mounted.
import { useEffect, useState } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import { notifyFailure } from '../app/notifications/store';
import { AnnotationData } from './annotation-data';
import { useStore } from '../app/store';

export function useAnnotations(client: MarginaliaClient, documentId: string | null) {
  const [data, setData] = useState(() => new AnnotationData(client, notifyFailure));
  if (data.client !== client) setData(new AnnotationData(client, notifyFailure));
  useEffect(() => data.watchTags(), [data]);
  useEffect(() => data.open(documentId), [data, documentId]);
  return { data, ...useStore(data) };
}
