// A document's provenance in words a person reads: its type, its size and where it came
// from, the same in the Source panel and on the exported PDF's cover.
import type { DocumentOrigin, DocumentProvenance, SourceType } from './model';
import { IMPORTABLE_EXTENSIONS } from './model';

const TYPE_NAMES: Record<SourceType, string> = {
  txt: 'Plain text',
  md: 'Markdown',
  html: 'Web page (HTML)',
  pdf: 'PDF document',
  docx: 'Word document',
  epub: 'EPUB book',
  eml: 'E-mail message',
  mhtml: 'Saved web page (MHTML)',
  image: 'Image (scanned page)',
};

/** "PDF document", "E-mail message": what kind of file the original was. */
export function typeName(sourceType: SourceType): string {
  return TYPE_NAMES[sourceType];
}

/** A size as people read it: "812 bytes", "14.2 KB", "3.4 MB" (1 KB = 1,024 bytes). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Whether Marginalia can import a file by its name (what an attachment's Import button needs). */
export function isImportableName(fileName: string): boolean {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && IMPORTABLE_EXTENSIONS[fileName.slice(dot).toLowerCase()] !== undefined;
}

/** Where the bytes came from, in one line; `messageTitle` names the message an attachment came in. */
export function originText(origin: DocumentOrigin, messageTitle?: string): string {
  switch (origin.kind) {
    case 'file':
      return `File ${origin.path}`;
    case 'upload':
      return 'A file chosen or dropped in the browser';
    case 'url':
      return `Web address ${origin.url}`;
    case 'attachment':
      return `From the e-mail “${messageTitle ?? origin.messageId}”, attachment “${origin.attachmentName}”`;
    case 'bundle':
      return 'A note bundle';
  }
}

const LANGUAGE_NAMES: Record<string, string> = { eng: 'English', fra: 'French' };

/** "English + French" for tesseract's "eng+fra"; a code this app does not name stays as it is. */
export function ocrLanguageNames(languages: string): string {
  return languages
    .split('+')
    .map((code) => LANGUAGE_NAMES[code] ?? code)
    .join(' + ');
}

/** The OCR line: "Recognized text (OCR, French), mean confidence 91%, 4 unsure words". */
export function ocrText(ocr: NonNullable<DocumentProvenance['ocr']>): string {
  const unsure = ocr.lowConfidenceWords === 1 ? '1 unsure word' : `${ocr.lowConfidenceWords} unsure words`;
  const languages = ocr.languages ? `, ${ocrLanguageNames(ocr.languages)}` : '';
  return `Recognized text (OCR${languages}), mean confidence ${Math.round(ocr.meanConfidence)}%${ocr.lowConfidenceWords > 0 ? `, ${unsure}` : ''}`;
}
