// Gathers the bytes of the PDF the export writes. pdfkit (0.20, pinned exactly in
// package.json) sends every line it writes through a Node stream, converting each string
// to bytes one character at a time on the way: three to six lines per object and one per
// cross-reference entry, some 18,000 lines for a heavily annotated export. Here the lines
// are gathered as text and turned into bytes in large pieces, and no stream is involved.

/**
 * The part of pdfkit's document that writes output: every write goes through `_write`, and
 * `_offset` counts the bytes written; `read` gives what it wrote to its stream already.
 */
export interface PdfKitWriter {
  _write(data: string | Uint8Array): void;
  _offset: number;
  read(): Uint8Array | null;
}

/** Text gathered before it is turned into bytes: large enough that few conversions are made, small enough to stay cheap to hold. */
const TEXT_PIECE = 64 * 1024;

export class PdfOutput {
  private readonly chunks: Uint8Array[] = [];
  private lines: string[] = [];
  private linesLength = 0;

  /** Takes over the document's writes, starting with the header pdfkit wrote when it was created. */
  constructor(writer: PdfKitWriter) {
    const written = writer.read();
    if (written) this.chunks.push(written);
    writer._write = (data: string | Uint8Array): void => {
      if (typeof data === 'string') {
        // pdfkit ends each string it writes with a newline and keeps the low byte of each character.
        this.lines.push(data);
        this.linesLength += data.length + 1;
        writer._offset += data.length + 1;
        if (this.linesLength >= TEXT_PIECE) this.flushLines();
      } else {
        this.flushLines();
        this.chunks.push(data);
        writer._offset += data.length;
      }
    };
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
