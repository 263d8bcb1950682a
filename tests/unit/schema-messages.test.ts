import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeSchemaIssue } from '../../src/shared/schema-messages';

const schema = z.object({
  name: z.string().max(3),
  kind: z.enum(['highlight', 'note']),
  items: z.array(z.number()).max(1),
  when: z.iso.datetime(),
  count: z.number(),
  hash: z.string().regex(/^[0-9a-f]+$/, 'must be hex'),
});

function reasons(value: unknown): Record<string, string> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), describeSchemaIssue(issue)]));
}

describe('describeSchemaIssue', () => {
  it('says in plain words what is wrong with a value, never in zod’s wording', () => {
    expect(reasons({ name: 'long name', kind: 'other', items: [1, 2], when: '2026-99-99T99:99:99Z', count: 'one', hash: 'xyz' })).toEqual({
      name: 'too long (at most 3 characters)',
      kind: 'must be one of "highlight", "note"',
      items: 'too many items (at most 1)',
      when: 'must be a real date and time in ISO 8601, like 2026-03-01T12:00:00Z',
      count: 'must be a number',
      hash: 'must be hex',
    });
  });

  it('calls a missing field missing', () => {
    expect(reasons({ kind: 'note', items: [], when: '2026-03-01T12:00:00Z', count: 1, hash: 'ab' })).toEqual({ name: 'a required field is missing' });
  });
});
