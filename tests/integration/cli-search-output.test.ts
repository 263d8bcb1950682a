// `marginalia search` as an analyst reads it: each hit says where it is as a person would cite it
// (its page and its section, either, or neither), a heading is named as one, and hits stand apart, within 80 columns.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchResults } from '../../src/shared/search-results';
import { cliAt } from '../support/cli-library';
import { buildPagedPdf } from '../support/paged-pdf';
import { buildFixturePdf } from '../support/pdf-fixtures';
import { CRLF, entity } from '../support/mime-fixtures';
import { makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => (temp = makeTempDir()));
afterEach(() => temp.remove());

const { ok, jsonOf } = cliAt(() => temp.path);

const BRIEFING = [
  '# Coastal briefing',
  '',
  'Harbour traffic was light before the storm.',
  '',
  '## Harbour closures',
  '',
  'The harbour master closed the inner basin on Monday.',
  '',
  '## Open questions',
  '',
  'Who reopened the harbour, and when?',
].join('\n');

async function importBriefing(): Promise<void> {
  writeFileSync(join(temp.path, 'briefing.md'), BRIEFING);
  await ok('import', join(temp.path, 'briefing.md'));
}

/** The printed hits: each block of lines after the group's heading line. */
function hitBlocks(printed: string): string[] {
  return printed
    .split('\n\n')
    .filter((block) => block.startsWith('  '))
    .map((block) => block.trimEnd());
}

describe('marginalia search output', () => {
  it('names the page of each hit in a paged document, and prints no bare character offsets', async () => {
    writeFileSync(join(temp.path, 'survey.pdf'), (await buildPagedPdf(3)).bytes);
    await ok('import', join(temp.path, 'survey.pdf'));
    const printed = await ok('search', 'amphorae');
    expect(hitBlocks(printed).map((block) => block.split('\n')[0])).toEqual([
      '  passage · p. 1',
      '  passage · p. 2',
      '  passage · p. 3',
    ]);
    expect(printed).not.toMatch(/^ {2}passage \d+/m);
    // The offsets stay in --json, for scripts.
    const json = await jsonOf<SearchResults>('search', 'amphorae');
    expect(json.groups[0]!.hits.map((hit) => hit.start)).toEqual([
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
    ]);
  });

  it('names both the page and the section of a hit in a PDF with headings, as a person cites a report', async () => {
    writeFileSync(join(temp.path, 'ruins.pdf'), (await buildFixturePdf()).bytes);
    await ok('import', join(temp.path, 'ruins.pdf'));
    const printed = await ok('search', '"northern quay"');
    expect(hitBlocks(printed).map((block) => block.split('\n')[0])).toEqual([
      '  passage · p. 2 · in “Findings at the Harbour”',
    ]);
  });

  it('names the section a hit falls under in a document without pages, and nothing before the first heading', async () => {
    await importBriefing();
    const printed = await ok('search', 'basin OR reopened OR traffic');
    expect(hitBlocks(printed).map((block) => block.split('\n')[0])).toEqual([
      '  passage',
      '  passage · in “Harbour closures”',
      '  passage · in “Open questions”',
    ]);
    const json = await jsonOf<SearchResults>('search', 'basin');
    expect(json.groups[0]!.hits[0]).toMatchObject({ section: 'Harbour closures' });
  });

  it('labels a hit inside a heading as a heading, not a passage', async () => {
    await importBriefing();
    const printed = await ok('search', 'closures');
    expect(hitBlocks(printed)).toEqual(['  heading\n    Harbour ⟦closures⟧']);
    const json = await jsonOf<SearchResults>('search', 'closures');
    expect(json.groups[0]!.hits[0]).toMatchObject({ kind: 'text', place: 'heading' });
  });

  it('labels a match in the title as the title, shown alone and marked', async () => {
    await importBriefing();
    const printed = await ok('search', 'coastal');
    expect(hitBlocks(printed)).toEqual(['  title\n    ⟦Coastal⟧ briefing']);
    const json = await jsonOf<SearchResults>('search', 'coastal');
    expect(json.groups[0]!.hits[0]).toMatchObject({ kind: 'text', place: 'title', marks: [{ start: 0, end: 7 }] });
  });

  it('names page 1 for a match in a PDF’s title, since page 1 prints the title', async () => {
    writeFileSync(join(temp.path, 'survey.pdf'), (await buildPagedPdf(3)).bytes);
    await ok('import', join(temp.path, 'survey.pdf'));
    const printed = await ok('search', 'notes');
    expect(hitBlocks(printed)).toEqual(['  title · p. 1\n    Harbour Survey ⟦Notes⟧']);
  });

  it('cuts a long section name so the line that names it stays within 80 columns', async () => {
    const heading = `Statements by the ${'harbour authority and '.repeat(5)}others`;
    writeFileSync(join(temp.path, 'long.md'), `# Long\n\nIntro.\n\n## ${heading}\n\nThe quay was closed.\n`);
    await ok('import', join(temp.path, 'long.md'));
    const [label] = hitBlocks(await ok('search', 'quay'))[0]!.split('\n');
    expect(label).toMatch(/^ {2}passage · in “Statements by the harbour authority .*…”$/);
    expect(label!.length).toBeLessThanOrEqual(80);
  });

  it('sets each hit apart with a blank line, its label above its snippet, every line within 80 columns', async () => {
    writeFileSync(
      join(temp.path, 'long.txt'),
      `Long report\n${Array.from({ length: 3 }, (_, index) => `Paragraph ${index}: ${'the harbour was quiet and '.repeat(3)}so it says ${'the harbour was quiet and '.repeat(3)}end.`).join('\n')}`,
    );
    await ok('import', join(temp.path, 'long.txt'));
    const printed = await ok('search', 'says');
    const blocks = hitBlocks(printed);
    expect(blocks).toHaveLength(3);
    for (const block of blocks) {
      const [label, ...snippet] = block.split('\n');
      expect(label).toBe('  passage');
      expect(snippet.length).toBeGreaterThan(1);
      for (const line of snippet) {
        expect(line).toMatch(/^ {4}\S/);
        expect(line.length).toBeLessThanOrEqual(80);
      }
    }
    expect(blocks.join('\n')).toContain('⟦says⟧');
  });

  it('keeps each snippet within its own paragraph, never run into the heading beside it', async () => {
    const report = [
      '# Port report',
      '',
      'The patrol boats turned back toward the harbour.',
      '',
      '## Harbour Security Guards',
      '',
      'Guards were posted at the gate after dark.',
    ].join('\n');
    writeFileSync(join(temp.path, 'report.md'), report);
    await ok('import', join(temp.path, 'report.md'));
    expect(hitBlocks(await ok('search', 'toward OR posted'))).toEqual([
      '  passage\n    The patrol boats turned back ⟦toward⟧ the harbour.',
      '  passage · in “Harbour Security Guards”\n    Guards were ⟦posted⟧ at the gate after dark.',
    ]);
  });

  it('prints a name and its address in an e-mail’s From line as one hit, never the same snippet twice', async () => {
    const headers = {
      From: 'Rania Haddad <rania@example.org>',
      To: 'team@example.org',
      Subject: 'Port visit',
      'Message-ID': '<visit@example.org>',
    };
    writeFileSync(join(temp.path, 'visit.eml'), entity(headers, `Rania said the port was quiet.${CRLF}`));
    await ok('import', join(temp.path, 'visit.eml'));
    const printed = await ok('search', 'Rania');
    expect(printed).toMatch(/^2 results in 1 document\n/);
    const blocks = hitBlocks(printed);
    expect(blocks).toEqual([
      '  passage\n    From: ⟦Rania⟧ Haddad <⟦rania⟧@example.org>',
      '  passage\n    ⟦Rania⟧ said the port was quiet.',
    ]);
    expect(new Set(blocks.map((block) => block.replace(/[⟦⟧]/g, ''))).size).toBe(blocks.length);
  });
});
