// Learns the body text's size and which fonts are bold from the whole document's pieces:
// the body is what most characters are set in; pdf.js gives no font names for text, so a
// bold font is one noticeably wider per character than the body font at the same size.
import type { PdfPiece } from './pdf-lines';
import type { TextStyle } from './pdf-paragraphs';

interface FontTally {
  chars: number;
  /** Sum of width / size over the font's pieces: ems of advance. */
  ems: number;
}

export class TextStyleTally {
  private readonly sizes = new Map<number, number>();
  private readonly fonts = new Map<string, FontTally>();

  add(pieces: readonly PdfPiece[]): void {
    for (const piece of pieces) {
      const chars = piece.text.replace(/\s/g, '').length;
      if (chars === 0 || piece.size <= 0) continue;
      const size = Math.round(piece.size * 2) / 2;
      this.sizes.set(size, (this.sizes.get(size) ?? 0) + chars);
      const tally = this.fonts.get(piece.font) ?? { chars: 0, ems: 0 };
      // Spaces are counted in the width but not in chars; the same holds for every font, so ratios compare.
      tally.chars += chars;
      tally.ems += piece.width / piece.size;
      this.fonts.set(piece.font, tally);
    }
  }

  style(): TextStyle {
    const bodySize = [...this.sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
    const ranked = [...this.fonts.entries()].sort((a, b) => b[1].chars - a[1].chars);
    const body = ranked[0];
    const boldFonts = new Set<string>();
    if (body) {
      const bodyRatio = body[1].ems / body[1].chars;
      for (const [font, tally] of ranked.slice(1)) {
        const ratio = tally.ems / tally.chars / bodyRatio;
        // Wider than bold (monospace) or barely wider (a sibling face) is not bold.
        if (tally.chars >= 8 && ratio >= 1.05 && ratio <= 1.2) boldFonts.add(font);
      }
    }
    return { bodySize, boldFonts };
  }
}
