// Gathers the bytes of the PDF the export writes. pdfkit sends every line it writes through
// a Node stream, converting each string to bytes one character at a time on the way: three
// to six lines per object and one per cross-reference entry, some 18,000 lines for a heavily
// annotated export. Here the lines are gathered as text and turned into bytes in large
// pieces, and no stream is involved (the takeover itself is in pdfkit-internals.ts).
import type { PdfKitWriter } from './pdfkit-internals';
import { redirectWrites } from './pdfkit-internals';

export type { PdfKitWriter } from './pdfkit-internals';

/** Text gathered before it is turned into bytes: large enough that few conversions are made, small enough to stay cheap to hold. */
const TEXT_PIECE = 64 * 1024;

export class PdfOutput {
  private readonly chunks: Uint8Array[] = [];
  private lines: string[] = [];
  private linesLength = 0;

  /** Takes over the document's writes, starting with the header pdfkit wrote when it was created. */
  constructor(writer: PdfKitWriter) {
    const written = redirectWrites(writer, {
      line: (text) => {
        this.lines.push(text);
        this.linesLength += text.length + 1;
        if (this.linesLength >= TEXT_PIECE) this.flushLines();
      },
      bytes: (chunk) => {
        this.flushLines();
        this.chunks.push(chunk);
      },
    });
    if (written) this.chunks.unshift(written);
  }

  /** Everything written so far, as one buffer. */
  bytes(): Buffer {
    this.flushLines();
    return Buffer.concat(this.chunks);
  }

  private flushLines(): void {
    if (this.lines.length === 0) return;
    this.lines.push('');
    this.chunks.push(Buffer.from(this.lines.join('\n'), 'latin1'));
    this.lines = [];
    this.linesLength = 0;
  }
}
