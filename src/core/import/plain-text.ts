// Reads a .txt file: the first line is the title when another line follows it, and
// every other non-blank line is a paragraph (reports often put one paragraph per line).
import type { Block } from '../../shared/document-blocks';
import { textRun } from '../../shared/document-blocks';
import type { ParsedDocument } from './parsed-document';

export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function parsePlainText(text: string, fallbackTitle: string): ParsedDocument {
  const lines = normalizeLineEndings(text)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const hasTitleLine = lines.length > 1;
  const title = hasTitleLine ? lines[0]! : fallbackTitle;
  const bodyLines = hasTitleLine ? lines.slice(1) : lines;
  const blocks: Block[] = bodyLines.map((line) => ({ kind: 'paragraph', children: [textRun(line)] }));
  return { title, byline: '', publishedAt: '', siteName: '', blocks };
}
