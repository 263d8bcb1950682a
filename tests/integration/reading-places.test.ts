import { describe, expect, it } from 'vitest';
import { callError, callOk } from '../support/evidence-library';
import { SAMPLE_REPORT } from '../support/temp';
import { useTempCore } from '../support/temp-core';

const library = useTempCore();

function sample(): string {
  return library.core.importPath(SAMPLE_REPORT).document.id;
}

describe('reading places', () => {
  it('gives back where a document was last read, and its top for one never read', async () => {
    const documentId = sample();
    expect(await callOk(library.core, 'getReadingPlace', { documentId })).toEqual({ offset: 0 });
    await callOk(library.core, 'saveReadingPlace', { documentId, offset: 1200 });
    await callOk(library.core, 'saveReadingPlace', { documentId, offset: 2400 });
    expect(await callOk(library.core, 'getReadingPlace', { documentId })).toEqual({ offset: 2400 });
    // Back at the top, the place is forgotten.
    await callOk(library.core, 'saveReadingPlace', { documentId, offset: 0 });
    expect(library.core.db.prepare('SELECT count(*) AS n FROM reading_places').get()).toEqual({ n: 0 });
  });

  it('keeps a place within a text edited shorter since, and goes with its document', async () => {
    const documentId = sample();
    const { core } = library;
    const length = core.documents.canonicalText(documentId).length;
    await callOk(core, 'saveReadingPlace', { documentId, offset: length - 10 });
    const detail = core.documents.detail(documentId);
    const cut = detail.lexicalJson.replace(/Libya’s Channel/g, 'LC');
    core.updateDocumentText(documentId, cut);
    const shorter = core.documents.canonicalText(documentId).length;
    expect(shorter).toBeLessThan(length - 10);
    expect(await callOk(core, 'getReadingPlace', { documentId })).toEqual({ offset: shorter });
    await callOk(core, 'removeDocument', { id: documentId });
    expect(core.db.prepare('SELECT count(*) AS n FROM reading_places').get()).toEqual({ n: 0 });
  });

  it('refuses a place in no document, and an offset that is no place', async () => {
    const documentId = sample();
    expect(await callError(library.core, 'saveReadingPlace', { documentId: 'nope', offset: 3 })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await callError(library.core, 'saveReadingPlace', { documentId, offset: -1 })).code).toBe('INVALID_INPUT');
    expect((await callError(library.core, 'saveReadingPlace', { documentId, offset: 1.5 })).code).toBe('INVALID_INPUT');
  });
});
