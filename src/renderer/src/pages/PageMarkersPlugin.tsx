// The reader's page markers: where each page of the original begins, a thin rule with
// "p. 3" drawn over the text's column (never in the text: the canonical text, selection
// and offsets stay as they are). A marker opens that original page. Also the
// "Open Original Page" command: the selected annotation's page, else the page in view.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Annotation } from '../../../shared/annotations';
import type { PageMapEntry } from '../../../shared/model';
import { pageName } from '../../../shared/page-map';
import { useCommandHandler } from '../commands';
import type { DomTextMap } from '../reader/dom-map';
import { rangeForSpan } from '../reader/dom-map';
import { annotationPages, openAnnotationPage, pageView } from './page-view-store';
import styles from './PageMarkers.module.css';

interface Marker {
  number: number;
  label: string;
  /** Where the page's first line begins, relative to the reader's page element. */
  top: number;
  left: number;
  width: number;
}

function measureMarkers(editor: LexicalEditor, map: DomTextMap, page: HTMLElement, pageMap: readonly PageMapEntry[]) {
  const root = editor.getRootElement();
  if (!root) return [];
  const origin = page.getBoundingClientRect();
  const column = root.getBoundingClientRect();
  const markers: Marker[] = [];
  for (const entry of pageMap) {
    const rect = rangeForSpan(editor, map, entry.start, entry.start + 1)?.getClientRects()[0];
    if (!rect) continue;
    markers.push({
      number: entry.number,
      label: pageName(entry),
      top: rect.top - origin.top,
      left: column.left - origin.left,
      width: column.width,
    });
  }
  return markers;
}

/**
 * The marker's tooltip, by the page's printed label as the marker itself reads ("Page vii"),
 * with its place in the file when the label is not that number: "Page vii (page 1 of the file)".
 */
export function markerTitle(marker: Pick<Marker, 'number' | 'label'>): string {
  const place = marker.label === String(marker.number) ? '' : ` (page ${marker.number} of the file)`;
  return `Page ${marker.label}${place}: open the original page`;
}

/** The last page whose start is above the upper third of the view; the first page before any. */
function pageInView(markers: readonly Marker[], page: HTMLElement, scroller: HTMLElement): number | undefined {
  const line = scroller.getBoundingClientRect().top + scroller.clientHeight / 3 - page.getBoundingClientRect().top;
  let found = markers[0]?.number;
  for (const marker of markers) if (marker.top <= line) found = marker.number;
  return found;
}

export interface PageMarkersProps {
  map: DomTextMap | null;
  page: HTMLElement;
  scroller: HTMLElement;
  documentId: string;
  pageMap: readonly PageMapEntry[];
  settled: boolean;
  selected: Annotation | undefined;
}

export function PageMarkersPlugin({ map, page, scroller, documentId, pageMap, settled, selected }: PageMarkersProps) {
  const [editor] = useLexicalComposerContext();
  const [markers, setMarkers] = useState<Marker[]>([]);
  useLayoutEffect(() => {
    // Not before the reader has settled: measuring a page start inside a block that skips
    // layout lays that block out, and 2,000 pages' markers laid out a long document one block
    // at a time, blanking the reader for 20 s before its first line showed.
    if (!map || pageMap.length === 0 || !settled) {
      setMarkers([]);
      return undefined;
    }
    // Measured after layout, and again whenever the page's size changes (fonts, width, blocks laid out).
    const observer = new ResizeObserver(() => setMarkers(measureMarkers(editor, map, page, pageMap)));
    observer.observe(page);
    return () => observer.disconnect();
  }, [editor, map, page, pageMap, settled]);
  useCommandHandler(
    'openOriginalPage',
    () => {
      const pages = selected ? annotationPages(selected, pageMap) : undefined;
      if (selected && pages) return openAnnotationPage(selected, pages);
      const number = pageInView(markers, page, scroller);
      if (number !== undefined) pageView.open({ documentId, page: number });
    },
    pageMap.length > 0,
  );
  if (markers.length === 0) return null;
  return createPortal(
    <div className={styles.markers} data-testid="page-markers">
      {markers.map((marker) => (
        <div
          key={marker.number}
          className={styles.marker}
          style={{ top: marker.top, left: marker.left, width: marker.width }}
        >
          <span className={styles.rule} aria-hidden="true" />
          <button
            type="button"
            className={styles.label}
            // Out of the Tab order (Tab goes from the text to the margin); the command reaches a page from the keyboard.
            tabIndex={-1}
            aria-label={`p. ${marker.label}: Open original page`}
            title={markerTitle(marker)}
            onClick={() => pageView.open({ documentId, page: marker.number })}
          >
            p. {marker.label}
          </button>
        </div>
      ))}
    </div>,
    page,
  );
}
