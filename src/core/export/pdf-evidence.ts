// The "Claims and sources" appendix, after all the exported documents: the sources they name
// with reliability and reason, the claims with evidence in them (status computed, evidence
// grouped by stance with quotes, pages and grades, each quote linked to its highlight), and
// every analysis of competing hypotheses touching them as a matrix (pdf-ach-table.ts).
import type { ClaimDetail, ClaimEvidenceView } from '../../shared/evidence';
import { STANCES } from '../../shared/evidence';
import type { EvidenceDossier } from '../../shared/evidence-export';
import { reliabilityMeaning } from '../../shared/evidence-export';
import { renderAchMatrix } from './pdf-ach-table';
import { APPENDIX_QUOTE_LIMIT, BLOCK_STYLE, INK, LINE_FACTOR, MARGIN_LEFT, MUTED, exportPiece } from './pdf-style';
import type { PageSurface } from './pdf-surface';
import type { StyledPiece } from './pdf-text';

/** Where each exported highlight is drawn (page index), so a quote in the appendix links to it. */
export type HighlightPages = ReadonlyMap<string, number>;

const TEXT = 9;
const STATUS_NAMES: Record<ClaimDetail['status'], string> = {
  corroborated: 'Corroborated',
  contested: 'Contested',
  'single-source': 'Single source',
  unsupported: 'Unsupported',
};
const STANCE_NAMES = { supports: 'Supports', contradicts: 'Contradicts', context: 'Context' } as const;

/** The appendix's pages belong to no document: `section` is one past the last document's index. */
export async function renderEvidenceAppendix(
  surface: PageSurface,
  dossier: EvidenceDossier,
  section: number,
  highlightPages: HighlightPages,
): Promise<void> {
  surface.newPage(section);
  heading(surface, 'Claims and sources', BLOCK_STYLE.h2.size, section);
  surface.doc.outline.addItem('Claims and sources');
  if (dossier.sources.length > 0) {
    heading(surface, `Sources (${dossier.sources.length})`, 12, section);
    for (const source of dossier.sources) {
      const reliability = reliabilityMeaning(source.reliability, dossier.scheme) || 'reliability not graded';
      paragraph(
        surface,
        [
          exportPiece(source.name, TEXT, { bold: true }),
          exportPiece(`  ${source.kind} · ${reliability}`, TEXT, { color: MUTED }),
        ],
        section,
      );
      if (source.reliabilityReason.trim() !== '')
        paragraph(
          surface,
          surface.plainPieces(source.reliabilityReason.trim(), TEXT * 0.95, { family: 'serif', italic: true }),
          section,
          12,
        );
      surface.y += 2;
    }
  }
  if (dossier.claims.length > 0) {
    heading(surface, `Claims (${dossier.claims.length})`, 12, section);
    for (const claim of dossier.claims) {
      renderClaim(surface, claim, section, highlightPages);
      await surface.reportProgress();
    }
  }
  for (const matrix of dossier.analyses) {
    heading(surface, `Analysis: ${matrix.question}`, 12, section);
    renderAchMatrix(surface, matrix, section);
    await surface.reportProgress();
  }
}

function heading(surface: PageSurface, text: string, size: number, section: number): void {
  surface.y += size * 0.6;
  surface.ensureRoom(size * LINE_FACTOR * 3, section);
  const lines = surface.layout([exportPiece(text, size, { family: 'serif', bold: true })], surface.fullWidth);
  surface.flowLines(lines, MARGIN_LEFT, size, section, undefined);
  surface.y += 3;
}

function paragraph(surface: PageSurface, pieces: StyledPiece[], section: number, indent = 0, page = -1): void {
  const size = Math.max(...pieces.map((piece) => piece.size));
  const lines = surface.layout(pieces, surface.fullWidth - indent, undefined, 'auto');
  surface.ensureRoom(Math.min(lines.length, 2) * size * LINE_FACTOR, section);
  surface.flowLines(lines, MARGIN_LEFT + indent, size, section, undefined, (top) => {
    if (page >= 0) surface.linkToPage(MARGIN_LEFT + indent, top, surface.fullWidth - indent, size * LINE_FACTOR, page);
  });
}

function claimFacts(claim: ClaimDetail): string {
  const facts = [STATUS_NAMES[claim.status]];
  if (claim.counts.supports > 0)
    facts.push(
      `${claim.independentSupport} independent supporting ${claim.independentSupport === 1 ? 'source' : 'sources'}`,
    );
  if (claim.bestGrade !== '') facts.push(`best supporting grade ${claim.bestGrade}`);
  return facts.join(' · ');
}

/** Why a single-source claim's support counts once, as the Claims view says it. */
function dependenceLine(claim: ClaimDetail): string {
  return claim.singleSourceReasons.length === 0 ? '' : `Single source: ${claim.singleSourceReasons.join('; ')}`;
}

function renderClaim(surface: PageSurface, claim: ClaimDetail, section: number, highlightPages: HighlightPages): void {
  surface.y += 3;
  surface.ensureRoom(TEXT * LINE_FACTOR * 4, section);
  paragraph(surface, surface.plainPieces(claim.statement, 10.5, { family: 'serif', bold: true }), section);
  paragraph(surface, [exportPiece(claimFacts(claim), TEXT * 0.95, { color: MUTED })], section);
  const dependence = dependenceLine(claim);
  if (dependence !== '') paragraph(surface, [exportPiece(dependence, TEXT * 0.9, { color: MUTED })], section, 8);
  for (const stance of STANCES) {
    const pieces = claim.evidence.filter((piece) => piece.stance === stance);
    if (pieces.length === 0) continue;
    paragraph(surface, [exportPiece(`${STANCE_NAMES[stance]} (${pieces.length})`, TEXT, { bold: true })], section, 8);
    for (const piece of pieces) {
      paragraph(surface, evidencePieces(piece), section, 16, highlightPages.get(piece.annotationId) ?? -1);
    }
  }
}

function shortQuote(text: string): string {
  const quote = text.replace(/\s+/g, ' ').trim();
  if (quote.length <= APPENDIX_QUOTE_LIMIT * 2) return quote;
  return `${quote.slice(0, APPENDIX_QUOTE_LIMIT * 2).replace(/\s+\S*$/, '')} …`;
}

function evidencePieces(piece: ClaimEvidenceView): StyledPiece[] {
  const where = [piece.passage.documentTitle, piece.passage.page].filter((part) => part !== '').join(', ');
  const facts = [where];
  if (piece.grade !== '') facts.push(`grade ${piece.grade}`);
  if (piece.sources.length > 0)
    facts.push(
      piece.sources
        .map((source) => (source.reliability ? `${source.name} (${source.reliability})` : source.name))
        .join('; '),
    );
  return [
    exportPiece(`“${shortQuote(piece.passage.quote)}”`, TEXT, { family: 'serif', color: INK }),
    exportPiece(`  — ${facts.join(' · ')}`, TEXT * 0.85, { color: MUTED }),
  ];
}
