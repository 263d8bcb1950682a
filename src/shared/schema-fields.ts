// Schemas for the fields every entry point shares (bundles, sidecars, contract calls), so a
// time or an offset range is judged one way wherever it comes in.
import * as z from 'zod';

/**
 * An ISO 8601 date-time that is a real moment: zod's check knows month lengths and leap
 * years and keeps hours under 24 (a date the pattern alone let through, like
 * 2026-99-99T99:99:99Z, used to reach the store and throw when a document opened), and it
 * must also read back through Date. Seconds are required, as xsd:dateTime (which W3C Web
 * Annotation uses for created and modified) requires them.
 */
export const isoDateTime = z
  .string()
  .max(40)
  .pipe(z.iso.datetime({ offset: true, error: 'must be a real date and time in ISO 8601, like 2026-03-01T12:00:00Z' }))
  .refine(
    (value) => Number.isFinite(Date.parse(value)),
    'must be a real date and time in ISO 8601, like 2026-03-01T12:00:00Z',
  );

/** An offset into a document's canonical text (UTF-16 code units). */
export const textOffset = z.number().int().min(0).max(1_000_000_000);

export const REVERSED_RANGE_MESSAGE = 'start must not be after end (the range is reversed)';

/** A W3C TextPositionSelector; a reversed range is refused, never stored as an empty quote. */
export const textPositionSelectorSchema = z
  .object({ type: z.literal('TextPositionSelector'), start: textOffset, end: textOffset })
  .refine((selector) => selector.start <= selector.end, { message: REVERSED_RANGE_MESSAGE, path: ['start'] });

/** For objects with optional `start` and `end` (contract inputs): when both are given, start ≤ end. */
export function startNotAfterEnd(value: { start?: number | undefined; end?: number | undefined }): boolean {
  return value.start === undefined || value.end === undefined || value.start <= value.end;
}
