// `marginalia annotations` and `search` show each annotation's grade (and sources), as a card's badge does.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliAt } from '../support/cli-library';
import { FIRST_REPORT } from '../support/evidence-library';
import { makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => (temp = makeTempDir()));
afterEach(() => temp.remove());

const { ok } = cliAt(() => temp.path);

describe('annotations with their grades', () => {
  it("shows each annotation's grade and sources: its own, else its document's, and none for an ungraded one", async () => {
    writeFileSync(join(temp.path, 'harbour-radio.txt'), FIRST_REPORT);
    await ok('import', join(temp.path, 'harbour-radio.txt'));
    const dawn = (await ok('annotate', 'Harbour Radio', '--quote', 'fishing boats left Zuwara at dawn')).trim();
    const storm = (await ok('annotate', 'Harbour Radio', '--quote', 'eleven boats did not come back')).trim();
    await ok('sources', 'add', 'Harbour Radio', '--reliability', 'B');
    const port = (await ok('sources', 'add', 'Port officials', '--reliability', 'C')).trim();
    await ok('sources', 'document', 'Harbour Radio', '--source', 'Harbour Radio');
    await ok('grade', dawn, '--credibility', '2');
    await ok('grade', storm, '--source', port, '--credibility', '3');
    const listed = await ok('annotations', 'Harbour Radio');
    expect(listed).toMatch(new RegExp(`^${dawn} .* B2 · Harbour Radio \\(B\\)\\n`, 'm'));
    expect(listed).toMatch(new RegExp(`^${storm} .* C3 · Port officials \\(C\\)\\n`, 'm'));
    const json = JSON.parse(await ok('--json', 'annotations', 'Harbour Radio')) as Array<{
      id: string;
      grade: string;
      sources: Array<{ name: string }>;
    }>;
    expect(json.find((item) => item.id === storm)).toMatchObject({
      grade: 'C3',
      sources: [{ name: 'Port officials' }],
    });
    // A search's annotation hits say what they are and carry the grade too.
    expect(await ok('search', 'grade:B2')).toMatch(new RegExp(`^ {2}annotation ${dawn} · B2\\n {4}\\S`, 'm'));
  });
});
