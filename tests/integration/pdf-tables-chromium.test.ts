import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../src/core/import/formats/pdf';
import type { Block, ListBlock, TableBlock } from '../../src/shared/document-blocks';
import { blockPlainText, inlineText } from '../../src/shared/document-blocks';
import { CHROMIUM_ARGS, findChromium } from '../support/browser';
import { sentences } from '../support/pdf-fixtures';
import { makeTempDir } from '../support/temp';
import { bigramF1 } from '../support/text-score';

const executablePath = findChromium();

/** What `pdftotext -layout` reads from `bytes`, or undefined where poppler is not installed. */
function popplerLayout(bytes: Uint8Array): string | undefined {
  const temp = makeTempDir();
  try {
    const path = join(temp.path, 'printed.pdf');
    writeFileSync(path, bytes);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  } catch {
    return undefined;
  } finally {
    temp.remove();
  }
}

/** A table as the page's HTML writes it: the first row in `th` cells when `header`. */
interface HtmlTable {
  header: boolean;
  rows: string[][];
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function tableHtml(table: HtmlTable, attributes = ''): string {
  const rows = table.rows.map((row, index) => {
    const tag = index === 0 && table.header ? 'th' : 'td';
    return `<tr>${row.map((cell) => `<${tag}>${escape(cell)}</${tag}>`).join('')}</tr>`;
  });
  return `<table ${attributes}>${rows.join('')}</table>`;
}

function pageHtml(style: string, body: string): string {
  return `<!doctype html><html lang="en"><head><title>Harbour tables</title><style>body{font:11pt serif;font-variant-ligatures:none} ${style}</style></head><body>${body}</body></html>`;
}

/**
 * The page printed by Chromium to an A4 PDF, tagged as `--print-to-pdf` makes them (each cell its
 * own marked content) unless `tagged` is false, with "Page N of M" at the foot of each page when `footer`;
 * with `cssPage`, the page's own `@page` size and margins instead.
 */
async function printed(
  browser: Browser,
  html: string,
  { footer = false, tagged = true, cssPage = false }: { footer?: boolean; tagged?: boolean; cssPage?: boolean } = {},
): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    const pdf = await page.pdf({
      format: 'A4',
      preferCSSPageSize: cssPage,
      tagged,
      displayHeaderFooter: footer,
      headerTemplate: '<div></div>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      margin: cssPage ? {} : { top: '60px', bottom: '60px', left: '50px', right: '50px' },
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

const tablesOf = (blocks: readonly Block[]): HtmlTable[] =>
  blocks
    .filter((block): block is TableBlock => block.kind === 'table')
    .map((table) => ({
      header: table.header,
      rows: table.rows.map((row) => row.cells.map((cell) => inlineText(cell.children))),
    }));

const normalized = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The prose around a table: plain letters, as ligatures print with glyphs that carry no text. */
const BEFORE = sentences(201, 2).normalize('NFKC');
const AFTER = sentences(202, 2).normalize('NFKC');

const MONTHS: HtmlTable = {
  header: true,
  rows: [
    ['Month', 'Count', 'Change'],
    ['January', '98', '+4'],
    ['February', '112', '+14'],
    ['March', '1,204', '-3'],
    ['April', '87', '-1,117'],
  ],
};

const TONNAGE: HtmlTable = {
  header: true,
  rows: [
    ['Port', '2021', '2022', '2023'],
    ['Brest', '1,204.5', '998.0', '1,310.25'],
    ['Cork', '87.25', '1,002.5', '64.0'],
    ['Vigo', '12.0', '7.5', '10,440.75'],
    ['Total', '1,303.75', '2,008.0', '11,815.0'],
  ],
};

const SIGHTINGS: HtmlTable = {
  header: true,
  rows: [
    ['Vessel', 'Arrived', 'Left', 'Cargo'],
    ['Maria', '3 May', '', 'Salt'],
    ['Hope', '', '9 May', 'Timber'],
    ['Ardent', '12 May', '14 May', ''],
    ['Swift', '20 May', '', 'Wool'],
  ],
};

const WIDE: HtmlTable = {
  header: true,
  rows: [
    ['Station', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Total'],
    ['North quay', '14', '9', '22', '31', '40', '38', '41', '195'],
    ['Old bridge', '3', '0', '7', '12', '15', '19', '22', '78'],
    ['Mill ford', '120', '98', '143', '167', '201', '188', '176', '1,093'],
  ],
};

const PORTS: HtmlTable = {
  header: true,
  rows: [
    ['Port', 'Ships'],
    ['Brest', '41'],
    ['Cork', '17'],
    ['Vigo', '9'],
  ],
};

const NOTES: HtmlTable = {
  header: true,
  rows: [
    ['Port', 'Ships', 'Notes'],
    ['Brest', '41', 'Busy all season, with long queues at the customs house in July and again in early September'],
    ['Cork', '17', 'Quiet'],
    ['Vigo', '9', 'Closed for two weeks in August for repairs to the pier'],
    ['Saint-Malo harbour', '23', 'Open'],
  ],
};

/** A page in one column: a heading, a paragraph, the table, a paragraph. */
function singleColumn(table: HtmlTable, style: string): string {
  return pageHtml(style, `<h1>Harbour tables</h1><p>${BEFORE}</p>${tableHtml(table)}<p>${AFTER}</p>`);
}

async function imported(bytes: Uint8Array): Promise<{ tables: HtmlTable[]; text: string; blocks: Block[] }> {
  const read = await readPdf({ fileName: 'printed.pdf', bytes });
  return { tables: tablesOf(read.blocks), text: read.blocks.map(blockPlainText).join('\n'), blocks: read.blocks };
}

/** A floated infobox of label and value rows, as Wikipedia sets one beside an article's opening paragraphs. */
const INFOBOX: HtmlTable = {
  header: false,
  rows: [
    ['Country', 'France'],
    ['Region', 'Brittany'],
    ['Opened', '1204'],
    ['Berths', '31'],
    ['Keeper', 'Anne Leroy'],
  ],
};
const INFOBOX_PROSE = [sentences(301, 5), sentences(302, 5), sentences(303, 4)].map((text) => text.normalize('NFKC'));

function infoboxPage(): string {
  const style =
    '.infobox{float:right;width:16em;margin:0 0 1em 1.5em;border:1px solid #aaa;font-size:90%}' +
    ' .infobox th{text-align:left;padding:2px 6px} .infobox td{padding:2px 6px}';
  const rows = INFOBOX.rows.map(([label, value]) => `<tr><th>${label}</th><td>${value}</td></tr>`).join('');
  const prose = INFOBOX_PROSE.map((text) => `<p>${text}</p>`).join('');
  return pageHtml(style, `<h1>Saint-Malo harbour</h1><table class="infobox">${rows}</table>${prose}`);
}

const LEFT_LINKS = ['Harbour history', 'Tide tables', 'Pilot services', 'Fishing fleet', 'Customs house'];
const RIGHT_LINKS = ['Lighthouse keepers', 'Dry docks', 'Ferry routes', 'Ship chandlers', 'Sailing school'];

function linkListsPage(): string {
  const list = (items: readonly string[]): string =>
    `<ul style="flex:1">${items.map((item) => `<li><a href="#">${item}</a></li>`).join('')}</ul>`;
  const body =
    `<h1>Harbour links</h1><p>${BEFORE}</p>` +
    `<div style="display:flex;gap:2em">${list(LEFT_LINKS)}${list(RIGHT_LINKS)}</div><p>${AFTER}</p>`;
  return pageHtml('a{color:#0645ad}', body);
}

/** Arrivals and Departures each span two columns, over a year each. */
const TRAFFIC: HtmlTable = {
  header: true,
  rows: [
    ['', 'Arrivals', '', 'Departures', ''],
    ['Port', '2022', '2023', '2022', '2023'],
    ['Brest', '41', '38', '40', '37'],
    ['Cork', '17', '21', '16', '22'],
    ['Vigo', '9', '12', '8', '11'],
  ],
};

function spanningHeaderPage(): string {
  const [, second = [], ...rest] = TRAFFIC.rows;
  const cells = (row: readonly string[], tag: string): string =>
    `<tr>${row.map((cell) => `<${tag}>${cell}</${tag}>`).join('')}</tr>`;
  const table =
    '<table><tr><th></th><th colspan="2">Arrivals</th><th colspan="2">Departures</th></tr>' +
    `${cells(second, 'th')}${rest.map((row) => cells(row, 'td')).join('')}</table>`;
  const style = 'table{border-collapse:collapse} td,th{border:1px solid #888;padding:2px 8px}';
  return pageHtml(style, `<h1>Harbour traffic</h1><p>${BEFORE}</p>${table}<p>${AFTER}</p>`);
}

/** A table of figures, set in a face of its own, ruled and as wide as its column. */
const INTERCEPTIONS: HtmlTable = {
  header: true,
  rows: [
    ['Month', 'Departures', 'Intercepted', 'Share'],
    ['July', '1,240', '310', '25%'],
    ['August', '1,515', '298', '20%'],
    ['September', '1,802', '344', '19%'],
    ['Total', '4,557', '952', '21%'],
  ],
};
const INTERCEPTION_PROSE = {
  before: 'The table below sets out interceptions and estimated departures by month for the western coast.',
  after:
    'Interception rates fell every month of the quarter even as absolute interceptions held roughly steady. ' +
    'The coast guard attributes the gap to fuel shortages that limited patrols to two vessels for much of August.',
  beside: [
    'Without additional patrol capacity, departures are likely to remain elevated through the autumn, when sea ' +
      'conditions usually deteriorate. Several respondents expected a final surge of crossings before the winter ' +
      'storms. The municipal council has requested emergency funding for two further vessels and for the repair of ' +
      'the radar station at Mellitah.',
    'Humanitarian organisations warned that the shift to smaller boats increases the risk of capsizing, ' +
      'particularly where vessels are overloaded beyond their nominal capacity.',
  ],
};

/**
 * A report's two justified columns, the table in the left one with prose beside it on the right,
 * whose stretched lines pdf.js gives a piece per word.
 */
function tableBesideColumnPage(): string {
  const { before, after, beside } = INTERCEPTION_PROSE;
  const style =
    '@page{size:Letter;margin:0} body{margin:0;font:10.5pt "Liberation Serif",serif} .page{padding:0.6in 0.7in}' +
    ' .cols{column-count:2;column-gap:0.3in;text-align:justify;hyphens:auto}' +
    ' h2{font:bold 12.5pt "Liberation Sans",sans-serif;margin:8pt 0 4pt}' +
    ' table{border-collapse:collapse;width:100%;font:9pt "Liberation Sans",sans-serif;margin:6pt 0}' +
    ' th,td{border:0.5pt solid #999;padding:2pt 4pt;text-align:left} td+td{text-align:right}';
  const body =
    `<div class="page"><div class="cols"><h2>Interceptions by Month</h2><p>${before}</p>${tableHtml(INTERCEPTIONS)}<p>${after}</p>` +
    `<h2>Outlook</h2>${beside.map((text) => `<p>${text}</p>`).join('')}</div></div>`;
  return pageHtml(style, body);
}

const listsOf = (blocks: readonly Block[]): string[][] =>
  blocks
    .filter((block): block is ListBlock => block.kind === 'list')
    .map((list) => list.items.map((item) => inlineText(item.children)));

const cellsText = (table: HtmlTable): string => table.rows.flat().join(' ');

describe.skipIf(!executablePath)('tables in PDFs printed by Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reads a plain table with its bold header row as the first row, not as a paragraph above it', async () => {
    const { tables, text } = await imported(await printed(browser, singleColumn(MONTHS, '')));
    expect(tables).toEqual([MONTHS]);
    expect(normalized(text)).toContain(normalized(BEFORE));
    expect(normalized(text)).toContain(normalized(AFTER));
    expect(text).not.toMatch(/Month Count/);
  }, 60_000);

  it('tells close cells apart in an untagged print too, where pdf.js gives "February 112" as one piece', async () => {
    const { tables } = await imported(await printed(browser, singleColumn(MONTHS, ''), { tagged: false }));
    expect(tables).toEqual([MONTHS]);
  }, 60_000);

  it('keeps each number in its own cell when the numeric columns are set flush right', async () => {
    const style = 'td{text-align:right;padding:0 4px} td:first-child{text-align:left}';
    const { tables } = await imported(await printed(browser, singleColumn(TONNAGE, style)));
    expect(tables).toEqual([TONNAGE]);
  }, 60_000);

  it('keeps empty cells empty and every other cell under its own column', async () => {
    const style = 'table{border-collapse:collapse} td,th{border:1px solid #888;padding:2px 6px}';
    const { tables } = await imported(await printed(browser, singleColumn(SIGHTINGS, style)));
    expect(tables).toEqual([SIGHTINGS]);
  }, 60_000);

  it('reads a table as wide as the page with nine columns', async () => {
    const style = 'table{width:100%;border-collapse:collapse} td,th{border-bottom:1px solid #888;padding:3px}';
    const { tables } = await imported(await printed(browser, singleColumn(WIDE, style)));
    expect(tables).toEqual([WIDE]);
  }, 60_000);

  it('reads a cell that wraps onto several lines as one cell, beside cells centred or set at the top', async () => {
    for (const align of ['middle', 'top']) {
      const style = `table{border-collapse:collapse;width:60%} td,th{border:1px solid #888;padding:2px 6px;vertical-align:${align}}`;
      const { tables, text } = await imported(await printed(browser, singleColumn(NOTES, style)));
      expect(tables, align).toEqual([NOTES]);
      expect(normalized(text)).toContain(normalized(AFTER));
    }
  }, 60_000);

  it('finds a table inside one column of a two-column page and reads the prose around it as text', async () => {
    const prose = Array.from({ length: 6 }, (_, index) => sentences(210 + index, 3).normalize('NFKC'));
    const body =
      `<h1>Harbour tables</h1><div style="columns:2;column-gap:2em;text-align:justify">` +
      `<p>${prose[0]}</p>${tableHtml(PORTS)}${prose
        .slice(1)
        .map((text) => `<p>${text}</p>`)
        .join('')}</div>`;
    const { tables, text } = await imported(await printed(browser, pageHtml('table{font-size:10pt}', body)));
    expect(tables).toEqual([PORTS]);
    for (const paragraph of prose) expect(normalized(text)).toContain(normalized(paragraph));
  }, 60_000);

  it('keeps a table in the left column to its own four columns, the prose beside it read in its column after the table', async () => {
    const { tables, text } = await imported(await printed(browser, tableBesideColumnPage(), { cssPage: true }));
    expect(tables).toEqual([INTERCEPTIONS]);
    const { before, after, beside } = INTERCEPTION_PROSE;
    const order = [before, cellsText(INTERCEPTIONS), after, 'Outlook', ...beside].map((part) =>
      normalized(text).indexOf(normalized(part)),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  }, 60_000);

  it('makes no table of narrow justified columns, whose stretched word spaces line up by chance', async () => {
    const prose = Array.from({ length: 30 }, (_, index) => sentences(270 + index, 4).normalize('NFKC'));
    const body = `<div style="columns:3;column-gap:1.5em;text-align:justify">${prose.map((text) => `<p>${text}</p>`).join('')}</div>`;
    const { tables } = await imported(await printed(browser, pageHtml('', body)));
    expect(tables).toEqual([]);
  }, 60_000);

  it('makes no table of two-column prose, lists or a "Page N of M" foot', async () => {
    const prose = Array.from({ length: 14 }, (_, index) => sentences(230 + index, 3).normalize('NFKC'));
    const items = (tag: string, from: number): string =>
      `<${tag}>${Array.from({ length: 5 }, (_, index) => `<li>${sentences(from + index, 1).normalize('NFKC')}</li>`).join('')}</${tag}>`;
    const body =
      `<h1>Harbour notes</h1>${items('ol', 250)}${items('ul', 260)}` +
      `<div style="columns:2;column-gap:2em;text-align:justify">${prose.map((text) => `<p>${text}</p>`).join('')}</div>` +
      `<p>Short labels</p><ol>${['Salt', 'Wool', 'Timber', 'Tin'].map((word) => `<li>${word}</li>`).join('')}</ol>`;
    const { tables, text } = await imported(await printed(browser, pageHtml('', body), { footer: true }));
    expect(tables).toEqual([]);
    expect(text).not.toMatch(/Page \d+ of \d+/);
  }, 60_000);

  it('reads a floated infobox as a table of its own after the paragraph it stands beside, never inside it', async () => {
    const bytes = await printed(browser, infoboxPage());
    const { tables, text } = await imported(bytes);
    expect(tables).toEqual([INFOBOX]);
    const flat = normalized(text);
    for (const paragraph of INFOBOX_PROSE) expect(flat).toContain(normalized(paragraph));
    const table = flat.indexOf('Country France Region Brittany');
    expect(table).toBeGreaterThan(flat.indexOf(normalized(INFOBOX_PROSE[0]!)));
    expect(table).toBeLessThan(flat.indexOf(normalized(INFOBOX_PROSE[1]!)));
    const expected = ['Saint-Malo harbour', INFOBOX_PROSE[0], cellsText(INFOBOX), ...INFOBOX_PROSE.slice(1)].join(' ');
    const poppler = popplerLayout(bytes);
    expect(bigramF1(expected, text)).toBeGreaterThanOrEqual(0.97);
    if (poppler !== undefined) expect(bigramF1(expected, text)).toBeGreaterThan(bigramF1(expected, poppler));
  }, 120_000);

  it('reads two link lists set side by side as two lists, the left one first, and no table', async () => {
    const { tables, text, blocks } = await imported(await printed(browser, linkListsPage()));
    expect(tables).toEqual([]);
    expect(listsOf(blocks)).toEqual([LEFT_LINKS, RIGHT_LINKS]);
    const expected = ['Harbour links', BEFORE, ...LEFT_LINKS, ...RIGHT_LINKS, AFTER].join(' ');
    expect(bigramF1(expected, text)).toBeGreaterThanOrEqual(0.97);
  }, 120_000);

  it('keeps a header cell that spans two columns as the first row, its text over the first column it spans', async () => {
    for (const tagged of [true, false]) {
      const { tables, text } = await imported(await printed(browser, spanningHeaderPage(), { tagged }));
      expect(tables, `tagged: ${tagged}`).toEqual([TRAFFIC]);
      expect(text).not.toMatch(/Arrivals Departures/);
      expect(normalized(text)).toContain(normalized(AFTER));
    }
  }, 120_000);

  it('finds an untagged table set in type half the size of the body, its cells of several words whole', async () => {
    // Header cells in `td`, as a plain grid: the first row is told by nothing but its place.
    const grid: HtmlTable = { ...WIDE, header: false };
    const page = pageHtml('table{font-size:0.5em}', `<p>${BEFORE}</p>${tableHtml(grid)}<p>${AFTER}</p>`);
    const { tables, text } = await imported(await printed(browser, page, { tagged: false }));
    expect(tables).toEqual([grid]);
    expect(normalized(text)).toContain(normalized(AFTER));
  }, 120_000);
});
