// Parses the search box's language: words, "quoted phrases", prefix*, OR, NOT, AND,
// parentheses, and the filters tag:Actor/IS (child tags included), color:red,
// author:NAME and is:orphan. A query that cannot be read throws a SearchSyntaxError
// that says where and how to fix it, instead of quietly searching for something else.
// Finding the terms in text is search-matching.ts.
import type { HighlightColor } from './annotations';
import { HIGHLIGHT_COLORS } from './annotations';
import type { EvidenceFilters } from './search-evidence-filters';
import {
  EVIDENCE_FILTER_KEYS,
  EVIDENCE_SEARCH_HELP,
  addEvidenceFilter,
  isEvidenceFilterKey,
  noEvidenceFilters,
} from './search-evidence-filters';

export interface SearchTerm {
  text: string;
  phrase: boolean;
  prefix: boolean;
}

/** Words combine with AND unless joined by OR; NOT excludes what follows it. */
export type SearchExpression =
  | { kind: 'term'; term: SearchTerm }
  | { kind: 'or'; parts: SearchExpression[] }
  | { kind: 'and'; include: SearchExpression[]; exclude: SearchExpression[] };

export interface ParsedQuery {
  /** The words, phrases and operators; null when the query has only filters. */
  expression: SearchExpression | null;
  /** Every term that is looked for (not excluded by NOT), to find and mark matches. */
  terms: SearchTerm[];
  tags: string[];
  colors: HighlightColor[];
  authors: string[];
  orphansOnly: boolean;
  /** grade:, reliability:, credibility: and source:, which only annotations can match. */
  evidence: EvidenceFilters;
  /** Problems the user should see, such as an unknown color. */
  problems: string[];
}

/** The one-line operator help shown beside the search box and in the CLI's usage. */
export const SEARCH_SYNTAX_HELP: ReadonlyArray<{ example: string; meaning: string }> = [
  { example: 'militia coastal', meaning: 'both words' },
  { example: '"security vacuum"', meaning: 'the exact phrase' },
  { example: 'milit*', meaning: 'words starting with “milit”' },
  { example: 'militia OR brigades', meaning: 'either word' },
  { example: 'militia NOT coastal', meaning: 'the first without the second' },
  { example: '(militia OR brigades) coastal', meaning: 'group with parentheses' },
  { example: 'tag:Actor/IS', meaning: 'annotations with the tag or a tag below it' },
  { example: 'color:red', meaning: 'highlights of one color' },
  { example: 'author:Rania', meaning: 'annotations by one author' },
  { example: 'is:orphan', meaning: 'annotations that lost their place' },
];

export class SearchSyntaxError extends Error {
  constructor(reason: string) {
    super(`The search could not be read: ${reason}`);
    this.name = 'SearchSyntaxError';
  }
}

type Token =
  | { kind: 'term'; term: SearchTerm }
  | { kind: 'open' | 'close' }
  | { kind: 'op'; op: 'AND' | 'OR' | 'NOT' }
  | { kind: 'filter'; key: string; value: string };

type FilterNode = { kind: 'filter'; key: string; value: string };
/** The parse tree: a SearchExpression that may still hold filters. */
type Node =
  | { kind: 'term'; term: SearchTerm }
  | FilterNode
  | { kind: 'or'; parts: Node[] }
  | { kind: 'and'; include: Node[]; exclude: Node[] };

const FILTER_KEYS: readonly string[] = ['tag', 'color', 'author', 'is', ...EVIDENCE_FILTER_KEYS];
const TOKEN_PATTERN = /(\w+):"([^"]*)("?)|(\w+):([^\s()"]*)|"([^"]*)("?)|([()])|([^\s()"]+)/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;
const UNCLOSED = 'a “(” is never closed. Add a “)”, or put the text in quotes to search for it.';
const UNOPENED = 'there is a “)” without a “(” before it. Remove it, or put the text in quotes to search for it.';

function wordToken(word: string): Token | null {
  if (word === 'AND' || word === 'OR' || word === 'NOT') return { kind: 'op', op: word };
  const prefix = word.endsWith('*') && word.length > 1;
  const text = prefix ? word.slice(0, -1) : word;
  return HAS_WORD.test(text) ? { kind: 'term', term: { text, phrase: false, prefix } } : null;
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  for (const match of query.matchAll(TOKEN_PATTERN)) {
    const key = (match[1] ?? match[4])?.toLowerCase();
    if (key !== undefined && FILTER_KEYS.includes(key)) {
      const value = match[2] ?? match[5] ?? '';
      if (match[1] !== undefined && match[3] === '')
        throw new SearchSyntaxError(`the quote after ${key}: is never closed. Add the closing ".`);
      if (value.trim() === '')
        throw new SearchSyntaxError(
          `${key}: needs a value, as in ${[...SEARCH_SYNTAX_HELP, ...EVIDENCE_SEARCH_HELP].find((help) => help.example.startsWith(`${key}:`))?.example}.`,
        );
      tokens.push({ kind: 'filter', key, value: value.trim() });
    } else if (match[6] !== undefined) {
      if (match[7] === '')
        throw new SearchSyntaxError(
          `the quote before “${clipText(match[6])}” is never closed. Add the closing " to search for the phrase.`,
        );
      if (HAS_WORD.test(match[6]))
        tokens.push({ kind: 'term', term: { text: match[6].trim(), phrase: true, prefix: false } });
    } else if (match[8] !== undefined) {
      tokens.push({ kind: match[8] === '(' ? 'open' : 'close' });
    } else {
      const token = wordToken(match[0]);
      if (token) tokens.push(token);
    }
  }
  return tokens;
}

function clipText(text: string): string {
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}

/** A recursive-descent reader over the tokens: OR binds loosest, then AND and NOT. */
class Reader {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  readAll(): Node | null {
    if (this.tokens.length === 0) return null;
    const node = this.readOr();
    const rest = this.tokens[this.index];
    if (rest?.kind === 'close') throw new SearchSyntaxError(UNOPENED);
    return node;
  }

  private readOr(): Node {
    const parts = [this.readAnd()];
    while (this.isOp('OR')) {
      this.index += 1;
      parts.push(this.readAnd());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'or', parts };
  }

  private readAnd(): Node {
    const include: Node[] = [];
    const exclude: Node[] = [];
    for (;;) {
      const token = this.tokens[this.index];
      if (!token || token.kind === 'close' || (token.kind === 'op' && token.op === 'OR')) break;
      if (token.kind === 'op') {
        this.index += 1;
        if (token.op === 'NOT' && include.length === 0)
          throw new SearchSyntaxError('NOT needs something before it to exclude from, as in: militia NOT coastal.');
        (token.op === 'NOT' ? exclude : include).push(this.readPrimary(token.op));
      } else {
        include.push(this.readPrimary('AND'));
      }
    }
    if (include.length === 0) throw new SearchSyntaxError(this.nothingHere());
    if (include.length === 1 && exclude.length === 0) return include[0]!;
    return { kind: 'and', include, exclude };
  }

  private readPrimary(after: string): Node {
    const token = this.tokens[this.index];
    if (!token || token.kind === 'close' || token.kind === 'op') {
      throw new SearchSyntaxError(
        `${after} needs a word or phrase after it, as in: ${after === 'NOT' ? 'militia NOT coastal' : `militia ${after} brigades`}.`,
      );
    }
    this.index += 1;
    if (token.kind === 'term' || token.kind === 'filter') return token;
    if (this.tokens[this.index]?.kind === 'close')
      throw new SearchSyntaxError('the parentheses “()” are empty. Put words between them, or remove them.');
    const inner = this.readOr();
    if (this.tokens[this.index]?.kind !== 'close') throw new SearchSyntaxError(UNCLOSED);
    this.index += 1;
    return inner;
  }

  /** Why an AND group came out empty: a dangling OR, an open "(" at the end, or a stray ")". */
  private nothingHere(): string {
    const previous = this.tokens[this.index - 1];
    const next = this.tokens[this.index];
    if (next === undefined && previous?.kind === 'open') return UNCLOSED;
    if (next?.kind === 'close' && !(previous?.kind === 'op')) return UNOPENED;
    return 'OR needs a word or phrase on both sides, as in: militia OR brigades.';
  }

  private isOp(op: string): boolean {
    const token = this.tokens[this.index];
    return token?.kind === 'op' && token.op === op;
  }
}

const FILTER_PLACE =
  'tag:, color:, author:, is:, grade:, reliability:, credibility: and source: apply to the whole search; ' +
  'put them outside OR, NOT and parentheses.';

function toExpression(node: Node): SearchExpression {
  if (node.kind === 'filter') throw new SearchSyntaxError(FILTER_PLACE);
  if (node.kind === 'term') return node;
  if (node.kind === 'or') return { kind: 'or', parts: node.parts.map(toExpression) };
  return { kind: 'and', include: node.include.map(toExpression), exclude: node.exclude.map(toExpression) };
}

/** Filters apply to the whole search, so they may only stand beside the words, never inside OR, NOT or parentheses. */
function liftFilters(root: Node | null): { expression: SearchExpression | null; filters: FilterNode[] } {
  if (!root) return { expression: null, filters: [] };
  if (root.kind === 'filter') return { expression: null, filters: [root] };
  if (root.kind !== 'and') return { expression: toExpression(root), filters: [] };
  const filters = root.include.filter((node): node is FilterNode => node.kind === 'filter');
  const include = root.include.filter((node) => node.kind !== 'filter').map(toExpression);
  const exclude = root.exclude.map(toExpression);
  if (include.length === 0) {
    if (exclude.length > 0)
      throw new SearchSyntaxError('NOT needs a word or phrase before it to exclude from, as in: militia NOT coastal.');
    return { expression: null, filters };
  }
  return {
    expression: include.length === 1 && exclude.length === 0 ? include[0]! : { kind: 'and', include, exclude },
    filters,
  };
}

function positiveTerms(expression: SearchExpression | null): SearchTerm[] {
  if (!expression) return [];
  if (expression.kind === 'term') return [expression.term];
  if (expression.kind === 'or') return expression.parts.flatMap(positiveTerms);
  return expression.include.flatMap(positiveTerms);
}

function applyFilter(parsed: ParsedQuery, key: string, value: string): void {
  if (isEvidenceFilterKey(key)) {
    const problem = addEvidenceFilter(parsed.evidence, key, value);
    if (problem) parsed.problems.push(problem);
  } else if (key === 'tag') parsed.tags.push(value);
  else if (key === 'author') parsed.authors.push(value);
  else if (key === 'is') {
    if (value.toLowerCase() === 'orphan') parsed.orphansOnly = true;
    else parsed.problems.push(`Unknown filter is:${value}; try is:orphan.`);
  } else if ((HIGHLIGHT_COLORS as readonly string[]).includes(value.toLowerCase())) {
    parsed.colors.push(value.toLowerCase() as HighlightColor);
  } else {
    parsed.problems.push(`Unknown color “${value}”; colors are ${HIGHLIGHT_COLORS.join(', ')}.`);
  }
}

/** Reads a query; throws SearchSyntaxError, saying why, when it cannot be read. */
export function parseSearchQuery(query: string): ParsedQuery {
  const { expression, filters } = liftFilters(new Reader(tokenize(query)).readAll());
  const parsed: ParsedQuery = {
    expression,
    terms: positiveTerms(expression),
    tags: [],
    colors: [],
    authors: [],
    orphansOnly: false,
    evidence: noEvidenceFilters(),
    problems: [],
  };
  for (const { key, value } of filters) applyFilter(parsed, key, value);
  return parsed;
}

/** The FTS5 MATCH expression: every term quoted, so only our operators reach FTS5. */
export function ftsMatchExpression(expression: SearchExpression): string {
  if (expression.kind === 'term') {
    const quoted = `"${expression.term.text.replace(/"/g, '""')}"`;
    return expression.term.prefix ? `${quoted}*` : quoted;
  }
  if (expression.kind === 'or') return `(${expression.parts.map(ftsMatchExpression).join(' OR ')})`;
  const included = `(${expression.include.map(ftsMatchExpression).join(' AND ')})`;
  return expression.exclude.reduce((sum, part) => `(${sum} NOT ${ftsMatchExpression(part)})`, included);
}
