// Builds a Word file from known text with the docx package: headings, a nested bulleted and a
// numbered list, emphasis, a safe and an unsafe link, a table, a footnote, an image with alt
// text and two comments, one on the second of two identical phrases.
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';

/** A 1×1 transparent PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export const DOCX_TITLE = 'Field report on the river crossings';
export const DOCX_AUTHOR = 'Amira Haddad';

export const INTRO =
  'The survey team walked the northern bank for three days and counted every crossing that still carries traffic. ' +
  'Most of them are fords used by herders, but the old bridge near the mill remains the only one a truck can use.';
export const FINDINGS =
  'Water levels were lower than in any season the villagers could remember, which exposed the footings of several ruined piers. ' +
  'Engineers who inspected the old bridge found cracks in two of its arches and recommended closing it to heavy vehicles.';
export const CLOSING =
  'These notes are preliminary and will be revised once the laboratory returns the results of the core samples taken at each site.';
export const BULLETS = ['Fords counted along the northern bank', 'Bridges still standing after the floods'];
export const NESTED_BULLET = 'Only one bridge takes trucks';
export const NUMBERED = ['Close the old bridge to heavy vehicles', 'Survey the southern bank next spring'];
export const TABLE = [
  ['Site', 'Depth', 'Status'],
  ['Mill ford', 'Shallow', 'Open'],
  ['Old bridge', 'Deep', 'Cracked'],
];
export const FOOTNOTE = 'Measured at noon on the second day with a weighted line.';
export const IMAGE_ALT = 'Sketch map of the crossings';
export const SAFE_LINK = 'https://example.org/crossings';
export const COMMENTS = [
  {
    author: 'Jonas Berg',
    date: '2024-03-05T10:15:00.000Z',
    text: 'Which mill do we mean here?',
    quote: 'near the mill',
  },
  {
    author: 'Lena Ortiz',
    date: '2024-03-06T08:00:00.000Z',
    text: 'Add photos of the cracks.',
    quote: 'the old bridge',
  },
];

/** All the words the file holds in its body and notes, for scoring what a reader brings back. */
export function docxKnownText(): string {
  return [
    'Introduction',
    INTRO,
    'Findings',
    FINDINGS,
    'the map',
    'link',
    'an unsafe link',
    IMAGE_ALT,
    ...BULLETS,
    NESTED_BULLET,
    ...NUMBERED,
    ...TABLE.flat(),
    CLOSING,
    FOOTNOTE,
  ].join('\n');
}

function commented(before: string, id: number, quote: string, after: string): TextRun[] {
  return [
    new TextRun(before),
    new CommentRangeStart(id) as unknown as TextRun,
    new TextRun({ text: quote, italics: true }),
    new CommentRangeEnd(id) as unknown as TextRun,
    new TextRun({ children: [new CommentReference(id)] }),
    new TextRun(after),
  ];
}

/** The paragraph text split around the phrase commented on (its last occurrence when it recurs). */
function around(text: string, quote: string): [string, string] {
  const at = text.lastIndexOf(quote);
  return [text.slice(0, at), text.slice(at + quote.length)];
}

function body(): Array<Paragraph | Table> {
  const [introBefore, introAfter] = around(INTRO, COMMENTS[0]!.quote);
  const [findBefore, findAfter] = around(FINDINGS, COMMENTS[1]!.quote);
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  return [
    new Paragraph({ text: 'Introduction', heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ children: commented(introBefore, 0, COMMENTS[0]!.quote, introAfter) }),
    new Paragraph({ text: 'Findings', heading: HeadingLevel.HEADING_2 }),
    new Paragraph({
      children: [...commented(findBefore, 1, COMMENTS[1]!.quote, findAfter), new FootnoteReferenceRun(1)],
    }),
    new Paragraph({
      children: [
        new TextRun({ text: 'the map', bold: true }),
        new TextRun(' '),
        new ExternalHyperlink({ link: SAFE_LINK, children: [new TextRun('link')] }),
        new TextRun(' '),
        new ExternalHyperlink({ link: 'javascript:alert(1)', children: [new TextRun('an unsafe link')] }),
      ],
    }),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: TINY_PNG,
          transformation: { width: 20, height: 20 },
          altText: { name: 'map', title: 'map', description: IMAGE_ALT },
        }),
      ],
    }),
    new Paragraph({ text: BULLETS[0], bullet: { level: 0 } }),
    new Paragraph({ text: NESTED_BULLET, bullet: { level: 1 } }),
    new Paragraph({ text: BULLETS[1], bullet: { level: 0 } }),
    ...NUMBERED.map((text) => new Paragraph({ text, numbering: { reference: 'steps', level: 0 } })),
    new Table({
      rows: TABLE.map((row, index) => new TableRow({ children: row.map(cell), tableHeader: index === 0 })),
    }),
    new Paragraph(''),
    new Paragraph(CLOSING),
  ];
}

/** `commentAuthors`: names to give the comments instead of COMMENTS' own, in order. */
export async function buildDocx(
  options: { title?: string; commentAuthors?: readonly string[] } = {},
): Promise<Uint8Array> {
  const document = new Document({
    ...(options.title === '' ? {} : { title: options.title ?? DOCX_TITLE }),
    creator: DOCX_AUTHOR,
    comments: {
      children: COMMENTS.map((comment, id) => ({
        id,
        author: options.commentAuthors?.[id] ?? comment.author,
        date: new Date(comment.date),
        children: [new Paragraph(comment.text)],
      })),
    },
    footnotes: { 1: { children: [new Paragraph(FOOTNOTE)] } },
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [{ children: body() }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
