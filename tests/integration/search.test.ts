import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { MarginaliaCore } from '../../src/core/core';
import type { SearchResults } from '../../src/shared/search-results';
import { HTML_SAMPLES, SAMPLE_REPORT, makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
let aclu: string;
let text: string;

beforeEach(() => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
  aclu = core.importPath(join(HTML_SAMPLES, 'aclu/source.html')).document.id;
  text = core.documents.canonicalText(aclu);
});

afterEach(() => {
  core.close();
  temp.remove();
});

async function search(input: {
  query: string;
  documentId?: string;
  offset?: number;
  limit?: number;
}): Promise<SearchResults> {
  const result = await core.call('search', input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as SearchResults;
}

const hitsOf = (results: SearchResults) => results.groups.flatMap((group) => group.hits);
const quoted = (hit: { start: number; end: number }) => text.slice(hit.start, hit.end);

describe('search results', () => {
  it('count every place a word occurs, 50 of “Facebook” in the ACLU page, and page through all of them', async () => {
    const first = await search({ query: 'Facebook', limit: 20 });
    expect(first).toMatchObject({ total: 50, documents: 1, offset: 0 });
    expect(first.groups[0]).toMatchObject({ documentId: aclu, total: 50 });
    const pages = [
      first,
      await search({ query: 'Facebook', offset: 20, limit: 20 }),
      await search({ query: 'Facebook', offset: 40, limit: 20 }),
    ];
    expect(pages.map((page) => hitsOf(page).length)).toEqual([20, 20, 10]);
    const starts = pages.flatMap((page) => hitsOf(page).map((hit) => hit.start));
    expect(new Set(starts).size).toBe(50);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // 51 occurrences, each marked; the title's two are one hit, as the title shows whole in each.
    const marks = pages.flatMap((page) => hitsOf(page).flatMap((hit) => hit.marks));
    expect(marks).toHaveLength(51);
    for (const mark of marks) expect(quoted(mark).toLowerCase()).toBe('facebook');
    expect(await search({ query: 'Facebook', offset: 60 })).toMatchObject({ total: 50, groups: [] });
  });

  it('give one hit per passage for a query of several words, with each word marked in it', async () => {
    const results = await search({ query: 'Facebook tracking', limit: 1000 });
    const hits = hitsOf(results);
    expect(results.total).toBe(hits.length);
    for (let index = 1; index < hits.length; index += 1)
      expect(hits[index]!.start).toBeGreaterThanOrEqual(hits[index - 1]!.end);
    // “Facebook Is Tracking” is one passage; the title, which shows whole, is one hit with its last “Facebook” too.
    const title = hits.find((hit) => hit.place === 'title');
    const words = ['Facebook', 'Tracking', 'Facebook'];
    expect(title?.marks.map((mark) => text.slice(mark.start, mark.end))).toEqual(words);
    expect(title?.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(words);
    const tracking = [...text.matchAll(/(?<![\p{L}\p{N}])tracking(?![\p{L}\p{N}])/giu)].length;
    expect(results.total).toBeLessThan(51 + tracking);
  });

  it('list, for several words, the paragraphs that hold them all, not each paragraph holding one', async () => {
    const paragraphs = Array.from(
      { length: 300 },
      (_, index) => `Paragraph ${index + 1} walks east of marker ${index + 1}.`,
    );
    const diary = core.importBytes('diary.txt', Buffer.from(`Field diary\n\n${paragraphs.join('\n\n')}\n`)).document.id;
    const diaryText = core.documents.canonicalText(diary);
    const both = await search({ query: 'marker 120', documentId: diary });
    expect(both.total).toBe(1);
    const [hit] = hitsOf(both);
    expect(hit!.marks.map((mark) => diaryText.slice(mark.start, mark.end))).toEqual(['120', 'marker', '120']);
    // Either word: every paragraph with one of them.
    expect((await search({ query: 'marker OR 120', documentId: diary, limit: 1000 })).total).toBe(300);
    // Words no one paragraph holds together: the document matched as a whole, so each place shows,
    // the title's “diary” and paragraph 120.
    const apart = hitsOf(await search({ query: 'diary 120', documentId: diary, limit: 1000 }));
    expect(apart.map((found) => diaryText.slice(found.marks[0]!.start, found.marks.at(-1)!.end))).toEqual([
      'diary',
      '120 walks east of marker 120',
    ]);
  });

  it('mark a quoted phrase whole, as one span', async () => {
    const hits = hitsOf(await search({ query: '"not on Facebook"', documentId: aclu }));
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(quoted(hit)).toMatch(/^not\W+on\W+facebook$/i);
      expect(hit.marks).toEqual([{ start: hit.start, end: hit.end }]);
    }
  });

  it('understand OR, NOT and parentheses', async () => {
    const facebook = (await search({ query: 'Facebook' })).total;
    const either = await search({ query: 'Facebook OR Sabratha', limit: 1000 });
    expect(either.documents).toBe(1);
    const sample = core.importPath(SAMPLE_REPORT).document.id;
    const both = await search({ query: '(Facebook OR Sabratha) NOT zebra', limit: 1000 });
    expect(both.groups.map((group) => group.documentId).sort()).toEqual([aclu, sample].sort());
    expect(both.groups.find((group) => group.documentId === aclu)?.total).toBe(facebook);
    expect((await search({ query: 'Sabratha NOT Facebook' })).groups.map((group) => group.documentId)).toEqual([
      sample,
    ]);
  });

  it('say why a query cannot be read, with a code, instead of showing no results', async () => {
    const result = await core.call('search', { query: '"security vacuum" OR x((' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_QUERY',
        message:
          'The search could not be read: a “(” is never closed. Add a “)”, or put the text in quotes to search for it.',
      },
    });
    const cases: Array<[string, RegExp]> = [
      ['"security vacuum', /quote .* never closed/],
      ['militia OR', /OR needs a word or phrase on both sides/],
      ['NOT militia', /NOT needs something before it/],
      ['militia)', /“\)” without a “\(”/],
      ['tag:Actor OR militia', /apply to the whole search/],
      ['color:', /color: needs a value/],
    ];
    for (const [query, message] of cases)
      expect(await core.call('search', { query }), query).toMatchObject({
        ok: false,
        error: { code: 'INVALID_QUERY', message },
      });
  });

  it('count and page annotation hits past any cap, and see annotations made by this and other connections', async () => {
    const spans = [...text.matchAll(/Facebook/g)]
      .slice(0, 12)
      .map((match) => ({ documentId: aclu, start: match.index, end: match.index + 8 }));
    for (const span of spans) core.annotations.create({ ...span, color: 'red' });
    const red = await search({ query: 'color:red', limit: 5 });
    expect(red).toMatchObject({ total: 12, documents: 1 });
    const rest = await search({ query: 'color:red', offset: 5, limit: 100 });
    expect([...hitsOf(red), ...hitsOf(rest)].map((hit) => hit.annotationId)).toHaveLength(12);
    expect((await search({ query: 'Facebook', limit: 1 })).total).toBe(50 + 12);
    const other = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
    try {
      other.annotations.create({ documentId: aclu, start: spans[0]!.start, end: spans[0]!.end, color: 'red' });
    } finally {
      other.close();
    }
    expect((await search({ query: 'color:red' })).total).toBe(13);
    core.annotations.remove([hitsOf(red)[0]!.annotationId!]);
    expect((await search({ query: 'color:red' })).total).toBe(12);
  });

  it('follow every change to annotations, tags, colors and anchoring, undo included', async () => {
    const count = async (query: string) => (await search({ query })).total;
    const at = text.indexOf('Facebook');
    const first = core.annotations.create({ documentId: aclu, start: at, end: at + 8, tags: ['Actor/Company'] });
    expect(await count('tag:Actor')).toBe(1);
    core.annotations.update({ id: first.id, color: 'blue' });
    expect([await count('color:blue'), await count('color:yellow')]).toEqual([1, 0]);
    core.annotations.bulkUpdate({ ids: [first.id], removeTags: ['Actor/Company'], addTags: ['Place/Web'] });
    expect([await count('tag:Actor'), await count('tag:Place')]).toEqual([0, 1]);
    core.annotations.mergeTags('Place/Web', 'Actor/Company');
    expect([await count('tag:Actor/Company'), await count('tag:Place')]).toEqual([1, 0]);
    core.annotations.deleteTag('Actor');
    expect(await count('tag:Actor')).toBe(0);
    core.annotations.remove([first.id]);
    expect(await count('color:blue')).toBe(0);
    core.annotations.undo();
    expect(await count('color:blue')).toBe(1);
    expect(await count('is:orphan')).toBe(0);
  });

  it('refuses a page size or offset out of bounds', async () => {
    expect(await core.call('search', { query: 'Facebook', limit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await core.call('search', { query: 'Facebook', offset: -1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
