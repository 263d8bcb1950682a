// A search match in an imported image's description ("[Image: ALT]") is named as one, its
// snippet is that description alone, and the CLI marks the match so the text's own brackets stay whole.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imageDescriptionAround } from '../../src/shared/image-descriptions';
import type { SearchResults } from '../../src/shared/search-results';
import { searchHitLabel } from '../../src/shared/search-results';
import { cliAt } from '../support/cli-library';
import { EPUB_ALT, buildEpub } from '../support/epub-fixture';
import { makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => (temp = makeTempDir()));
afterEach(() => temp.remove());

const { ok, jsonOf } = cliAt(() => temp.path);

async function importBook(): Promise<void> {
  writeFileSync(join(temp.path, 'delta.epub'), buildEpub());
  await ok('import', join(temp.path, 'delta.epub'));
}

describe('search in image descriptions', () => {
  it('labels a match in an EPUB image’s alt text “Image description” and shows that description alone', async () => {
    await importBook();
    const results = await jsonOf<SearchResults>('search', 'channels');
    const hits = results.groups.flatMap((group) => group.hits);
    expect(hits.map(searchHitLabel)).toEqual(['Passage', 'Heading', 'Passage', 'Image description']);
    const described = hits[3]!;
    expect(described.snippet).toEqual([
      { text: '[Image: Map of the delta ', match: false },
      { text: 'channels', match: true },
      { text: ']', match: false },
    ]);
  });

  it('prints each hit with a readable label and marks matches so the text’s own square brackets stay intact', async () => {
    await importBook();
    const printed = await ok('search', 'delta');
    expect(printed).toMatch(/^ {2}image description(?: · .+)?\n {4}\[Image: Map of the ⟦delta⟧ channels\]$/m);
    expect(printed).toMatch(/^ {2}title\n {4}Letters from the ⟦Delta⟧$/m);
    expect(printed).not.toMatch(/\]\]|\[delta\]/i);
  });

  it('gives every kind of hit a label a person reads, never its kind’s name', () => {
    const hit = { start: 0, end: 0, marks: [], snippet: [] };
    expect(searchHitLabel({ ...hit, kind: 'text', place: 'title' })).toBe('Title');
    expect(searchHitLabel({ ...hit, kind: 'text', place: 'heading' })).toBe('Heading');
    expect(searchHitLabel({ ...hit, kind: 'annotation', anchorStatus: 'exact' })).toBe('Highlight');
    expect(searchHitLabel({ ...hit, kind: 'annotation', anchorStatus: 'orphan' })).toBe('Orphaned highlight');
  });
});

describe('the image description around a span of text', () => {
  const line = `Sketch drawn\n[Image: ${EPUB_ALT} [1] by hand]\nChannel`;
  const at = (word: string) => ({ start: line.indexOf(word), end: line.indexOf(word) + word.length });

  it('is the whole "[Image: …]" holding the span, past brackets of the alt text’s own', () => {
    const { start, end } = at('hand');
    expect(imageDescriptionAround(line, start, end)).toEqual({
      start: line.indexOf('[Image'),
      end: line.indexOf('hand]') + 5,
    });
  });

  it('is none for text before or after a description, or on another line', () => {
    for (const word of ['Sketch', 'Channel']) {
      const { start, end } = at(word);
      expect(imageDescriptionAround(line, start, end)).toBeNull();
    }
    const inline = '[Image: a map] and the delta channels';
    expect(imageDescriptionAround(inline, inline.indexOf('delta'), inline.indexOf('delta') + 5)).toBeNull();
  });
});
