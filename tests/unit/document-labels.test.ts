import { describe, expect, it } from 'vitest';
import { originLine, originalDateLabel, ownDateLabel, sharedTitleIds } from '../../src/shared/document-labels';

const doc = {
  importedAt: '2026-11-30T10:00:00.000Z',
  textUpdatedAt: '2026-11-30T10:00:00.120Z',
  textVersion: 'fedf02d',
  originName: '',
};

describe('telling same-titled documents apart', () => {
  it('names a document imported here, or the signer it came from, with its text version', () => {
    expect(originLine(doc)).toBe('Imported here · version fedf02d');
    expect(originLine({ ...doc, originName: 'Rui Reviewer' })).toBe('From Rui Reviewer · version fedf02d');
  });

  it('adds when the text was edited, but not for the moment between import and first save', () => {
    expect(originLine({ ...doc, textUpdatedAt: '2026-12-02T09:30:00.000Z' })).toBe(
      'Imported here · version fedf02d · text edited 2026-12-02',
    );
  });

  it('marks only documents whose title another document shares, whatever the case or surrounding spaces', () => {
    const ids = sharedTitleIds([
      { id: 'a', title: 'Field report' },
      { id: 'b', title: ' field REPORT' },
      { id: 'c', title: 'Field reports' },
    ]);
    expect([...ids].sort()).toEqual(['a', 'b']);
  });

  it('names a document’s own date by what it is: a message’s when sent, a PDF’s when created, a page’s or book’s when published', () => {
    expect(ownDateLabel('eml')).toBe('Sent');
    expect(ownDateLabel('pdf')).toBe('Created');
    expect(ownDateLabel('html')).toBe('Published');
    expect(ownDateLabel('mhtml')).toBe('Published');
    expect(ownDateLabel('epub')).toBe('Published');
  });

  it('names the original file’s own date in the Source panel by what it is for each kind of file', () => {
    expect(originalDateLabel('eml')).toBe('Sent');
    expect(originalDateLabel('pdf')).toBe('Created');
    expect(originalDateLabel('docx')).toBe('Created');
    expect(originalDateLabel('mhtml')).toBe('Saved');
    expect(originalDateLabel('image')).toBe('Captured');
    expect(originalDateLabel('epub')).toBe('Published');
  });
});
