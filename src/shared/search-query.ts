// Parses the search box's language: words, "quoted phrases", prefix*, and the filters
// tag:Actor/IS (child tags included), color:red, author:NAME and is:orphan.
import type { HighlightColor } from './annotations';
import { HIGHLIGHT_COLORS } from './annotations';

export interface SearchTerm {
  text: string;
  phrase: boolean;
  prefix: boolean;
}

export interface ParsedQuery {
  terms: SearchTerm[];
  tags: string[];
  colors: HighlightColor[];
  authors: string[];
  orphansOnly: boolean;
  /** Problems the user should see, such as an unknown color. */
  problems: string[];
}

export function parseSearchQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { terms: [], tags: [], colors: [], authors: [], orphansOnly: false, problems: [] };
  const pattern = /(\w+):"([^"]*)"|(\w+):(\S+)|"([^"]*)"?|(\S+)/gu;
  for (const match of query.matchAll(pattern)) {
    const key = (match[1] ?? match[3])?.toLowerCase();
    const value = match[2] ?? match[4];
    if (key !== undefined && value !== undefined && ['tag', 'color', 'author', 'is'].includes(key)) {
      if (key === 'tag') parsed.tags.push(value);
      else if (key === 'author') parsed.authors.push(value);
      else if (key === 'is') {
        if (value.toLowerCase() === 'orphan') parsed.orphansOnly = true;
        else parsed.problems.push(`Unknown filter is:${value}; try is:orphan.`);
      } else if ((HIGHLIGHT_COLORS as readonly string[]).includes(value.toLowerCase())) {
        parsed.colors.push(value.toLowerCase() as HighlightColor);
      } else {
        parsed.problems.push(`Unknown color “${value}”; colors are ${HIGHLIGHT_COLORS.join(', ')}.`);
      }
      continue;
    }
    if (match[5] !== undefined) {
      const phrase = match[5].trim();
      if (phrase) parsed.terms.push({ text: phrase, phrase: true, prefix: false });
      continue;
    }
    const word = (match[0] ?? '').trim();
    if (!word) continue;
    const prefix = word.endsWith('*') && word.length > 1;
    const text = prefix ? word.slice(0, -1) : word;
    if (text.replace(/[^\p{L}\p{N}]/gu, '') !== '') parsed.terms.push({ text, phrase: false, prefix });
  }
  return parsed;
}

/** The FTS5 MATCH expression for the terms: every term must appear. */
export function ftsMatchExpression(terms: readonly SearchTerm[]): string {
  return terms
    .map((term) => {
      const quoted = `"${term.text.replace(/"/g, '""')}"`;
      return term.prefix ? `${quoted}*` : quoted;
    })
    .join(' AND ');
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** Matches any of the terms as whole words (prefix terms as word starts), case-insensitively. */
export function termRegex(terms: readonly SearchTerm[]): RegExp {
  const escaped = terms.map((term) => {
    const body = term.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    return term.prefix ? `${body}[\\p{L}\\p{N}]*` : body;
  });
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Splits a snippet into plain and matching parts, so the UI can mark matches without HTML. */
export function snippetParts(text: string, terms: readonly SearchTerm[]): SnippetPart[] {
  if (terms.length === 0) return [{ text, match: false }];
  const regex = termRegex(terms);
  const parts: SnippetPart[] = [];
  let last = 0;
  for (const match of text.matchAll(regex)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), match: false });
    parts.push({ text: match[0], match: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}
