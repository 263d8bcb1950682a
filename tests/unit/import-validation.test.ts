import { describe, expect, it } from 'vitest';
import { decodeImportFile, firstInvalidUtf8Offset } from '../../src/core/import/validate';
import { UserFacingError } from '../../src/shared/result';

const MB = 1024 * 1024;

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof UserFacingError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('import validation', () => {
  it('accepts UTF-8 text and strips a byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Title\nBody ‘quoted’ — café')]);
    expect(decodeImportFile('a.txt', bytes, MB)).toEqual({ sourceType: 'txt', text: 'Title\nBody ‘quoted’ — café' });
  });

  it('refuses an empty file, naming it', () => {
    expect(codeOf(() => decodeImportFile('notes.txt', new Uint8Array(), MB))).toBe(
      'EMPTY_FILE: “notes.txt” is empty: there is nothing to import.',
    );
  });

  it('refuses a file of only white space', () => {
    expect(codeOf(() => decodeImportFile('blank.md', new TextEncoder().encode('  \n\t\n'), MB))).toMatch(
      /^EMPTY_FILE: “blank.md” holds only white space/,
    );
  });

  it('refuses a binary file that claims to be text', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(codeOf(() => decodeImportFile('photo.txt', png, MB))).toMatch(
      /^BINARY_FILE: “photo.txt” looks like a binary file/,
    );
  });

  it('refuses invalid UTF-8 and says where the first bad byte is', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('Caf'), 0xe9, 0x20, 0x6f, 0x6b]);
    expect(codeOf(() => decodeImportFile('menu.txt', latin1, MB))).toBe(
      'INVALID_UTF8: “menu.txt” is not valid UTF-8 text (the first bad byte is at offset 3). Save it as UTF-8 and import it again.',
    );
  });

  it('refuses unsupported extensions and lists the supported ones', () => {
    expect(codeOf(() => decodeImportFile('report.odt', new Uint8Array([1]), MB))).toBe(
      "UNSUPPORTED_TYPE: “report.odt” can't be imported: Marginalia doesn't read .odt files. It imports .txt, .md, .markdown, .html, .htm, .pdf, .docx, .epub, .eml, .mbox, .mhtml, .mht, .png, .jpg, .jpeg, .tif and .tiff files.",
    );
    expect(codeOf(() => decodeImportFile('report.pdf', new Uint8Array([1]), MB))).toBe(
      'UNSUPPORTED_TYPE: “report.pdf” is named as a .pdf file, but its bytes are not one. Nothing was imported.',
    );
    expect(codeOf(() => decodeImportFile('empty.pdf', new Uint8Array([]), MB))).toBe(
      'EMPTY_FILE: “empty.pdf” is empty: there is nothing to import.',
    );
    expect(codeOf(() => decodeImportFile('README', new Uint8Array([65]), MB))).toMatch(/files without an extension/);
  });

  it('refuses a file over the size limit before reading it as text', () => {
    const big = new Uint8Array(2 * MB + 1).fill(65);
    expect(codeOf(() => decodeImportFile('big.txt', big, 2 * MB))).toBe(
      'TOO_LARGE: “big.txt” is 2.0 MB, over the import limit of 2.0 MB. The limit can be raised in Settings.',
    );
  });

  it('finds the first invalid UTF-8 byte for overlong, surrogate and truncated sequences', () => {
    expect(firstInvalidUtf8Offset(new TextEncoder().encode('ok ✓ 🎉 עברית'))).toBe(-1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0xc0, 0xaf]))).toBe(1); // overlong "/"
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0xed, 0xa0, 0x80]))).toBe(1); // UTF-16 surrogate
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0x42, 0xe2, 0x82]))).toBe(2); // cut off at the end
    expect(firstInvalidUtf8Offset(new Uint8Array([0xf5, 0x80, 0x80, 0x80]))).toBe(0); // above U+10FFFF
  });
});
