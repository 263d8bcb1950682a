// What the painter paints: the document's anchored highlights once its annotations have
// loaded, and until then the compact listing of spans that arrives first.
import { useMemo } from 'react';
import type { Annotation } from '../../../shared/annotations';
import type { AnnotationController } from '../annotations/controller';
import type { PaintableSpan } from './paint';
import { paintableSpans } from './paint';

type EarlySpans = AnnotationController['spans'];

export function spansToPaint(
  loadedFor: string | null,
  documentId: string,
  shown: readonly Annotation[],
  early: EarlySpans,
): PaintableSpan[] {
  if (loadedFor !== null && loadedFor === documentId) return paintableSpans(shown);
  if (!early || early.documentId !== documentId) return [];
  return early.ids.map((id, index) => ({
    id,
    start: early.starts[index]!,
    end: early.ends[index]!,
    color: early.colors[index]!,
  }));
}

export function useEarlySpans(controller: AnnotationController, documentId: string, shown: readonly Annotation[]) {
  const { loadedDocumentId, spans } = controller;
  return useMemo(
    () => spansToPaint(loadedDocumentId, documentId, shown, spans),
    [loadedDocumentId, documentId, shown, spans],
  );
}
