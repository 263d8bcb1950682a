// Parses the search box's language: words, "quoted phrases", prefix*, OR, NOT, AND,
// parentheses, and the filters tag:Actor/IS (child tags included), color:red,
// author:NAME and is:orphan. A query that cannot be read throws a SearchSyntaxError
// that says where and how to fix it, instead of quietly searching for something else.
import type { HighlightColor } from './annotations';
import { HIGHLIGHT_COLORS } from './annotations';

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

const FILTER_KEYS = ['tag', 'color', 'author', 'is'];
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
          `${key}: needs a value, as in ${SEARCH_SYNTAX_HELP.find((help) => help.example.startsWith(`${key}:`))?.example}.`,
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
  'tag:, color:, author: and is: apply to the whole search; put them outside OR, NOT and parentheses.';

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

export interface SnippetPart {
  text: string;
  match: boolean;
}

const FOLDABLE = /[\u00C0-\u024F\u1E00-\u1EFF]/gu;

/**
 * Removes diacritics from Latin letters without changing the text's length, so offsets
 * found in the folded text are offsets in the original (FTS5 folds them the same way).
 */
export function foldDiacritics(text: string): string {
  if (!/[\u00C0-\u024F\u1E00-\u1EFF]/u.test(text)) return text;
  return text.replace(FOLDABLE, (char) => {
    const base = char.normalize('NFD')[0]!;
    return base.length === 1 && base !== char ? base : char;
  });
}

/** A term's pattern as FTS5 tokenizes it: its words in order, separated by anything that is not a letter or digit. */
function termPattern(term: SearchTerm): string | null {
  const words = foldDiacritics(term.text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return null;
  return `${words.join('[^\\p{L}\\p{N}]+')}${term.prefix ? '[\\p{L}\\p{N}]*' : ''}`;
}

/**
 * Matches any of the terms up to a word's end (prefix terms: any word they start),
 * case- and diacritic-insensitively; wordMatches checks the start.
 */
export function termRegex(terms: readonly SearchTerm[]): RegExp | null {
  const patterns = terms
    .map((term, index) => ({ index, pattern: termPattern(term) }))
    .filter((entry): entry is { index: number; pattern: string } => entry.pattern !== null);
  if (patterns.length === 0) return null;
  // Longer patterns first, so a phrase wins over a word it starts with.
  const groups = patterns.sort((a, b) => b.pattern.length - a.pattern.length).map(({ pattern }) => `(${pattern})`);
  return new RegExp(`(?:${groups.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(code: number, char: string): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHAR.test(char);
}

/** A word starts here: after a non-word character, or at a capital inside a camel-cased word (#deleteFacebook). */
function startsWord(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text.charCodeAt(index - 1);
  if (!isWordChar(before, text[index - 1]!)) return true;
  const at = text.charCodeAt(index);
  if (before < 128 && at < 128) return before >= 97 && before <= 122 && at >= 65 && at <= 90;
  return /\p{Ll}/u.test(text[index - 1]!) && /\p{Lu}/u.test(text[index] ?? '');
}

/** Calls found(match) for each termRegex match in text that starts a word; offsets are the text's, though matched in its folded copy. */
export function eachWordMatch(text: string, regex: RegExp, found: (match: RegExpExecArray) => void): void {
  const folded = foldDiacritics(text);
  regex.lastIndex = 0;
  for (let match = regex.exec(folded); match; match = regex.exec(folded)) {
    if (startsWord(text, match.index)) found(match);
    else regex.lastIndex = match.index + 1;
  }
}

/** Which of termRegex's alternatives (one per term) a match is of. */
function matchedTerm(match: RegExpExecArray): number {
  for (let group = 1; group < match.length; group += 1) if (match[group] !== undefined) return group - 1;
  return 0;
}

/** Splits text into plain parts and the given marked spans (offsets into text), whitespace collapsed. */
export function partsAround(text: string, marks: ReadonlyArray<{ start: number; end: number }>): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let last = 0;
  const push = (slice: string, match: boolean) => {
    if (slice !== '') parts.push({ text: slice.replace(/\s+/g, ' '), match });
  };
  for (const mark of marks) {
    if (mark.start < last) continue;
    push(text.slice(last, mark.start), false);
    push(text.slice(mark.start, mark.end), true);
    last = mark.end;
  }
  push(text.slice(last), false);
  return parts;
}

/** Splits a snippet into plain and matching parts (termRegex's), so the UI can mark matches without HTML. */
export function snippetParts(text: string, regex: RegExp | null): SnippetPart[] {
  if (!regex) return [{ text, match: false }];
  const marks: Array<{ start: number; end: number }> = [];
  eachWordMatch(text, regex, (match) => marks.push({ start: match.index, end: match.index + match[0].length }));
  return partsAround(text, marks);
}

/** Matches of different terms this close (and on one line) are one passage: one hit, not one per word. */
const PASSAGE_GAP = 40;

export interface Passage {
  start: number;
  end: number;
  marks: Array<{ start: number; end: number }>;
}

/**
 * Every passage of the text where termRegex's terms occur. Each occurrence of a one-word query is
 * its own passage; the words of a longer query that stand together make one passage.
 */
export function findPassages(text: string, regex: RegExp | null): Passage[] {
  if (!regex) return [];
  const passages: Passage[] = [];
  let current: Passage | null = null;
  let seen = 0;
  eachWordMatch(text, regex, (match) => {
    const start = match.index;
    const end = start + match[0].length;
    // Up to 31 terms are told apart; more than that is a passage per match.
    const term = 1 << Math.min(31, matchedTerm(match));
    if (
      current &&
      (seen & term) === 0 &&
      start - current.end <= PASSAGE_GAP &&
      !lineBreakBetween(text, current.end, start)
    ) {
      current.end = end;
      current.marks.push({ start, end });
      seen |= term;
      return;
    }
    current = { start, end, marks: [{ start, end }] };
    passages.push(current);
    seen = term;
  });
  return passages;
}

function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) return true;
  }
  return false;
}
