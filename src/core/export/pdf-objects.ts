// Annotation objects for the PDF export, written as finished PDF syntax: highlights with
// their appearance streams, and links to pages. pdfkit's serializer walks every value of
// every dictionary generically (numbers, strings, dates, each checked and converted); at a
// thousand highlights and as many links that walk was a tenth of an annotated export.
// pdfkit prints a value it does not know with its toString, which is how these pass through
// its writer (pdfkit 0.20, pinned exactly in package.json) and keep its cross-reference table.
import { color as colorOperands, num } from './pdf-content';
import type { Rgb } from './pdf-text';
import type { PdfKitReference } from './pdfkit-internals';

/** A dictionary pdfkit writes as given. */
class RawDictionary {
  constructor(private readonly syntax: string) {}
  get [Symbol.toStringTag](): string {
    return 'RawDictionary';
  }
  toString(): string {
    return this.syntax;
  }
}

/** A stream's dictionary pdfkit writes as given, with the length pdfkit sets when it ends the stream. */
class RawStreamDictionary {
  Length = 0;
  constructor(private readonly entries: string) {}
  get [Symbol.toStringTag](): string {
    return 'RawStreamDictionary';
  }
  toString(): string {
    return `<< ${this.entries} /Length ${this.Length} >>`;
  }
}

/** The part of pdfkit's document the writer uses. */
export interface PdfKitObjectSink {
  ref(data: object): PdfKitReference;
  readonly page: { readonly annotations: PdfKitReference[]; readonly height: number };
}

/** A PDF text string: literal when ASCII, else UTF-16BE with its byte-order mark, in hex. */
export function pdfTextString(text: string): string {
  let ascii = true;
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) > 0x7e) {
      ascii = false;
      break;
    }
  }
  if (ascii)
    return `(${text
      .replace(/[\\()]/g, '\\$&')
      .replace(/\r/g, '\\r')
      .replace(/\n/g, '\\n')})`;
  let hex = 'FEFF';
  for (let index = 0; index < text.length; index++) hex += text.charCodeAt(index).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

/** A PDF date in UTC. */
export function pdfDate(date: Date): string {
  const two = (value: number): string => String(value).padStart(2, '0');
  const day = `${String(date.getUTCFullYear()).padStart(4, '0')}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}`;
  return `(D:${day}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z)`;
}

/** A rectangle on the page, in the top-down points the layout uses. */
export interface PageBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface HighlightObject {
  /** One box per line, in layout coordinates. */
  boxes: readonly PageBox[];
  color: Rgb;
  contents: string;
  author: string;
  modified: Date;
  created: Date;
  name: string;
  subject: string;
}

export class AnnotationWriter {
  private multiplyState: PdfKitReference | undefined;

  /** `pageAt` gives the object of the page at an index, for links to it. */
  constructor(
    private readonly doc: PdfKitObjectSink,
    private readonly pageAt: (index: number) => PdfKitReference | undefined,
  ) {}

  /** A /Highlight on the current page, with quads per line and an appearance that multiplies its color over the text. */
  highlight(highlight: HighlightObject): void {
    const height = this.doc.page.height;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let quads = '';
    const rectangles: string[] = [];
    for (const box of highlight.boxes) {
      const x1 = num(box.left);
      const x2 = num(box.right);
      const top = height - box.top;
      const bottom = height - box.bottom;
      const y1 = num(top);
      const y2 = num(bottom);
      quads += `${x1} ${y1} ${x2} ${y1} ${x1} ${y2} ${x2} ${y2} `;
      rectangles.push(`${x1} ${y2} ${num(box.right - box.left)} ${num(top - bottom)} re f`);
      minX = Math.min(minX, box.left);
      maxX = Math.max(maxX, box.right);
      minY = Math.min(minY, bottom);
      maxY = Math.max(maxY, top);
    }
    const bbox = `[${num(minX)} ${num(minY)} ${num(maxX)} ${num(maxY)}]`;
    const color = colorOperands(highlight.color);
    const appearance = this.doc.ref(
      new RawStreamDictionary(
        `/Type /XObject /Subtype /Form /FormType 1 /BBox ${bbox} /Resources << /ExtGState << /GS0 ${this.multiply()} >> >>`,
      ),
    );
    // A few rectangles: deflating each of a thousand tiny streams costs more than it saves.
    appearance.compress = false;
    appearance.write(`/GS0 gs ${color} rg\n${rectangles.join('\n')}`);
    appearance.end(undefined);
    this.add(
      `<< /Type /Annot /Subtype /Highlight /Rect ${bbox} /Border [0 0 0] /QuadPoints [${quads.trimEnd()}] /C [${color}] /CA 1 /F 4` +
        ` /Contents ${pdfTextString(highlight.contents)} /T ${pdfTextString(highlight.author)} /M ${pdfDate(highlight.modified)}` +
        ` /CreationDate ${pdfDate(highlight.created)} /NM ${pdfTextString(highlight.name)}` +
        ` /Subj ${pdfTextString(highlight.subject)} /AP << /N ${appearance} >> >>`,
    );
  }

  /** A link on the current page to another page of the document, by page index. */
  pageLink(box: PageBox, targetPage: number): void {
    const target = this.pageAt(targetPage);
    if (!target) throw new Error(`The document has no page ${targetPage}`);
    const height = this.doc.page.height;
    const rect = `[${num(box.left)} ${num(height - box.bottom)} ${num(box.right)} ${num(height - box.top)}]`;
    this.add(
      `<< /Type /Annot /Subtype /Link /Rect ${rect} /Border [0 0 0] /F 4` +
        ` /A << /S /GoTo /D [${target} /XYZ null null null] >> >>`,
    );
  }

  private add(dictionary: string): void {
    const annotation = this.doc.ref(new RawDictionary(dictionary));
    this.doc.page.annotations.push(annotation);
    annotation.end(undefined);
  }

  /** One graphics state for every highlight's appearance: multiply, so text shows through. */
  private multiply(): PdfKitReference {
    if (!this.multiplyState) {
      this.multiplyState = this.doc.ref(new RawDictionary('<< /Type /ExtGState /BM /Multiply /ca 1 /CA 1 >>'));
      this.multiplyState.end(undefined);
    }
    return this.multiplyState;
  }
}
