import { describe, expect, it } from 'vitest';
import {
  authorRow,
  coverDate,
  coverRowText,
  openingText,
  provenanceRows,
  readableDate,
} from '../../src/core/export/pdf-provenance';
import type { DocumentProvenance } from '../../src/shared/model';
import { formatSize, isImportableName, ocrText, originText } from '../../src/shared/provenance-labels';
import { provenanceFromShared, sharedProvenance } from '../../src/shared/shared-provenance';

const PROVENANCE: DocumentProvenance = {
  fileName: 'report.pdf',
  sourceType: 'pdf',
  mimeType: 'application/pdf',
  size: 2_500_000,
  sha256: 'a'.repeat(64),
  origin: { kind: 'file', path: '/home/ana/Secret cases/report.pdf' },
  importedAt: '2026-11-30T14:05:00.000Z',
  importer: 'pdfjs-dist 5.4.296',
  pageCount: 12,
  pageMap: [
    { start: 0, number: 1 },
    { start: 900, number: 2, label: 'ii' },
  ],
  createdAt: '2024-03-05T10:00:00Z',
  ocr: { meanConfidence: 91.4, lowConfidenceWords: 3 },
};

describe('provenance in words', () => {
  it('writes an ISO date out in full and leaves a date the document words itself alone', () => {
    expect(readableDate('2024-03-05T10:15:00.000Z')).toBe('March 5, 2024');
    expect(readableDate('2024-03-05')).toBe('March 5, 2024');
    expect(readableDate('Spring 2024')).toBe('Spring 2024');
    expect(readableDate('2024-13-45T99:00:00Z')).toBe('2024-13-45T99:00:00Z');
  });

  it('writes every cover date in one form: the day written out, and the minute in UTC when it has a time', () => {
    expect(coverDate('2024-03-05T10:15:30.000+02:00')).toBe('March 5, 2024, 08:15 UTC');
    expect(coverDate(new Date(Date.UTC(2026, 10, 25, 12, 0)))).toBe('November 25, 2026, 12:00 UTC');
    expect(coverDate('2024-03-05')).toBe('March 5, 2024');
    expect(coverDate('Spring 2024')).toBe('Spring 2024');
  });

  it('puts the original on the PDF cover without the path it was read from', () => {
    const rows = provenanceRows(PROVENANCE).map(coverRowText).join('\n');
    expect(rows).toContain('Original: report.pdf · PDF document · 12 pages · 2.4 MB');
    expect(rows).toContain(`SHA-256: ${Array(8).fill('aaaaaaaa').join(' ')}`);
    expect(rows).toContain(
      'Created March 5, 2024, 10:00 UTC · Imported November 30, 2026, 14:05 UTC with pdfjs-dist 5.4.296',
    );
    expect(rows).toContain('Text recognized by OCR, mean confidence 91%, 3 unsure words');
    expect(rows).not.toContain('Secret cases');
    expect(provenanceRows(null)).toEqual([]);
  });

  it('says on the cover when a page imported from a web address was fetched, to the minute, and nothing for a file', () => {
    const fetched: DocumentProvenance = {
      ...PROVENANCE,
      origin: { kind: 'url', url: 'https://example.org/report' },
      originUrl: 'https://example.org/report',
      capturedAt: '2026-11-29T08:07:30.000Z',
    };
    const rows = provenanceRows(fetched).map(coverRowText);
    expect(rows[rows.indexOf('Came from: https://example.org/report') + 1]).toBe(
      'Fetched: November 29, 2026, 08:07 UTC',
    );
    expect(provenanceRows(PROVENANCE).map(coverRowText).join('\n')).not.toContain('Fetched');
  });

  it('gives the SHA-256 as a digest row the cover sets in groups of eight, so no line breaks inside a group', () => {
    const sha256 = '9f4e857f727cef558d7d24bfd25d1bda78bb06d1259230eb68724d9926559cda';
    const row = provenanceRows({ ...PROVENANCE, sha256 }).find((item) => typeof item !== 'string');
    expect(row).toEqual({ label: 'SHA-256', digest: sha256 });
    expect(coverRowText(row!)).toBe('SHA-256: 9f4e857f 727cef55 8d7d24bf d25d1bda 78bb06d1 259230eb 68724d99 26559cda');
  });

  it('says when a message was sent to the minute and names the zone, UTC, as the fetched line does', () => {
    const message: DocumentProvenance = {
      ...PROVENANCE,
      sourceType: 'eml',
      pageCount: undefined,
      createdAt: '2026-03-05T23:30:00.000Z',
    };
    const rows = provenanceRows(message).map(coverRowText);
    expect(rows).toContain(
      'Sent March 5, 2026, 23:30 UTC · Imported November 30, 2026, 14:05 UTC with pdfjs-dist 5.4.296',
    );
    // Under the cover the message's own Date line says it: the cover does not say it again.
    const opening = openingText(['From: Ada', 'Date: Fri, 06 Mar 2026 00:30:00 +0100']);
    expect(provenanceRows(message, opening).map(coverRowText)).toContain(
      'Imported November 30, 2026, 14:05 UTC with pdfjs-dist 5.4.296',
    );
  });

  it('counts one page as a page', () => {
    const single = provenanceRows({ ...PROVENANCE, pageCount: 1, ocr: undefined }).map(coverRowText);
    expect(single[0]).toBe('Original: report.pdf · PDF document · 1 page · 2.4 MB');
  });

  it('names the author once, under one label: the byline, the file’s author only when it is another name', () => {
    const withAuthor = { ...PROVENANCE, author: 'Dr. Amal  Haddad' };
    expect(provenanceRows(withAuthor).map(coverRowText).join('\n')).not.toMatch(/author/i);
    expect(authorRow('Dr. Amal Haddad', withAuthor)).toBe('Author: Dr. Amal Haddad');
    expect(authorRow('', withAuthor)).toBe('Author: Dr. Amal  Haddad');
    expect(authorRow('Leila Mansour', withAuthor)).toBe('Author: Leila Mansour (the file names Dr. Amal  Haddad)');
    expect(authorRow('Leila Mansour', null)).toBe('Author: Leila Mansour');
    expect(authorRow(' ', PROVENANCE)).toBeUndefined();
    const message = { ...PROVENANCE, sourceType: 'eml' as const, author: 'Ada <ada@example.org>' };
    expect(authorRow('', message)).toBe('From: Ada <ada@example.org>');
  });

  it('leaves out of the cover an author the document’s opening already prints, keeping another name the file gives', () => {
    const withAuthor = { ...PROVENANCE, author: 'Dr. Amal Haddad' };
    expect(authorRow('Dr. Amal Haddad', withAuthor, openingText(['Dr. Amal Haddad']))).toBeUndefined();
    expect(authorRow('Leila Mansour', withAuthor, openingText(['Leila Mansour']))).toBe(
      'Author in the file’s metadata: Dr. Amal Haddad',
    );
    expect(authorRow('Ap', withAuthor, openingText(['An apple a day']))).toBe(
      'Author: Ap (the file names Dr. Amal Haddad)',
    );
    const message = { ...PROVENANCE, sourceType: 'eml' as const, author: 'Ada <ada@example.org>' };
    expect(
      authorRow('', message, openingText(['From: Ada <ada@example.org>', 'To: desk@example.org'])),
    ).toBeUndefined();
  });

  it('shares the facts of the original and its pages, never its local path, and passes a received claim on unchanged', () => {
    const shared = sharedProvenance(PROVENANCE);
    expect(JSON.stringify(shared)).not.toContain('Secret cases');
    expect(shared).toMatchObject({ originKind: 'file', pageCount: 12, capturedAt: '2024-03-05T10:00:00.000Z' });
    expect(shared.pageMap).toEqual(PROVENANCE.pageMap);
    const received = provenanceFromShared(shared, { kind: 'bundle' });
    expect(received.origin).toEqual({ kind: 'bundle' });
    expect(received.pageMap).toEqual(PROVENANCE.pageMap);
    expect(sharedProvenance(received)).toEqual(shared);
  });

  it('names sizes, origins, OCR and which attachments can be imported', () => {
    expect(formatSize(812)).toBe('812 bytes');
    expect(formatSize(14_540)).toBe('14.2 KB');
    const attachment = { kind: 'attachment', messageId: '<m1>', attachmentName: 'a.pdf', documentId: 'd' } as const;
    expect(originText(attachment, 'Weekly report')).toBe('From the e-mail “Weekly report”, attachment “a.pdf”');
    expect(ocrText({ meanConfidence: 88.6, lowConfidenceWords: 1 })).toBe(
      'Recognized text (OCR), mean confidence 89%, 1 unsure word',
    );
    expect(ocrText({ meanConfidence: 93, lowConfidenceWords: 0, languages: 'eng+fra' })).toBe(
      'Recognized text (OCR, English + French), mean confidence 93%',
    );
    expect(isImportableName('Survey.PDF')).toBe(true);
    expect(isImportableName('photo.heic')).toBe(false);
    expect(isImportableName('.pdf')).toBe(false);
  });
});
