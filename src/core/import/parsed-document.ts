// What a format reader hands to the import pipeline.
import type { Block } from '../../shared/document-blocks';

export interface ParsedDocument {
  title: string;
  byline: string;
  publishedAt: string;
  siteName: string;
  blocks: Block[];
}

export const MAX_TITLE_LENGTH = 500;

/** Titles are one line of bounded length, whatever the source put there. */
export function cleanTitle(raw: string, fallback: string): string {
  const oneLine = raw.replace(/\s+/g, ' ').trim();
  const title = oneLine === '' ? fallback : oneLine;
  return title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 1)}…` : title;
}
