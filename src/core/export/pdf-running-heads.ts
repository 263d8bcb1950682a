// The running heads and page numbers, drawn on every page once the whole export is laid
// out: the document's title and who annotated it atop each page but a document's first,
// and "Page N of M" at the foot of every page.
import type { ExportSource } from './pdf-document-run';
import { MARGIN_LEFT, MARGIN_RIGHT, MUTED, RULE } from './pdf-style';
import type { PageSurface } from './pdf-surface';

export function drawRunningHeadsAndPageNumbers(surface: PageSurface, sources: readonly ExportSource[]): void {
  const { pageDocument, paper } = surface;
  const total = pageDocument.length;
  const firstPages = new Set<number>();
  pageDocument.forEach((documentIndex, page) => {
    if (page === 0 || pageDocument[page - 1] !== documentIndex) firstPages.add(page);
  });
  for (let page = 0; page < total; page++) {
    surface.goToPage(page);
    // Pages past the last document (the evidence appendix) belong to no document's title.
    const source = sources[pageDocument[page]!];
    if (!firstPages.has(page) && source) drawRunningHead(surface, source);
    const label = `Page ${page + 1} of ${total}`;
    const size = 8;
    const width = surface.measurer.width('sans', size, label);
    surface.drawText('sans', size, MUTED, (paper.width - width) / 2, paper.height - 30, label);
  }
}

/** The title (cut short with an ellipsis where it would reach the byline), the byline and a rule. */
function drawRunningHead(surface: PageSurface, source: ExportSource): void {
  const right = surface.paper.width - MARGIN_RIGHT;
  const size = 7.8;
  const byline = `Annotated by ${surface.context.exporterName}`;
  const bylineWidth = surface.measurer.width('sans', size, byline);
  const titleLines = surface.layout(
    surface.plainPieces(source.detail.title.replace(/\s+/g, ' '), size, { color: MUTED }),
    right - MARGIN_LEFT - bylineWidth - 24,
  );
  let title =
    titleLines[0]?.fragments
      .map((fragment) => fragment.text)
      .join('')
      .trimEnd() ?? '';
  if (titleLines.length > 1) title = `${title.replace(/\s+\S*$/, '')} …`;
  surface.drawText('sans', size, MUTED, MARGIN_LEFT, 36, title);
  surface.drawText('sans', size, MUTED, right - bylineWidth, 36, byline);
  surface.content.horizontalRule(MARGIN_LEFT, right, 42, 0.5, RULE);
}
