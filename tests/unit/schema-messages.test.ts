import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { describeJsonError, describeSchemaIssue } from '../../src/shared/schema-messages';

const schema = z
  .object({
    '@context': z.unknown().nonoptional(),
    title: z.string().max(3),
    type: z.literal('Annotation'),
    color: z.enum(['yellow', 'green']),
    count: z.number().int(),
    items: z.array(z.string()).min(1),
    file: z.string().regex(/^[^/]+$/, 'must be a file name in the workspace folder'),
  })
  .strict();

function messages(value: unknown): string[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => describeSchemaIssue(issue));
}

describe('describeSchemaIssue', () => {
  it('says in plain words which field is wrong and how, never zod’s wording', () => {
    expect(
      messages({ title: 'long', type: 'Note', color: 'red', count: 1.5, items: [], file: 'a/b', extra: 1 }),
    ).toEqual([
      '@context is missing',
      'title is too long (at most 3 characters)',
      'type must be "Annotation"',
      'color must be one of "yellow", "green"',
      'count must be a whole number',
      'items has too few items (at least 1)',
      'file: must be a file name in the workspace folder',
      'The file has a field it may not have: "extra"',
    ]);
    const missing = schema.safeParse({ '@context': 1, title: 'a', color: 'green', count: 1, items: ['a'], file: 'a' });
    expect(
      missing.success ? [] : missing.error.issues.map((issue) => describeSchemaIssue(issue, { title: 'a' })),
    ).toEqual(['type is missing']);
    expect(
      messages({ '@context': 1, title: 5, type: 'Annotation', color: 'green', count: 1, items: ['a'], file: 'a' }),
    ).toEqual(['title must be text, not a number']);
  });
});

describe('describeJsonError', () => {
  it('drops the character position, which the line and column already give', () => {
    let message = '';
    try {
      JSON.parse('{\n  "a": 1,\n  b}');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/position \d+/);
    expect(describeJsonError(message)).toBe('Expected double-quoted property name');
    expect(describeJsonError('Expected double-quoted property name in JSON at position 101 (line 5 column 3)')).toBe(
      'Expected double-quoted property name',
    );
    expect(describeJsonError('Unexpected end of JSON input')).toBe('Unexpected end of JSON input');
  });
});

describe('describeSchemaIssue on a bundle entry', () => {
  const entry = z.object({
    name: z.string().max(3),
    kind: z.enum(['highlight', 'note']),
    items: z.array(z.number()).max(1),
    when: z.iso.datetime(),
    hash: z.string().regex(/^[0-9a-f]+$/, 'must be hex'),
  });

  it('names each field and says what is wrong with it in plain words, keeping a schema’s own message', () => {
    const value = { name: 'long name', kind: 'other', items: [1, 2], when: '2026-99-99T99:99:99Z', hash: 'xyz' };
    const parsed = entry.safeParse(value);
    expect(
      parsed.success ? [] : parsed.error.issues.map((issue) => describeSchemaIssue(issue, value, 'the entry')),
    ).toEqual([
      'name is too long (at most 3 characters)',
      'kind must be one of "highlight", "note"',
      'items has too many items (at most 1)',
      'when must be a real date and time in ISO 8601, like 2026-03-01T12:00:00Z',
      'hash: must be hex',
    ]);
  });
});
