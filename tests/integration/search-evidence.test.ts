import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { EvidenceLibrary } from '../support/evidence-library';
import { callOk, makeEvidenceLibrary } from '../support/evidence-library';
import { makeTempDir } from '../support/temp';

// grade:, reliability:, credibility: and source: restrict the search's annotation hits.

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
let library: EvidenceLibrary;
let ids: { dawn: string; eleven: string; copy: string; storm: string };

beforeEach(async () => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
  library = makeEvidenceLibrary(core);
  const channel = await callOk(core, 'saveSource', { name: "Libya's Channel", reliability: 'B' });
  const residents = await callOk(core, 'saveSource', { name: 'Residents', reliability: 'D' });
  const courier = await callOk(core, 'saveSource', { name: 'Coast Courier', reliability: 'C' });
  await callOk(core, 'setDocumentSources', { documentId: library.firstDoc, sourceIds: [channel.id] });
  await callOk(core, 'setDocumentSources', { documentId: library.secondDoc, sourceIds: [courier.id] });
  ids = {
    dawn: library.highlight(library.firstDoc, 'fishing boats left Zuwara'),
    eleven: library.highlight(library.firstDoc, 'eleven boats'),
    copy: library.highlight(library.secondDoc, 'fishing boats left Zuwara'),
    storm: library.highlight(library.secondDoc, 'storm closed'),
  };
  await callOk(core, 'gradeAnnotation', { annotationId: ids.dawn, credibility: '2' });
  await callOk(core, 'gradeAnnotation', { annotationId: ids.eleven, sourceIds: [residents.id], credibility: '3' });
  await callOk(core, 'gradeAnnotation', { annotationId: ids.storm, credibility: '5' });
});

afterEach(() => {
  core.close();
  temp.remove();
});

async function hits(query: string): Promise<{ ids: string[]; problems: string[] }> {
  const results = await callOk(core, 'search', { query });
  const found = results.groups.flatMap((group) =>
    group.hits.flatMap((hit) => (hit.annotationId ? [hit.annotationId] : [])),
  );
  return { ids: found.sort(), problems: results.problems };
}

const sorted = (...list: string[]) => [...list].sort();

describe('searching by grade, reliability, credibility and source', () => {
  it('finds annotations by their grade, with their own sources else their document’s', async () => {
    expect(await hits('grade:B2')).toEqual({ ids: [ids.dawn], problems: [] });
    expect((await hits('grade:D3')).ids).toEqual([ids.eleven]);
    expect((await hits('grade:C')).ids).toEqual(sorted(ids.copy, ids.storm));
  });

  it('compares reliability and credibility in the scheme’s order, leaving ungraded ones out', async () => {
    expect((await hits('reliability:<=B')).ids).toEqual([ids.dawn]);
    expect((await hits('reliability:<=C')).ids).toEqual(sorted(ids.dawn, ids.copy, ids.storm));
    expect((await hits('credibility:<=3')).ids).toEqual(sorted(ids.dawn, ids.eleven));
    expect((await hits('credibility:>3')).ids).toEqual([ids.storm]);
  });

  it('finds annotations from a named source, and combines with words', async () => {
    expect((await hits(`source:"libya's channel"`)).ids).toEqual([ids.dawn]);
    expect((await hits('source:Residents')).ids).toEqual([ids.eleven]);
    // A word or the start of one finds a source by its name, as a person remembers it.
    expect((await hits('source:libya')).ids).toEqual([ids.dawn]);
    expect((await hits('source:resid')).ids).toEqual([ids.eleven]);
    expect((await hits('boats reliability:<=C')).ids).toEqual(sorted(ids.dawn, ids.copy));
  });

  it('gives each annotation hit its grade, as its card shows it, and none to an ungraded one', async () => {
    const results = await callOk(core, 'search', { query: 'boats' });
    const gradeOf = new Map(
      results.groups.flatMap((group) =>
        group.hits.flatMap((hit) => (hit.annotationId ? [[hit.annotationId, hit.grade]] : [])),
      ),
    );
    expect(gradeOf.get(ids.dawn)).toEqual({ reliability: 'B', credibility: '2' });
    expect(gradeOf.get(ids.eleven)).toEqual({ reliability: 'D', credibility: '3' });
    // Ungraded itself, in a document whose source is graded: its reliability alone.
    expect(gradeOf.get(ids.copy)).toEqual({ reliability: 'C', credibility: '' });
  });

  it('says when a code or source is unknown, and then finds nothing', async () => {
    expect(await hits('reliability:<=Q')).toEqual({
      ids: [],
      problems: ["Unknown reliability “Q”; the Admiralty scheme's are A, B, C, D, E, F."],
    });
    expect(await hits('source:Nobody')).toEqual({
      ids: [],
      problems: ['No source is named “Nobody”, nor has a name with those words.'],
    });
    expect((await hits('grade:Z9')).problems).toEqual([
      'Unknown grade “Z9”; a grade is a reliability and a credibility, such as B2.',
    ]);
  });
});
