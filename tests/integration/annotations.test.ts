import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { UserFacingError } from '../../src/shared/result';
import { SAMPLE_REPORT, makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
let documentId: string;
let text: string;

beforeEach(() => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
  documentId = core.importPath(SAMPLE_REPORT).document.id;
  text = core.documents.canonicalText(documentId);
});

afterEach(() => {
  core.close();
  temp.remove();
});

const span = (quote: string, occurrence = 1) => {
  let start = -1;
  for (let seen = 0; seen < occurrence; seen += 1) start = text.indexOf(quote, start + 1);
  return { documentId, start, end: start + quote.length };
};

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof UserFacingError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('annotations', () => {
  it("list a document's anchored highlights as compact columns in reading order, leaving out notes and orphans", async () => {
    const later = core.annotations.create({ ...span('Tripoli'), color: 'blue' });
    const earlier = core.annotations.create({ ...span('Sabratha') });
    core.annotations.create({ documentId, kind: 'document', noteMarkdown: 'About the whole report' });
    core.annotations.create({ ...span('Channel'), kind: 'point', noteMarkdown: 'A pinned note' });
    const result = await core.call('listHighlightSpans', { documentId });
    expect(result).toEqual({
      ok: true,
      value: {
        documentId,
        ids: [earlier.id, later.id],
        starts: [earlier.target!.position.start, later.target!.position.start],
        ends: [earlier.target!.position.end, later.target!.position.end],
        colors: ['yellow', 'blue'],
      },
    });
  });

  it('store both W3C selectors, the text hash, the author and how they anchored', () => {
    core.profile.rename('Ana Analyst');
    const created = core.annotations.create({
      ...span('beheading 11 people'),
      color: 'red',
      tags: ['Claim/Casualties'],
      noteMarkdown: 'Check **numbers**',
    });
    expect(created).toMatchObject({
      kind: 'highlight',
      color: 'red',
      tags: ['Claim/Casualties'],
      anchor: { status: 'exact', score: 1 },
      author: { name: 'Ana Analyst' },
      note: { text: 'Check numbers', markdown: 'Check **numbers**' },
      target: {
        position: { type: 'TextPositionSelector', start: text.indexOf('beheading 11 people') },
        quote: {
          type: 'TextQuoteSelector',
          exact: 'beheading 11 people',
          prefix: text.slice(text.indexOf('beheading') - 32, text.indexOf('beheading')),
        },
        textSha256: core.documents.detail(documentId).textSha256,
      },
    });
    expect(core.annotations.list(documentId)).toEqual([created]);
  });

  it('trims white space at the edges of a selection and refuses one of only white space', () => {
    const { start, end } = span('the main hospital');
    const created = core.annotations.create({ documentId, start: start - 1, end: end + 1 });
    expect(created.target?.quote.exact).toBe('the main hospital');
    const gap = text.indexOf('\n\n');
    expect(() => core.annotations.create({ documentId, start: gap, end: gap + 2 })).toThrow(
      'The selection holds only white space',
    );
    expect(codeOf(() => core.annotations.create({ documentId, start: 0, end: text.length + 5 }))).toBe('INVALID_INPUT');
  });

  it('allow a highlight across paragraphs and overlapping, nested highlights', () => {
    const across = text.indexOf('Libya’s Channel.');
    const cross = core.annotations.create({ documentId, start: across, end: text.indexOf('As many as') + 10 });
    expect(cross.target?.quote.exact).toBe('Libya’s Channel.\n\nAs many as');
    core.annotations.create(span('the main hospital and beheading'.replace(' and', '\u00a0and')));
    core.annotations.create(span('main hospital'));
    expect(core.annotations.list(documentId)).toHaveLength(3);
  });

  it('take the color of their first colored tag when none is chosen', () => {
    core.annotations.saveTag({ path: 'Actor/IS', color: 'purple' });
    expect(core.annotations.create({ ...span('Islamic State militants'), tags: ['actor/is'] }).color).toBe('purple');
  });

  it('refuse notes over 1 MB and bad tag names, with a message', () => {
    expect(() =>
      core.annotations.create({ ...span('the main hospital'), noteMarkdown: 'x'.repeat(1024 * 1024 + 1) }),
    ).toThrow(/notes can be at most 1\.0 MB/);
    expect(() => core.annotations.create({ ...span('the main hospital'), tags: ['Actor//IS'] })).toThrow(/empty part/);
    expect(() => core.annotations.create({ ...span('the main hospital'), tags: ['x'.repeat(101)] })).toThrow(
      /at most 100 characters/,
    );
    const arabic = core.annotations.create({
      ...span('the main hospital'),
      tags: ['مكان/صبراتة', ' Place / Sabratha '],
    });
    expect(arabic.tags.sort()).toEqual(['Place/Sabratha', 'مكان/صبراتة']);
    expect(core.annotations.list(documentId)).toHaveLength(1);
  });

  it('name a change to one or several annotations in correct English for undo', () => {
    const one = core.annotations.create({ ...span('the main hospital') });
    const two = core.annotations.create({ ...span('Islamic State militants') });
    core.annotations.bulkUpdate({ ids: [one.id], color: 'green' });
    expect(core.annotations.undo()).toEqual({ description: 'Update 1 annotation' });
    core.annotations.bulkUpdate({ ids: [one.id, two.id], color: 'green' });
    expect(core.annotations.undo()).toEqual({ description: 'Update 2 annotations' });
    core.annotations.remove([one.id, two.id]);
    expect(core.annotations.undo()).toEqual({ description: 'Delete 2 annotations' });
  });

  it('undo and redo every change, one transaction at a time', () => {
    const created = core.annotations.create({ ...span('the main hospital'), tags: ['Place/Hospital'] });
    core.annotations.update({ id: created.id, color: 'green', noteMarkdown: 'first note' });
    core.annotations.remove([created.id]);
    expect(core.annotations.list(documentId)).toEqual([]);
    expect(core.annotations.undo()).toEqual({ description: 'Delete annotation' });
    expect(core.annotations.get(created.id)).toMatchObject({
      color: 'green',
      note: { text: 'first note' },
      tags: ['Place/Hospital'],
    });
    expect(core.annotations.undo()).toEqual({ description: 'Edit note' });
    expect(core.annotations.get(created.id)).toMatchObject({ color: 'yellow', note: { text: '' } });
    expect(core.annotations.undo()).toEqual({ description: 'Highlight' });
    expect(core.annotations.list(documentId)).toEqual([]);
    expect(core.annotations.listTags()).toEqual([]);
    expect(core.annotations.undo()).toBeNull();
    expect(core.annotations.redo()).toEqual({ description: 'Highlight' });
    expect(core.annotations.get(created.id).tags).toEqual(['Place/Hospital']);
    expect(core.searchService.search('tag:Place').total).toBe(1);
  });
});

describe('tag operations', () => {
  beforeEach(() => {
    core.annotations.create({ ...span('Islamic State militants'), tags: ['Actor/IS'] });
    core.annotations.create({ ...span('200 IS fighters'), tags: ['Actor/ISIS', 'Claim/Numbers'] });
    core.annotations.create({ ...span('French special forces'), tags: ['Actor/France/Special forces'] });
  });

  const paths = () => core.annotations.listTags().map((tag) => `${tag.path}:${tag.count}`);

  it('rename a parent and its children in one undoable step', () => {
    expect(core.annotations.renameTag('Actor', 'Group')).toEqual({ renamed: 3 });
    expect(paths()).toEqual(['Claim/Numbers:1', 'Group/France/Special forces:1', 'Group/IS:1', 'Group/ISIS:1']);
    expect(core.annotations.list(documentId).map((annotation) => annotation.tags.join(','))).toEqual([
      'Group/IS',
      'Claim/Numbers,Group/ISIS',
      'Group/France/Special forces',
    ]);
    core.annotations.undo();
    expect(paths()).toEqual(['Actor/France/Special forces:1', 'Actor/IS:1', 'Actor/ISIS:1', 'Claim/Numbers:1']);
  });

  it('move a tag under another parent, and refuse a move onto an existing tag or into itself', () => {
    core.annotations.renameTag('Actor/France', 'State/France');
    expect(paths()).toContain('State/France/Special forces:1');
    expect(() => core.annotations.renameTag('Actor/ISIS', 'actor/is')).toThrow(/already exists. Merge/);
    expect(() => core.annotations.renameTag('Actor', 'Actor/Sub')).toThrow(/inside itself/);
  });

  it('merge one tag into another without duplicating links', () => {
    core.annotations.create({ ...span('Sabratha', 3), tags: ['Actor/IS', 'Actor/ISIS'] });
    expect(core.annotations.mergeTags('Actor/ISIS', 'Actor/IS')).toEqual({ merged: 1, annotations: 2 });
    expect(paths()).toEqual(['Actor/France/Special forces:1', 'Actor/IS:3', 'Claim/Numbers:1']);
  });

  it('recolor and describe a tag', () => {
    const saved = core.annotations.saveTag({ path: 'Actor/IS', color: 'red', description: 'Islamic State' });
    expect(saved).toMatchObject({ path: 'Actor/IS', color: 'red', description: 'Islamic State', count: 1 });
  });

  it('delete a tag and its children, keeping the annotations, and report the count first', () => {
    expect(core.annotations.tagUsage('Actor')).toEqual({ tags: 3, annotations: 3 });
    expect(core.annotations.deleteTag('Actor')).toEqual({ deletedTags: 3, annotations: 3 });
    expect(paths()).toEqual(['Claim/Numbers:1']);
    expect(core.annotations.list(documentId)).toHaveLength(3);
    core.annotations.undo();
    expect(paths()).toHaveLength(4);
  });
});

describe('search', () => {
  beforeEach(() => {
    core.profile.rename('Rania');
    core.annotations.create({
      ...span('Islamic State militants'),
      tags: ['Actor/IS'],
      color: 'red',
      noteMarkdown: 'Attackers numbered about two hundred',
    });
    core.annotations.create({ ...span('French special forces'), tags: ['Actor/France'] });
  });

  const kinds = (query: string, documentScope?: string) =>
    core.searchService
      .search(query, { documentId: documentScope })
      .groups.flatMap((group) => group.hits.map((hit) => `${hit.kind}:${text.slice(hit.start, hit.end)}`));

  it('ranks document text and annotation hits, grouped by document, with marked snippets', () => {
    const results = core.searchService.search('hostages');
    expect(results.groups).toHaveLength(1);
    expect(results.groups[0]!.hits[0]).toMatchObject({ kind: 'text', start: text.indexOf('hostages') });
    expect(results.groups[0]!.hits[0]!.snippet.filter((part) => part.match).map((part) => part.text)).toEqual([
      'hostages',
    ]);
  });

  it('supports phrases, prefixes and the tag, color, author and orphan filters', () => {
    expect(kinds('"two hundred"')).toEqual(['annotation:Islamic State militants']);
    expect(kinds('milit*')).toContain('annotation:Islamic State militants');
    expect(kinds('tag:Actor')).toEqual(['annotation:Islamic State militants', 'annotation:French special forces']);
    expect(kinds('tag:actor/is')).toEqual(['annotation:Islamic State militants']);
    expect(kinds('color:red')).toEqual(['annotation:Islamic State militants']);
    expect(kinds('author:rania tag:Actor/France')).toEqual(['annotation:French special forces']);
    expect(kinds('is:orphan')).toEqual([]);
    expect(core.searchService.search('color:mauve').problems).toEqual([
      'Unknown color “mauve”; colors are yellow, green, blue, pink, purple, orange, red, gray.',
    ]);
  });

  it('says which authors there are when author: names nobody here, as a first name alone would', () => {
    const results = core.searchService.search('author:Ran militants');
    expect(results.total).toBe(0);
    expect(results.problems).toEqual([
      'No annotation is by “Ran” (give an author’s whole name or id); the authors here are “Rania”.',
    ]);
    expect(core.searchService.search('author:RANIA').problems).toEqual([]);
  });

  it('answers odd queries with results or a syntax hint, never an FTS error', () => {
    for (const query of [
      '"unbalanced',
      'AND OR NOT',
      'NEAR(',
      '*',
      'a"b"c',
      '(((',
      'tag:',
      'NEAR("a" "b")',
      '^a',
      'a:b',
      '"" OR ""',
      '- -x',
    ]) {
      expect(
        codeOf(() => core.searchService.search(query)),
        query,
      ).toMatch(/^(no error|INVALID_QUERY)$/);
    }
  });
});

describe('re-anchoring after a document changes', () => {
  it('keeps, moves, fuzzily finds or orphans each annotation and reports the counts', () => {
    const kept = core.annotations.create(span('Libya’s Channel with wires'));
    const moved = core.annotations.create(span('French special forces'));
    const fuzzy = core.annotations.create(
      span('killing 47 militants and two Serbian hostages the group had been holding there'),
    );
    const orphan = core.annotations.create({ ...span('beheading 11 people'), noteMarkdown: 'keep me' });
    const lexical = core.documents.detail(documentId).lexicalJson;
    const edited = lexical
      .replace('Islamic State militants stormed', 'Militants stormed')
      .replace('and beheading 11 people, residents', 'and residents')
      .replace('killing 47 militants and two Serbian hostages', 'killing 47 militants and 2 Serbian hostages');
    expect(core.updateDocumentText(documentId, edited)).toEqual({ kept: 1, moved: 1, fuzzy: 1, orphaned: 1 });
    const newText = core.documents.canonicalText(documentId);
    const byId = new Map(core.annotations.list(documentId).map((annotation) => [annotation.id, annotation]));
    expect(byId.get(kept.id)?.anchor.status).toBe('exact');
    expect(byId.get(moved.id)).toMatchObject({ anchor: { status: 'moved' } });
    expect(newText.slice(byId.get(moved.id)!.target!.position.start, byId.get(moved.id)!.target!.position.end)).toBe(
      'French special forces',
    );
    expect(byId.get(fuzzy.id)?.anchor.status).toBe('fuzzy');
    expect(byId.get(fuzzy.id)?.target?.quote.exact).toContain('2 Serbian hostages');
    expect(byId.get(orphan.id)).toMatchObject({
      anchor: { status: 'orphan', score: 0 },
      note: { text: 'keep me' },
      target: { quote: { exact: 'beheading 11 people' } },
    });
    expect(core.searchService.search('is:orphan').total).toBe(1);
    expect(core.documents.detail(documentId).textSha256).not.toBe(kept.target!.textSha256);
    const reattached = core.annotations.reattach(
      orphan.id,
      newText.indexOf('residents'),
      newText.indexOf('residents') + 9,
    );
    expect(reattached).toMatchObject({ anchor: { status: 'exact' }, target: { quote: { exact: 'residents' } } });
  });

  it('refuses an edited document that is not a valid Lexical state, changing nothing', () => {
    const before = core.documents.detail(documentId);
    expect(() => core.updateDocumentText(documentId, '{"root": 5}')).toThrow(/could not be read/);
    expect(core.documents.detail(documentId)).toEqual(before);
  });
});
