// A search of several words finds the documents holding all of them; within such a document the
// passages shown are those in a paragraph that matches the whole query, so "marker 120" lists
// the paragraph with both words, not every paragraph with one of them. Where no one paragraph
// does (the words lie apart), every passage is shown, as the document matched as a whole.
import type { Passage } from './search-matching';
import { eachWordMatch, termRegex } from './search-matching';
import type { SearchExpression, SearchTerm } from './search-query';

/** Where the paragraph around `index` begins and ends: blocks are set apart by a blank line. */
function blockAround(text: string, index: number): { start: number; end: number } {
  const before = text.lastIndexOf('\n\n', index);
  const after = text.indexOf('\n\n', index);
  return { start: before === -1 ? 0 : before + 2, end: after === -1 ? text.length : after };
}

function holds(block: string, term: SearchTerm, regexes: Map<SearchTerm, RegExp | null>): boolean {
  if (!regexes.has(term)) regexes.set(term, termRegex([term]));
  const regex = regexes.get(term);
  if (!regex) return false;
  let found = false;
  eachWordMatch(block, regex, () => {
    found = true;
  });
  return found;
}

function satisfies(block: string, expression: SearchExpression, regexes: Map<SearchTerm, RegExp | null>): boolean {
  if (expression.kind === 'term') return holds(block, expression.term, regexes);
  if (expression.kind === 'or') return expression.parts.some((part) => satisfies(block, part, regexes));
  return (
    expression.include.every((part) => satisfies(block, part, regexes)) &&
    !expression.exclude.some((part) => satisfies(block, part, regexes))
  );
}

/** The passages standing in a paragraph that matches the whole query; all of them when none does. */
export function passagesInMatchingBlocks(
  text: string,
  expression: SearchExpression | null,
  passages: Passage[],
): Passage[] {
  if (!expression || expression.kind !== 'and' || expression.include.length + expression.exclude.length < 2)
    return passages;
  const regexes = new Map<SearchTerm, RegExp | null>();
  const verdicts = new Map<number, boolean>();
  const kept = passages.filter((passage) => {
    const block = blockAround(text, passage.start);
    if (!verdicts.has(block.start))
      verdicts.set(block.start, satisfies(text.slice(block.start, block.end), expression, regexes));
    return verdicts.get(block.start)!;
  });
  return kept.length > 0 ? kept : passages;
}
