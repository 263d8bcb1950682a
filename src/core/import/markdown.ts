// Reads CommonMark: headings, paragraphs, emphasis, lists, block quotes, code and links.
// Raw HTML inside Markdown is kept as literal text, so markup never runs.
import type { List, ListItem, PhrasingContent, Root, RootContent as Content } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Block, HeadingLevel, InlineRun, ListBlock, TextRun } from '../../shared/document-blocks';
import { inlineText, isSafeLinkUrl, textRun } from '../../shared/document-blocks';
import type { ParsedDocument } from './parsed-document';

type Marks = Omit<TextRun, 'kind' | 'text'>;

function inlineRuns(nodes: readonly PhrasingContent[], marks: Marks = {}): InlineRun[] {
  const runs: InlineRun[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        runs.push(textRun(node.value.replace(/\n/g, ' '), marks));
        break;
      case 'emphasis':
        runs.push(...inlineRuns(node.children, { ...marks, italic: true }));
        break;
      case 'strong':
        runs.push(...inlineRuns(node.children, { ...marks, bold: true }));
        break;
      case 'inlineCode':
        runs.push(textRun(node.value, { ...marks, code: true }));
        break;
      case 'break':
        runs.push({ kind: 'break' });
        break;
      case 'html':
        runs.push(textRun(node.value, marks));
        break;
      case 'link': {
        const children = inlineRuns(node.children, marks).filter((run): run is TextRun => run.kind === 'text');
        if (isSafeLinkUrl(node.url) && children.length > 0) runs.push({ kind: 'link', url: node.url, children });
        else runs.push(...children);
        break;
      }
      case 'image':
        if (node.alt) runs.push(textRun(`[${node.alt}]`, marks));
        break;
      default:
        if ('children' in node) runs.push(...inlineRuns(node.children as PhrasingContent[], marks));
        else if ('value' in node && typeof node.value === 'string') runs.push(textRun(node.value, marks));
    }
  }
  return runs;
}

function codeRuns(value: string): InlineRun[] {
  const runs: InlineRun[] = [];
  value.split('\n').forEach((line, index) => {
    if (index > 0) runs.push({ kind: 'break' });
    if (line !== '') runs.push(textRun(line, { code: true }));
  });
  return runs;
}

function listBlock(list: List): ListBlock {
  return {
    kind: 'list',
    ordered: list.ordered === true,
    start: list.start ?? 1,
    items: list.children.map((item: ListItem) => {
      const children: InlineRun[] = [];
      const nested: ListBlock[] = [];
      for (const child of item.children) {
        if (child.type === 'list') {
          nested.push(listBlock(child));
        } else {
          const runs = child.type === 'paragraph' ? inlineRuns(child.children) : blockToInline(child);
          if (children.length > 0 && runs.length > 0) children.push({ kind: 'break' });
          children.push(...runs);
        }
      }
      return { children, nested };
    }),
  };
}

function blockToInline(node: Content): InlineRun[] {
  if (node.type === 'code') return codeRuns(node.value);
  if (node.type === 'html') return [textRun(node.value)];
  if ('children' in node) return inlineRuns(node.children as PhrasingContent[]);
  return [];
}

function blocksOf(nodes: readonly Content[], inQuote: boolean): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'heading':
        blocks.push({ kind: 'heading', level: node.depth as HeadingLevel, children: inlineRuns(node.children) });
        break;
      case 'paragraph':
        blocks.push(
          inQuote
            ? { kind: 'quote', children: inlineRuns(node.children) }
            : { kind: 'paragraph', children: inlineRuns(node.children) },
        );
        break;
      case 'blockquote':
        blocks.push(...blocksOf(node.children, true));
        break;
      case 'list':
        blocks.push(listBlock(node));
        break;
      case 'code':
        blocks.push({ kind: inQuote ? 'quote' : 'paragraph', children: codeRuns(node.value) });
        break;
      case 'html':
        blocks.push({ kind: 'paragraph', children: [textRun(node.value)] });
        break;
      case 'thematicBreak':
      case 'definition':
        break;
      default:
        if ('children' in node) blocks.push(...blocksOf(node.children as Content[], inQuote));
    }
  }
  return blocks;
}

export function parseMarkdown(text: string, fallbackTitle: string): ParsedDocument {
  const tree: Root = fromMarkdown(text);
  const blocks = blocksOf(tree.children, false);
  const first = blocks[0];
  // A leading level-one heading is the document's title.
  if (first?.kind === 'heading' && first.level === 1) {
    blocks.shift();
    return { title: inlineText(first.children), byline: '', publishedAt: '', siteName: '', blocks };
  }
  return { title: fallbackTitle, byline: '', publishedAt: '', siteName: '', blocks };
}
