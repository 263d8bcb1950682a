// exportContents: what the export dialog shows before exporting, each document's annotation
// count and what the chosen documents have behind each include option.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { EvidenceLibrary } from '../support/evidence-library';
import { FIRST_REPORT, callOk, makeEvidenceLibrary } from '../support/evidence-library';
import { makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
let library: EvidenceLibrary;

beforeEach(() => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: '1.0.0' });
  library = makeEvidenceLibrary(core);
});

afterEach(() => {
  core.close();
  temp.remove();
});

describe('exportContents', () => {
  it('counts every document’s annotations, and says the chosen documents have nothing behind an option', async () => {
    library.highlight(library.firstDoc, 'eleven boats did not come back');
    const contents = await callOk(core, 'exportContents', { documentIds: [library.secondDoc] });
    expect(contents.annotationsByDocument).toEqual({ [library.firstDoc]: 1 });
    expect(contents.chosen).toEqual({ annotations: 0, notes: 0, tagged: 0, orphans: 0, evidence: 0 });
  });

  it('counts the chosen documents’ notes, tagged annotations, orphans and claims and sources', async () => {
    const missing = library.highlight(library.firstDoc, 'eleven boats did not come back');
    await callOk(core, 'updateAnnotation', { id: missing, tags: ['Event/Loss'], noteMarkdown: 'How many crew?' });
    library.highlight(library.firstDoc, 'fishing boats left Zuwara at dawn');
    library.highlight(library.secondDoc, 'storm closed the harbour');
    const changed = join(temp.path, 'harbour-radio.txt');
    writeFileSync(changed, FIRST_REPORT.replace('fishing boats left Zuwara at dawn', 'the fleet sailed'));
    expect((await core.updateDocumentFromPath(library.firstDoc, changed)).orphaned).toBe(1);
    await callOk(core, 'saveClaim', {
      statement: 'Eleven boats are missing',
      evidence: [{ annotationId: missing, stance: 'supports' }],
    });

    const first = await callOk(core, 'exportContents', { documentIds: [library.firstDoc] });
    expect(first.chosen).toEqual({ annotations: 2, notes: 1, tagged: 1, orphans: 1, evidence: 1 });
    const both = await callOk(core, 'exportContents', { documentIds: [library.secondDoc, library.firstDoc] });
    expect(both.annotationsByDocument).toEqual({ [library.firstDoc]: 2, [library.secondDoc]: 1 });
    expect(both.chosen).toEqual({ annotations: 3, notes: 1, tagged: 1, orphans: 1, evidence: 1 });
    const second = await callOk(core, 'exportContents', { documentIds: [library.secondDoc] });
    expect(second.chosen.evidence).toBe(0);
  });
});
