// Plain-language reasons for schema (zod) issues, so a refusal of a file from outside never
// shows a person zod's own wording ("Invalid input: expected nonoptional, received undefined").
import type { z } from 'zod';

type SchemaIssue = z.core.$ZodIssue;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** zod's default messages begin so; a message written in a schema (like "must be base64") is kept. */
const ZOD_WORDING = /^(Invalid|Too (big|small)|Unrecognized)/;

function sizeReason(issue: { origin: string; code: 'too_big' | 'too_small' }, bound: number | bigint): string {
  const big = issue.code === 'too_big';
  if (issue.origin === 'string') return big ? `too long (at most ${bound} characters)` : `too short (at least ${bound} characters)`;
  if (issue.origin === 'array' || issue.origin === 'set') return big ? `too many items (at most ${bound})` : `too few items (at least ${bound})`;
  return big ? `too large (at most ${bound})` : `too small (at least ${bound})`;
}

/** Why a value failed its schema, in words (the caller says where: the issue's path). */
export function describeSchemaIssue(issue: SchemaIssue): string {
  if (!ZOD_WORDING.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'nonoptional' || /received undefined$/.test(issue.message)) return 'a required field is missing';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.slice(0, 12).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'too_big':
      return sizeReason(issue, issue.maximum);
    case 'too_small':
      return sizeReason(issue, issue.minimum);
    case 'invalid_format':
      return issue.format === 'datetime' || issue.format === 'date'
        ? 'must be a real date and time in ISO 8601, like 2026-03-01T12:00:00Z'
        : 'is not in the form expected';
    case 'unrecognized_keys':
      return `has fields it should not: ${issue.keys.slice(0, 5).join(', ')}`;
    default:
      return 'is not one of the forms allowed';
  }
}
