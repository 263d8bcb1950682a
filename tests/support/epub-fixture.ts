// Builds an EPUB from known text with fflate: mimetype first and stored, a container, a
// package whose manifest order differs from its spine order, a nav (or toc.ncx), and three
// chapters: one with its own heading, one without (its nav label must head it), one with an
// image, a table, a self-closed anchor and a character reference.
import type { Zippable } from 'fflate';
import { zipSync } from 'fflate';

export const EPUB_TITLE = 'Letters from the Delta';
export const EPUB_AUTHORS = ['Mariam Saleh', 'Tomas Greer'];
export const EPUB_DATE = '2019-06-01';
export const EPUB_ALT = 'Map of the delta channels';

export const CHAPTERS = [
  {
    file: 'intro.xhtml',
    label: 'Arrival',
    heading: 'Arrival at the river mouth',
    text: [
      'We reached the river mouth at dusk after nine days on the coastal road, tired but glad of the cool wind.',
      'The fishermen told us the channels shift every winter, so no map stays true for long.',
    ],
  },
  {
    file: 'body.xhtml',
    label: 'The Channels',
    heading: '',
    text: [
      'Each morning we rowed a different channel and sketched the banks where the reeds grew thickest.',
      'By the end of the month we had charted eleven channels and lost two oars to the current.',
    ],
  },
  {
    file: 'appendix.xhtml',
    label: 'Appendix',
    heading: 'Appendix of soundings',
    text: ['The depths below were taken with a knotted rope at low tide on calm days only.'],
  },
] as const;

export const SOUNDINGS = [
  ['Channel', 'Depth'],
  ['North', 'Four fathoms'],
];

const encode = (value: string): Uint8Array => new TextEncoder().encode(value);

function chapterXhtml(chapter: (typeof CHAPTERS)[number]): string {
  const heading = chapter.heading ? `<h1>${chapter.heading}</h1>` : '';
  const paragraphs = chapter.text.map((line) => `<p>${line}</p>`).join('');
  const extra =
    chapter.file === 'appendix.xhtml'
      ? `<p><a id="page9"/>Sketch&#160;<em>drawn</em> <img src="../images/map.png" alt="${EPUB_ALT}"/></p>` +
        `<table>${SOUNDINGS.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</table>`
      : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">` +
    `<head><title>${EPUB_TITLE}</title></head><body><section epub:type="chapter">${heading}${paragraphs}${extra}</section></body></html>`
  );
}

/** Every word the chapters hold, the nav label that heads the chapter without a heading included. */
export function epubKnownText(): string {
  return CHAPTERS.flatMap((chapter): string[] => [chapter.heading || chapter.label, ...chapter.text])
    .concat(['Sketch drawn', EPUB_ALT, ...SOUNDINGS.flat()])
    .join('\n');
}

function opf(options: { ncx: boolean; manifestHref?: string; spineCount?: number }): string {
  const items = [...CHAPTERS]
    .reverse()
    .map(
      (chapter, index) => `<item id="c${2 - index}" href="text/${chapter.file}" media-type="application/xhtml+xml"/>`,
    );
  if (options.manifestHref)
    items.push(`<item id="x" href="${options.manifestHref}" media-type="application/xhtml+xml"/>`);
  const nav = options.ncx
    ? '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
    : '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>';
  const refs = CHAPTERS.map((_, index) => `<itemref idref="c${index}"/>`);
  if (options.manifestHref) refs.push('<itemref idref="x"/>');
  for (let extra = 0; extra < (options.spineCount ?? 0); extra++) refs.push('<itemref idref="c0"/>');
  return (
    `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">` +
    `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:x</dc:identifier>` +
    `<dc:title>${EPUB_TITLE}</dc:title>${EPUB_AUTHORS.map((name) => `<dc:creator>${name}</dc:creator>`).join('')}` +
    `<dc:date>${EPUB_DATE}</dc:date><dc:language>en</dc:language></metadata>` +
    `<manifest>${items.join('')}${nav}<item id="img" href="images/map.png" media-type="image/png"/></manifest>` +
    `<spine${options.ncx ? ' toc="ncx"' : ''}>${refs.join('')}</spine></package>`
  );
}

function navXhtml(): string {
  const links = CHAPTERS.map((chapter) => `<li><a href="text/${chapter.file}#start">${chapter.label}</a></li>`);
  return (
    `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head>` +
    `<body><nav epub:type="toc"><ol>${links.join('')}</ol></nav></body></html>`
  );
}

function ncx(): string {
  const points = CHAPTERS.map(
    (chapter, index) =>
      `<navPoint id="n${index}" playOrder="${index + 1}"><navLabel><text>${chapter.label}</text></navLabel><content src="text/${chapter.file}"/></navPoint>`,
  );
  return `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>${points.join('')}</navMap></ncx>`;
}

export interface EpubOptions {
  /** An EPUB 2 book: toc.ncx instead of nav.xhtml. */
  ncx?: boolean;
  /** An extra manifest item and spine entry with this href. */
  manifestHref?: string;
  /** This many extra spine entries. */
  spineCount?: number;
  /** Extra entries, added last. */
  extra?: Record<string, Uint8Array>;
}

export function buildEpub(options: EpubOptions = {}): Uint8Array {
  const files: Zippable = {
    mimetype: [encode('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': encode(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">' +
        '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ),
    'OEBPS/content.opf': encode(opf({ ncx: options.ncx ?? false, ...options })),
    ...(options.ncx ? { 'OEBPS/toc.ncx': encode(ncx()) } : { 'OEBPS/nav.xhtml': encode(navXhtml()) }),
    ...Object.fromEntries(CHAPTERS.map((chapter) => [`OEBPS/text/${chapter.file}`, encode(chapterXhtml(chapter))])),
    'OEBPS/images/map.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    ...options.extra,
  };
  return zipSync(files);
}
