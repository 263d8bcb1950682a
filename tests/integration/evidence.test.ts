import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { EventEnvelope } from '../../src/shared/contract';
import type { ChangeSource } from '../../src/shared/change-source';
import { ADMIRALTY_SCHEME } from '../../src/shared/evidence';
import { makeTempDir } from '../support/temp';
import type { EvidenceLibrary } from '../support/evidence-library';
import { callError, callOk, makeEvidenceLibrary } from '../support/evidence-library';

// Sources, grades, links and claims through the contract, on a real library.

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
let library: EvidenceLibrary;
let events: Array<{ envelope: EventEnvelope; source: ChangeSource }>;

beforeEach(() => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
  library = makeEvidenceLibrary(core);
  events = [];
  core.events.subscribe((envelope, context) => {
    if (envelope.event === 'evidenceChanged') events.push({ envelope, source: context.source });
  });
});

afterEach(() => {
  core.close();
  temp.remove();
});

describe('sources and grades', () => {
  it('keeps sources in a list by name, with a reliability of the scheme and its reason', async () => {
    const radio = await callOk(core, 'saveSource', {
      name: '  Harbour   Radio ',
      kind: 'outlet',
      reliability: 'B',
      reliabilityReason: 'Accurate on past storms',
    });
    await callOk(core, 'saveSource', { name: 'Residents', kind: 'group' });
    expect(radio).toMatchObject({ name: 'Harbour Radio', kind: 'outlet', reliability: 'B' });
    expect((await callOk(core, 'listSources', {})).map((source) => source.name)).toEqual([
      'Harbour Radio',
      'Residents',
    ]);
    const changed = await callOk(core, 'saveSource', { id: radio.id, name: 'Harbour Radio', reliability: 'C' });
    expect(changed).toMatchObject({ reliability: 'C', reliabilityReason: 'Accurate on past storms', kind: 'outlet' });
    expect(events.map((event) => [event.envelope.payload, event.source])).toEqual([
      [{ kinds: ['sources'], documentIds: [] }, 'local'],
      [{ kinds: ['sources'], documentIds: [] }, 'local'],
      [{ kinds: ['sources'], documentIds: [] }, 'local'],
    ]);
  });

  it('refuses a reliability or credibility the scheme does not have, naming the valid codes', async () => {
    const error = await callError(core, 'saveSource', { name: 'Harbour Radio', reliability: 'Z' });
    expect(error).toEqual({
      code: 'INVALID_INPUT',
      message:
        '“Z” is not a reliability of the Admiralty scheme; use one of A, B, C, D, E, F (or nothing to clear it).',
    });
    const annotationId = library.highlight(library.firstDoc, 'fishing boats');
    expect((await callError(core, 'gradeAnnotation', { annotationId, credibility: '9' })).message).toContain(
      'use one of 1, 2, 3, 4, 5, 6',
    );
    expect(await callOk(core, 'listSources', {})).toEqual([]);
  });

  it('refuses a second source of the same name and says which one exists', async () => {
    const radio = await callOk(core, 'saveSource', { name: 'Harbour Radio' });
    expect(await callError(core, 'saveSource', { name: 'harbour radio' })).toEqual({
      code: 'INVALID_INPUT',
      message: `A source named “Harbour Radio” already exists (id ${radio.id}).`,
    });
  });

  it('grades an annotation with its own sources and a credibility, keeping what is not given', async () => {
    const radio = await callOk(core, 'saveSource', { name: 'Harbour Radio', reliability: 'B' });
    const residents = await callOk(core, 'saveSource', { name: 'Residents' });
    const annotationId = library.highlight(library.firstDoc, 'eleven boats');
    await callOk(core, 'gradeAnnotation', { annotationId, sourceIds: [residents.id, radio.id] });
    const graded = await callOk(core, 'gradeAnnotation', { annotationId, credibility: '2' });
    expect(graded).toMatchObject({
      annotationId,
      documentId: library.firstDoc,
      sourceIds: [residents.id, radio.id],
      credibility: '2',
    });
    expect(await callOk(core, 'listGrades', { documentId: library.firstDoc })).toEqual([graded]);
    expect(events.at(-1)?.envelope.payload).toEqual({ kinds: ['grades'], documentIds: [library.firstDoc] });
    await callOk(core, 'gradeAnnotation', { annotationId, sourceIds: [], credibility: '' });
    expect(await callOk(core, 'listGrades', { documentId: library.firstDoc })).toEqual([]);
  });

  it('refuses to delete a source that grades and documents still name, and with force takes it off them', async () => {
    const radio = await callOk(core, 'saveSource', { name: 'Harbour Radio' });
    const courier = await callOk(core, 'saveSource', { name: 'Coast Courier' });
    await callOk(core, 'setDocumentSources', { documentId: library.firstDoc, sourceIds: [radio.id, radio.id] });
    const annotationId = library.highlight(library.secondDoc, 'storm closed');
    await callOk(core, 'gradeAnnotation', { annotationId, sourceIds: [radio.id, courier.id], credibility: '3' });
    expect(await callOk(core, 'getDocumentSources', { documentId: library.firstDoc })).toEqual({
      sourceIds: [radio.id],
    });
    expect(await callError(core, 'deleteSource', { id: radio.id })).toEqual({
      code: 'IN_USE',
      message:
        '“Harbour Radio” is the source of 1 grade and 1 document; remove it from them first, or delete it anyway.',
    });
    expect(await callOk(core, 'getDocumentSources', { documentId: library.firstDoc })).toEqual({
      sourceIds: [radio.id],
    });
    expect(await callOk(core, 'deleteSource', { id: radio.id, force: true })).toEqual({
      deleted: true,
      uses: { grades: 1, documents: 1 },
    });
    expect(await callOk(core, 'getDocumentSources', { documentId: library.firstDoc })).toEqual({ sourceIds: [] });
    expect((await callOk(core, 'listGrades', { documentId: library.secondDoc }))[0]?.sourceIds).toEqual([courier.id]);
    expect(events.at(-1)?.envelope.payload).toEqual({
      kinds: ['sources', 'grades'],
      documentIds: expect.arrayContaining([library.firstDoc, library.secondDoc]),
    });
    const unused = await callOk(core, 'saveSource', { name: 'Unused' });
    expect(await callOk(core, 'deleteSource', { id: unused.id })).toEqual({
      deleted: true,
      uses: { grades: 0, documents: 0 },
    });
  });

  it('says which id was not found', async () => {
    expect(await callError(core, 'deleteSource', { id: 'nope' })).toEqual({
      code: 'NOT_FOUND',
      message: 'No source with id nope exists.',
    });
    expect(await callError(core, 'gradeAnnotation', { annotationId: 'gone', credibility: '1' })).toEqual({
      code: 'NOT_FOUND',
      message: 'No annotation with id gone exists.',
    });
    expect((await callError(core, 'setDocumentSources', { documentId: 'x', sourceIds: [] })).message).toBe(
      'No document with id x is in the library.',
    );
    const annotationId = library.highlight(library.firstDoc, 'fishing boats');
    expect((await callError(core, 'gradeAnnotation', { annotationId, sourceIds: ['s-missing'] })).message).toBe(
      'No source with id s-missing exists.',
    );
    expect(events).toEqual([]);
  });

  it('lets a library define its own scheme and grades by its codes', async () => {
    expect(await callOk(core, 'getGradingScheme', {})).toEqual(ADMIRALTY_SCHEME);
    const scheme = {
      name: 'Newsroom',
      reliability: [
        { code: 'H', label: 'High', description: '' },
        { code: 'L', label: 'Low', description: '' },
        { code: '?', label: 'Unknown', description: '' },
      ],
      credibility: [
        { code: 'y', label: 'Likely', description: '' },
        { code: '?', label: 'Unknown', description: '' },
      ],
    };
    expect(await callOk(core, 'saveGradingScheme', { scheme })).toEqual(scheme);
    expect(await callOk(core, 'saveSource', { name: 'Wire', reliability: 'H' })).toMatchObject({ reliability: 'H' });
    expect((await callError(core, 'saveSource', { name: 'Blog', reliability: 'B' })).message).toContain(
      'of the Newsroom scheme; use one of H, L, ?',
    );
    const twice = { ...scheme, credibility: [scheme.credibility[0]!, scheme.credibility[0]!] };
    expect((await callError(core, 'saveGradingScheme', { scheme: twice })).message).toBe(
      'The credibility scale has the code “y” twice.',
    );
  });
});

describe('links between annotations', () => {
  it('links across documents, shows the link from both ends with page and quote, and refuses a self-link', async () => {
    const copy = library.highlight(library.secondDoc, 'fishing boats left Zuwara at dawn');
    const original = library.highlight(library.firstDoc, 'fishing boats left Zuwara at dawn');
    const link = await callOk(core, 'linkAnnotations', { fromId: copy, toId: original, kind: 'repeats' });
    expect(await callOk(core, 'linkAnnotations', { fromId: copy, toId: original, kind: 'repeats' })).toEqual(link);
    expect(events).toHaveLength(1);
    expect(events[0]!.envelope.payload).toEqual({
      kinds: ['links'],
      documentIds: [library.secondDoc, library.firstDoc],
    });
    const seenFromFirst = await callOk(core, 'listLinks', { documentId: library.firstDoc });
    expect(seenFromFirst).toEqual([
      {
        ...link,
        direction: 'incoming',
        other: {
          annotationId: copy,
          documentId: library.secondDoc,
          documentTitle: core.documents.summary(library.secondDoc).title,
          quote: 'fishing boats left Zuwara at dawn',
          page: '',
        },
      },
    ]);
    expect((await callOk(core, 'listLinks', { documentId: library.secondDoc }))[0]).toMatchObject({
      direction: 'outgoing',
      other: { annotationId: original },
    });
    expect(await callError(core, 'linkAnnotations', { fromId: copy, toId: copy, kind: 'cites' })).toEqual({
      code: 'INVALID_INPUT',
      message: 'An annotation cannot be linked to itself: choose another passage.',
    });
    await callOk(core, 'unlinkAnnotations', { id: link.id });
    expect(await callOk(core, 'listLinks', { documentId: library.firstDoc })).toEqual([]);
    expect((await callError(core, 'unlinkAnnotations', { id: link.id })).message).toBe(
      `No link with id ${link.id} exists.`,
    );
  });

  it('shows a link within one document at both of its ends, and it goes when an annotation is deleted', async () => {
    const a = library.highlight(library.firstDoc, 'fishing boats');
    const b = library.highlight(library.firstDoc, 'eleven boats');
    await callOk(core, 'linkAnnotations', { fromId: a, toId: b, kind: 'same-event' });
    const views = await callOk(core, 'listLinks', { documentId: library.firstDoc });
    expect(views.map((view) => [view.direction, view.other.annotationId])).toEqual([
      ['outgoing', b],
      ['incoming', a],
    ]);
    await callOk(core, 'deleteAnnotations', { ids: [b] });
    expect(await callOk(core, 'listLinks', { documentId: library.firstDoc })).toEqual([]);
  });
});

describe('a scheme that changes under graded evidence', () => {
  it('keeps grades whose codes the new scheme lacks, and weighs them as not graded', async () => {
    const radio = await callOk(core, 'saveSource', { name: 'Harbour Radio', reliability: 'B' });
    await callOk(core, 'setDocumentSources', { documentId: library.firstDoc, sourceIds: [radio.id] });
    const annotationId = library.highlight(library.firstDoc, 'fishing boats');
    await callOk(core, 'gradeAnnotation', { annotationId, credibility: '2' });
    const claim = await callOk(core, 'saveClaim', {
      statement: 'Boats left',
      evidence: [{ annotationId, stance: 'supports' }],
    });
    expect(claim.bestGrade).toBe('B2');
    const levels = [
      { code: 'H', label: 'High', description: '' },
      { code: '?', label: 'Unknown', description: '' },
    ];
    await callOk(core, 'saveGradingScheme', { scheme: { name: 'Short', reliability: levels, credibility: levels } });
    expect((await callOk(core, 'listGrades', { documentId: library.firstDoc }))[0]?.credibility).toBe('2');
    const after = await callOk(core, 'getClaim', { id: claim.id });
    expect([after.bestGrade, after.evidence[0]?.grade, after.evidence[0]?.credibility]).toEqual(['', '', '']);
  });
});

describe('undoing the deletion of an annotation', () => {
  it('puts back its grade, links, place in a claim and row in an analysis with the ratings', async () => {
    const radio = await callOk(core, 'saveSource', { name: 'Harbour Radio', reliability: 'B' });
    const a = library.highlight(library.firstDoc, 'fishing boats');
    const b = library.highlight(library.secondDoc, 'storm closed');
    await callOk(core, 'gradeAnnotation', { annotationId: a, sourceIds: [radio.id], credibility: '2' });
    const link = await callOk(core, 'linkAnnotations', { fromId: b, toId: a, kind: 'contradicts' });
    const claim = await callOk(core, 'saveClaim', {
      statement: 'Boats left',
      evidence: [
        { annotationId: a, stance: 'supports' },
        { annotationId: b, stance: 'contradicts' },
      ],
    });
    const analysis = await callOk(core, 'saveAnalysis', { question: 'Why?' });
    const withHypothesis = await callOk(core, 'saveHypothesis', { analysisId: analysis.id, label: 'Storm' });
    const withRow = await callOk(core, 'saveAchRow', {
      analysisId: analysis.id,
      evidence: { kind: 'annotation', id: a },
    });
    const rated = await callOk(core, 'rateAchCell', {
      analysisId: analysis.id,
      rowId: withRow.rows[0]!.id,
      hypothesisId: withHypothesis.hypotheses[0]!.id,
      rating: 'C',
    });
    const before = {
      grades: await callOk(core, 'listGrades', { documentId: library.firstDoc }),
      links: await callOk(core, 'listLinks', { documentId: library.firstDoc }),
      claim: await callOk(core, 'getClaim', { id: claim.id }),
    };
    events = [];
    await callOk(core, 'deleteAnnotations', { ids: [a] });
    expect(events.map((event) => event.envelope.payload)).toEqual([
      { kinds: ['grades', 'links', 'claims', 'analyses'], documentIds: [library.firstDoc] },
    ]);
    expect(await callOk(core, 'listLinks', { documentId: library.secondDoc })).toEqual([]);
    expect((await callOk(core, 'getAnalysis', { id: analysis.id })).rows).toEqual([]);
    await callOk(core, 'undo', {});
    expect(events).toHaveLength(2);
    expect(await callOk(core, 'listGrades', { documentId: library.firstDoc })).toEqual(before.grades);
    expect(await callOk(core, 'listLinks', { documentId: library.firstDoc })).toEqual(before.links);
    expect((await callOk(core, 'getClaim', { id: claim.id })).evidence).toEqual(before.claim.evidence);
    expect((await callOk(core, 'getAnalysis', { id: analysis.id })).cells).toEqual(rated.cells);
    await callOk(core, 'redo', {});
    expect(await callOk(core, 'listLinks', { documentId: library.secondDoc })).toEqual([]);
    expect(link.id).toBeTruthy();
  });

  it('leaves out a link whose other end was deleted since', async () => {
    const a = library.highlight(library.firstDoc, 'fishing boats');
    const b = library.highlight(library.secondDoc, 'storm closed');
    await callOk(core, 'linkAnnotations', { fromId: a, toId: b, kind: 'cites' });
    await callOk(core, 'deleteAnnotations', { ids: [a] });
    core.annotations.store.deleteAnnotation(b);
    await callOk(core, 'undo', {});
    expect(core.annotations.get(a).id).toBe(a);
    expect(await callOk(core, 'listLinks', { documentId: library.firstDoc })).toEqual([]);
  });
});
