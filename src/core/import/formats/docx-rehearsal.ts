// A small Word file read once by a reader worker that waits between imports (the app's warm
// readers), before any real file: the first run of mammoth and of the block builder compiles
// their code, which made the first real read of a 200-page file about a tenth slower. The
// file is built here from fixed XML; nothing is read from disk.
import { strToU8, zipSync } from 'fflate';
import type { FormatReader } from './format-reader';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const PACKAGE = 'http://schemas.openxmlformats.org/package/2006';
const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const MAIN_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const RELS_TYPE = 'application/vnd.openxmlformats-package.relationships+xml';

const run = (text: string, props = ''): string =>
  `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const paragraph = (runs: string, style = ''): string =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs}</w:p>`;
const cell = (text: string): string => `<w:tc>${paragraph(run(text))}</w:tc>`;

const BODY = [
  paragraph(run('Rehearsal'), 'Heading1'),
  paragraph(run('A paragraph with ') + run('bold', '<w:b/>') + run(' and ') + run('italic', '<w:i/>') + run(' words.')),
  paragraph(run('A second paragraph, plain.')),
  `<w:tbl>${['<w:tr>' + cell('Site') + cell('Count') + '</w:tr>', '<w:tr>' + cell('North') + cell('3') + '</w:tr>'].join('')}</w:tbl>`,
  paragraph(run('The end.')),
].join('');

/** The small Word file's bytes. */
export function rehearsalDocx(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0"?><Types xmlns="${PACKAGE}/content-types"><Default Extension="rels" ContentType="${RELS_TYPE}"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/word/document.xml" ContentType="${MAIN_TYPE}"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="${PACKAGE}/relationships">` +
        `<Relationship Id="rId1" Type="${OFFICE_DOCUMENT}" Target="word/document.xml"/></Relationships>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="${PACKAGE}/relationships"><Relationship Id="rId1" Type="${STYLES}" Target="styles.xml"/></Relationships>`,
    ),
    'word/styles.xml': strToU8(
      `<?xml version="1.0"?><w:styles xmlns:w="${W}">` +
        `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`,
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${BODY}</w:body></w:document>`,
    ),
  });
}

/**
 * Reads the small Word file through the Word reader given, as a real import would. It is given,
 * not imported: importing it here would split the reader's chunk in two for this module's sake.
 */
export async function rehearseDocx(readDocx: FormatReader): Promise<string> {
  const document = await readDocx({ fileName: 'rehearsal.docx', bytes: rehearsalDocx() });
  return document.title;
}
