// Reading and validating a sidecar (and tags.json) from its bytes: valid UTF-8, not nested
// too deep, valid JSON, the right shape, or a fault with the line and column. JSON syntax
// errors are located by jsonc-parser's error offsets, never read from V8's message text.
import { printParseErrorCode, visit } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { BUNDLE_LIMITS, jsonDepthExceeds, tagsEntrySchema } from '../../shared/bundle-schemas';
import { evidenceFileSchema } from '../../shared/bundle-evidence';
import { describeSchemaIssue } from '../../shared/schema-messages';
import { sidecarSchema } from '../../shared/sidecar';
import type { Sidecar } from '../../shared/sidecar';
import { decodeUtf8 } from './workspace-files';

/** What is wrong with a file, and where (1-based; 0 when it is the file as a whole). */
export interface FileFault {
  line: number;
  column: number;
  message: string;
}

export type Parsed<T> = { ok: true; value: T; text: string } | { ok: false; fault: FileFault };

/** Line and column (1-based) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function faultAt(text: string, offset: number, message: string): { ok: false; fault: FileFault } {
  return { ok: false, fault: { ...lineAndColumn(text, offset), message } };
}

/** UTF-8 text holding JSON no deeper than the bundle limit, parsed. */
function parseJson(bytes: Uint8Array): Parsed<unknown> {
  const text = decodeUtf8(bytes);
  if (text === undefined) return { ok: false, fault: { line: 0, column: 0, message: 'The file is not UTF-8 text.' } };
  if (jsonDepthExceeds(text, BUNDLE_LIMITS.jsonDepth))
    return faultAt(text, 0, `The JSON is nested more than ${BUNDLE_LIMITS.jsonDepth} levels deep.`);
  try {
    // JSON.parse builds the value (it is fast, and keeps `__proto__` an ordinary key); only a
    // file it refuses is parsed again, to say where and why.
    return { ok: true, value: JSON.parse(text) as unknown, text };
  } catch {
    const syntax = jsonSyntaxError(text);
    return faultAt(text, syntax.offset, `Not valid JSON: ${syntax.message}`);
  }
}

/** What each of jsonc-parser's error codes means, in the words of JSON.parse where it has them. */
const SYNTAX_ERRORS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected double-quoted property name',
  ValueExpected: 'Expected a value',
  ColonExpected: "Expected ':' after property name",
  CloseBraceExpected: "Expected ',' or '}' after property value",
  CloseBracketExpected: "Expected ',' or ']' after array element",
  EndOfFileExpected: 'Unexpected non-whitespace character after JSON',
  InvalidCommentToken: 'Comments are not allowed in JSON',
  UnexpectedEndOfComment: 'Comments are not allowed in JSON',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Bad Unicode escape',
  InvalidEscapeCharacter: 'Bad escaped character',
  InvalidCharacter: 'Bad control character in string literal',
};

/** A syntax error and the container it is in: a missing comma is worded, as JSON.parse does, by where it is missing. */
interface LocatedError extends ParseError {
  inside: 'object' | 'array' | undefined;
}

/** Every syntax error strict JSON finds in the text, in order. */
function syntaxErrorsOf(text: string): LocatedError[] {
  const errors: LocatedError[] = [];
  const open: Array<'object' | 'array'> = [];
  visit(
    text,
    {
      onObjectBegin: () => void open.push('object'),
      onObjectEnd: () => void open.pop(),
      onArrayBegin: () => void open.push('array'),
      onArrayEnd: () => void open.pop(),
      onError: (error, offset, length) => void errors.push({ error, offset, length, inside: open.at(-1) }),
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return errors;
}

/**
 * Where strict JSON first goes wrong, and why. A stray word (`id` for `"id"`) is first an
 * unknown symbol, and the parser's reaction just after it (a property name or a value was
 * expected) says better what was meant: that is the reason given, at the word's place.
 */
function jsonSyntaxError(text: string): { offset: number; message: string } {
  const errors = syntaxErrorsOf(text);
  const [first, next] = errors;
  if (!first) return { offset: text.length, message: 'Unexpected end of JSON input' };
  const reason =
    printParseErrorCode(first.error) === 'InvalidSymbol' && next && next.offset <= first.offset + first.length
      ? next
      : first;
  const atEnd = text.slice(first.offset).trim() === '';
  const code = printParseErrorCode(reason.error);
  const message =
    atEnd && code === 'ValueExpected'
      ? 'Unexpected end of JSON input'
      : code === 'CommaExpected'
        ? SYNTAX_ERRORS[reason.inside === 'array' ? 'CloseBracketExpected' : 'CloseBraceExpected']
        : SYNTAX_ERRORS[code];
  return { offset: first.offset, message: message ?? code };
}

/** Parses with a zod schema, pointing at the first bad item's id when there is one. */
function parseShaped<T>(bytes: Uint8Array, schema: z.ZodType<T>): Parsed<T> {
  const json = parseJson(bytes);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return { ok: true, value: parsed.data, text: json.text };
  const issue = parsed.error.issues[0]!;
  const itemIndex = issue.path[0] === 'items' && typeof issue.path[1] === 'number' ? issue.path[1] : -1;
  const itemId =
    itemIndex >= 0 ? (json.value as { items?: Array<{ id?: unknown }> }).items?.[itemIndex]?.id : undefined;
  const offset = typeof itemId === 'string' ? Math.max(0, json.text.indexOf(JSON.stringify(itemId))) : 0;
  return faultAt(json.text, offset, describeSchemaIssue(issue, json.value));
}

/**
 * What the sync takes from a sidecar: its document, tombstones and items. (Its `@context`
 * is accepted as any value and never used, so it is not part of what is read.)
 */
export type SidecarContent = Pick<Sidecar, 'marginalia' | 'items' | 'links'>;

export function parseSidecarFile(bytes: Uint8Array): Parsed<SidecarContent> {
  return parseShaped(bytes, sidecarSchema);
}

export function parseEvidenceFile(bytes: Uint8Array): Parsed<z.infer<typeof evidenceFileSchema>> {
  return parseShaped(bytes, evidenceFileSchema);
}

export function parseTagsFile(bytes: Uint8Array): Parsed<z.infer<typeof tagsEntrySchema>> {
  return parseShaped(bytes, tagsEntrySchema);
}
