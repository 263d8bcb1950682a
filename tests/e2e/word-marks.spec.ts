// A Word footnote mark in the reader stays on the line of the word it follows: at no width of
// the column does "quarter.[1]" wrap as "quarter." at a line's end and "[1]" at the next's start.
import type { Page } from '@playwright/test';
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { expect, screenshotBothThemes, test } from './fixtures';
import { selectText } from './helpers';
import { notice, openApp } from './import-helpers';

const TITLE = 'Harbour memo';
const MARKED = ['quarter.[1]', 'mooring,[2]'];

async function memoWithFootnotes(): Promise<Buffer> {
  const words = (count: number) =>
    Array(count).fill('the fleet waited at anchor while divers inspected the breakwater').join(' and ');
  const document = new Document({
    title: TITLE,
    footnotes: {
      1: { children: [new Paragraph('Port authority log, entry 44.')] },
      2: { children: [new Paragraph('Interview with the harbour master.')] },
    },
    sections: [
      {
        children: [
          new Paragraph({ text: TITLE, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun(`Trade fell in the third quarter.`),
              new FootnoteReferenceRun(1),
              new TextRun(` ${words(2)} and every mooring,`),
              new FootnoteReferenceRun(2),
              new TextRun(` ${words(2)}.`),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/**
 * The column widths (CSS px, from 120 to 520) at which a marked word's first and last
 * characters fall on different lines: measured by narrowing its paragraph one pixel at a time.
 */
async function widthsBreaking(page: Page, marked: string): Promise<number[]> {
  const paragraph = page.getByTestId('reader-content').locator('p', { hasText: marked });
  return paragraph.evaluate((element, word) => {
    const texts: Array<{ node: Text; start: number }> = [];
    let all = '';
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      texts.push({ node, start: all.length });
      all += node.data;
    }
    const at = all.indexOf(word);
    const point = (offset: number): [Text, number] => {
      const holder = [...texts].reverse().find((text) => text.start <= offset)!;
      return [holder.node, offset - holder.start];
    };
    const range = document.createRange();
    range.setStart(...point(at));
    range.setEnd(...point(at + word.length));
    const broken: number[] = [];
    for (let width = 120; width <= 520; width++) {
      element.style.width = `${width}px`;
      const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => rect.bottom));
      if (tops.size > 1) broken.push(width);
    }
    element.style.width = '';
    return broken;
  }, marked);
}

async function importMemo(page: Page): Promise<string> {
  await page
    .getByTestId('import-input')
    .setInputFiles({ name: 'memo.docx', mimeType: 'application/octet-stream', buffer: await memoWithFootnotes() });
  await expect(
    page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1, name: TITLE }),
  ).toBeVisible();
  await expect(notice(page, 'Imported memo.docx')).toBeVisible();
  return (await page.locator('article[data-document-id]').getAttribute('data-document-id'))!;
}

test('a Word footnote mark never wraps away from the word it follows, at any width of the column', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await page.setViewportSize({ width: 760, height: 640 });
  await importMemo(page);
  for (const marked of MARKED) expect(await widthsBreaking(page, marked), marked).toEqual([]);
  // The text the reader shows is still exactly the stored text.
  const article = page.locator('article[data-document-id]');
  await expect(article).toHaveAttribute('data-rendered-text-sha256', /^[0-9a-f]{64}$/);
  expect(await article.getAttribute('data-rendered-text-sha256')).toBe(
    await article.getAttribute('data-stored-text-sha256'),
  );
  await page.getByRole('button', { name: 'Dismiss: Imported memo.docx' }).click();
  await screenshotBothThemes(page, 'reader-word-footnote-marks-narrow');
});

test('an edit saved in the reader stores the text without the reader’s joins of marks to words', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const id = await importMemo(page);
  await page.getByRole('button', { name: 'Edit text' }).click();
  await expect(page.getByRole('region', { name: 'Editing' })).toBeVisible();
  await selectText(page, 'Trade fell');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('Sea ');
  await page.getByRole('button', { name: 'Done editing' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Text saved\./ })).toBeVisible();
  const stored = app.core.documents.detail(id);
  expect(stored.lexicalJson).toContain('Sea Trade fell in the third quarter.[1]');
  expect(stored.lexicalJson).not.toContain('nowrap');
  // Read again, the mark is kept with its word as before.
  await expect.poll(() => widthsBreaking(page, MARKED[0]!)).toEqual([]);
});
