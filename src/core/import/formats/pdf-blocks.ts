// Turns each page's groups of lines into Marginalia's blocks: heading levels ranked by size
// across the whole document, list items gathered into lists, footnotes last on their page.
import type { Block, HeadingLevel, ListBlock, PageRef } from '../../../shared/document-blocks';
import { textRun } from '../../../shared/document-blocks';
import type { LineGroup } from './pdf-paragraphs';
import { joinLines } from './pdf-paragraphs';

export interface PageGroups {
  page: PageRef;
  groups: LineGroup[];
  footnotes: string[];
}

/** Headings rank by size (largest is level 1); bold text at body size ranks below them all. */
function headingRank(group: LineGroup): number {
  return Math.round(group.size * 2) / 2 + (group.bold ? 0.25 : 0);
}

function headingLevels(pages: readonly PageGroups[]): Map<number, HeadingLevel> {
  const ranks = new Set<number>();
  for (const page of pages)
    for (const group of page.groups) if (group.kind === 'heading') ranks.add(headingRank(group));
  const levels = new Map<number, HeadingLevel>();
  [...ranks].sort((a, b) => b - a).forEach((rank, index) => levels.set(rank, Math.min(6, index + 1) as HeadingLevel));
  return levels;
}

function appendItem(blocks: Block[], group: LineGroup, page: PageRef): void {
  const last = blocks[blocks.length - 1];
  const item = { children: [textRun(group.text)], nested: [] };
  if (last?.kind === 'list' && last.ordered === group.ordered && !group.newList) {
    last.items.push(item);
    return;
  }
  const list: ListBlock = {
    kind: 'list',
    ordered: group.ordered === true,
    start: group.number ?? 1,
    items: [item],
    page,
  };
  blocks.push(list);
}

export function buildBlocks(pages: readonly PageGroups[]): Block[] {
  const levels = headingLevels(pages);
  const blocks: Block[] = [];
  for (const { page, groups, footnotes } of pages) {
    for (const group of groups) {
      if (group.text === '') continue;
      if (group.kind === 'item') appendItem(blocks, group, page);
      else if (group.kind === 'table' && group.table) {
        const { rows, header } = group.table;
        blocks.push({
          kind: 'table',
          header,
          rows: rows.map((cells) => ({ cells: cells.map((cell) => ({ children: [textRun(cell)] })) })),
          page,
        });
      } else if (group.kind === 'heading') {
        blocks.push({
          kind: 'heading',
          level: levels.get(headingRank(group)) ?? 1,
          children: [textRun(group.text)],
          page,
        });
      } else
        blocks.push({
          kind: 'paragraph',
          children: [textRun(group.text)],
          page,
          ...(group.pageTurns ? { pageTurns: group.pageTurns } : {}),
        });
    }
    for (const footnote of footnotes) blocks.push({ kind: 'paragraph', children: [textRun(footnote)], page });
  }
  return blocks;
}

const continues = (before: LineGroup, after: LineGroup): boolean =>
  before.kind === 'paragraph' &&
  after.kind === 'paragraph' &&
  !/[.!?:;"”’)\]]$/.test(before.text) &&
  /^\p{Ll}/u.test(after.text);

/**
 * A paragraph cut by a column or page break ("… the occupat-" / "ion of …") is one paragraph
 * again; it stays on the page where it starts, before that page's footnotes. Where a later
 * page's part begins in it is kept (a page turn), so a passage there is cited by its own page.
 */
export function joinContinuations(pages: readonly PageGroups[]): PageGroups[] {
  const joined: PageGroups[] = [];
  let last: { group: LineGroup; page: PageGroups } | undefined;
  for (const page of pages) {
    const groups: LineGroup[] = [];
    for (const group of page.groups) {
      if (last && continues(last.group, group)) {
        joinOnto(last.group, group, turnBetween(last.page, page));
        last.page = page;
        continue;
      }
      const copy = { ...group };
      groups.push(copy);
      last = { group: copy, page };
    }
    joined.push({ ...page, groups });
  }
  return joined;
}

/**
 * The page a joined paragraph turns to, when it runs from `from` onto another page. Not when
 * `from` has footnotes: they follow the paragraph on its first page, so that page would begin
 * again after the later one, and a page is one stretch of the text (pageRange).
 */
function turnBetween(from: PageGroups, to: PageGroups): PageRef | undefined {
  return from.page.number === to.page.number || from.footnotes.length > 0 ? undefined : to.page;
}

/** `after`'s text joined onto `before`'s, noting where `turnedTo` (the page `after` is on, when another) begins. */
function joinOnto(before: LineGroup, after: LineGroup, turnedTo: PageRef | undefined): void {
  const text = joinLines([before.text, after.text]);
  const continued = joinLines([after.text]);
  before.text = text;
  if (!turnedTo || !text.endsWith(continued)) return;
  let at = text.length - continued.length;
  // A word the break cut ("occupat-" / "ion") is cited by the page it begins on: the new page begins after it.
  if (at > 0 && /\S/.test(text[at - 1]!)) {
    const space = text.slice(at).search(/\s/);
    if (space < 0) return;
    at += space + 1;
  }
  before.pageTurns = [...(before.pageTurns ?? []), { at, page: turnedTo }];
}

/** The first page's largest text, for a title when the file names none. */
export function largestOnFirstPage(pages: readonly PageGroups[]): string {
  const first = pages.find((page) => page.groups.length > 0);
  if (!first) return '';
  const largest = first.groups.reduce((best, group) => (group.size > best.size ? group : best));
  return largest.text;
}
