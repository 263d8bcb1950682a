// Says what is wrong with a value from outside in plain words: zod's issues ("Invalid input:
// expected nonoptional, received undefined") and JSON.parse's errors ("… at position 101")
// become "@context is missing" and "Expected double-quoted property name", for any file the
// app reads (workspace sidecars, tags.json, note bundles).
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** How zod's own messages begin (a schema's custom message is kept as written). */
const ZOD_WORDING = /^(Invalid|Too (big|small)|Unrecognized key)/;

/** Where in the value: the field's path (`items.3.target`), or the value as a whole. */
function whereOf(path: readonly PropertyKey[], whole: string): string {
  return path.length === 0 ? whole : path.map(String).join('.');
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? `a ${type}`;
}

function quoted(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

/** What zod's "received …" names, read from its message (issues carry no input by default). */
function received(issue: Issue): string | undefined {
  return /received (\w+)$/.exec(issue.message)?.[1];
}

function sizeWords(
  issue: Issue & { origin: string; inclusive?: boolean },
  limit: number | bigint,
  big: boolean,
): string {
  const most = big ? 'at most' : 'at least';
  const bound = issue.inclusive === false ? (big ? 'less than' : 'more than') : most;
  if (issue.origin === 'string') return `is too ${big ? 'long' : 'short'} (${bound} ${limit} characters)`;
  if (issue.origin === 'array' || issue.origin === 'set')
    return `has too ${big ? 'many' : 'few'} items (${bound} ${limit})`;
  return `is too ${big ? 'large' : 'small'} (${bound} ${limit})`;
}

/** What is wrong, after the field's name. */
function problemOf(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const got = received(issue);
      if (got === 'undefined') return 'is missing';
      if (issue.expected === 'int') return 'must be a whole number';
      return `must be ${issue.expected === 'nonoptional' ? 'given' : typeName(issue.expected)}${got ? `, not ${typeName(got)}` : ''}`;
    }
    case 'too_big':
      return sizeWords(issue, issue.maximum, true);
    case 'too_small':
      return sizeWords(issue, issue.minimum, false);
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${quoted(issue.values)}` : `must be one of ${quoted(issue.values)}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'a field' : 'fields'} it may not have: ${quoted(issue.keys)}`;
    case 'invalid_union':
      return 'is none of the shapes allowed here';
    case 'invalid_format':
      return issue.format === 'datetime' || issue.format === 'date'
        ? 'must be a real date and time in ISO 8601, like 2026-03-01T12:00:00Z'
        : `is not a valid ${issue.format}`;
    default:
      return 'is not valid here';
  }
}

/** Whether the value that was checked lacks the field at `path` (zod's issues do not carry the input). */
function isAbsent(input: unknown, path: readonly PropertyKey[]): boolean {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return true;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value === undefined;
}

/** What is wrong with the value at the issue's path, without naming it (the caller says where). */
function schemaProblem(issue: Issue, input?: unknown): string {
  if (!ZOD_WORDING.test(issue.message)) return issue.message;
  return input !== undefined && issue.path.length > 0 && isAbsent(input, issue.path) ? 'is missing' : problemOf(issue);
}

/**
 * One zod issue as a plain sentence naming the field: "@context is missing",
 * "items.0.type must be "Annotation"". Given the value that was checked, a field it lacks
 * is said to be missing whatever the schema expected there.
 */
export function describeSchemaIssue(issue: Issue, input?: unknown, whole = 'The file'): string {
  const where = whereOf(issue.path, whole);
  // A schema's own message ("must be a file name…") is already plain and more specific than any of these.
  if (!ZOD_WORDING.test(issue.message)) return `${where}: ${issue.message}`;
  return `${where} ${schemaProblem(issue, input)}`;
}

/** JSON.parse's message without its "at position N" (and "(line L column C)"): the caller gives line and column. */
export function describeJsonError(message: string): string {
  return message
    .replace(/\s+(?:in JSON\s+)?at position \d+(?:\s+\(line \d+ column \d+\))?/, '')
    .replace(/\s+in JSON$/, '');
}
