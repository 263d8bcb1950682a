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
import { spanBoundaries } from '../reader/dom-map';
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

/** Where one page starts in the reader, read from the DOM only as far as is cheap. */
export interface PageStart {
  /** Its block's contents skip layout (off-screen while the document opens). */
  skipped: boolean;
  /** The top of the page's first character on screen; undefined when it is not rendered. */
  lineTop: () => number | undefined;
  /** The top of the block it is in; undefined when the block is not shown. */
  blockTop: () => number | undefined;
}

/**
 * The markers, from each page's start. Where a block skips layout the marker stands at the top of
 * that block: measuring the line there would lay the block out, and thousands of those laid a long
 * document out one block at a time. Once every block is laid out (or the block scrolls near and the
 * page's size changes) the marker moves to its line, as it always stood.
 */
export function placeMarkers(
  pageMap: readonly PageMapEntry[],
  startOf: (entry: PageMapEntry) => PageStart | null,
  origin: { top: number; left: number },
  column: { left: number; width: number },
): Marker[] {
  const markers: Marker[] = [];
  for (const entry of pageMap) {
    const start = startOf(entry);
    const top = start && (start.skipped ? start.blockTop() : start.lineTop());
    if (top === null || top === undefined) continue;
    markers.push({
      number: entry.number,
      label: pageName(entry),
      top: top - origin.top,
      left: column.left - origin.left,
      width: column.width,
    });
  }
  return markers;
}

/** The reader's top-level block holding a node. */
function blockOf(node: Node, root: HTMLElement): Element | null {
  let element = node.parentElement;
  while (element && element.parentElement !== root) element = element.parentElement;
  return element;
}

function pageStart(editor: LexicalEditor, map: DomTextMap, root: HTMLElement, entry: PageMapEntry): PageStart | null {
  const boundaries = spanBoundaries(editor, map, entry.start, entry.start + 1);
  const text = boundaries?.startContainer;
  const element = text?.parentElement;
  const block = text ? blockOf(text, root) : null;
  if (!boundaries || !element || !block) return null;
  return {
    // Only this form is cheap: checkVisibility() without it took 0.4 ms a call in Chromium.
    skipped: !element.checkVisibility({ contentVisibilityAuto: true }),
    lineTop: () => {
      const range = document.createRange();
      range.setStart(boundaries.startContainer, boundaries.startOffset);
      range.setEnd(boundaries.endContainer, boundaries.endOffset);
      const top = range.getClientRects()[0]?.top;
      range.detach();
      return top;
    },
    blockTop: () => {
      // A block with no height is not shown at all (the line would have no rect either).
      const rect = block.getBoundingClientRect();
      return rect.height > 0 ? rect.top : undefined;
    },
  };
}

function measureMarkers(editor: LexicalEditor, map: DomTextMap, page: HTMLElement, pageMap: readonly PageMapEntry[]) {
  const root = editor.getRootElement();
  if (!root) return [];
  const origin = page.getBoundingClientRect();
  const column = root.getBoundingClientRect();
  return placeMarkers(pageMap, (entry) => pageStart(editor, map, root, entry), origin, column);
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
    // From the first layout, not only once the reader has settled (laid every block out, 18-24 s
    // for 5,000 pages): markers in blocks that still skip layout stand at their block's top, and
    // are measured again when it settles.
    if (!map || pageMap.length === 0) {
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
