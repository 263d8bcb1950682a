import { describe, expect, it } from 'vitest';
import { readableMessageDate } from '../../src/core/import/formats/email-date';

// A message's Date header in the words the reader shows under its title, in the sender's own time.

describe('a message’s Date header as a person reads it', () => {
  it('names the weekday and month in full and keeps the sender’s clock time and offset', () => {
    expect(readableMessageDate('Thu, 04 Jun 2026 09:17:00 +0200')).toBe('Thursday, 4 June 2026, 09:17 (UTC+02:00)');
    expect(readableMessageDate('Mon, 1 Jan 2024 23:30:00 -0530')).toBe('Monday, 1 January 2024, 23:30 (UTC−05:30)');
  });

  it('says UTC for a zero offset and for the named UTC zones', () => {
    expect(readableMessageDate('Mon, 1 Jan 2024 09:30:00 +0000')).toBe('Monday, 1 January 2024, 09:30 (UTC)');
    expect(readableMessageDate('Mon, 1 Jan 2024 09:30:00 GMT')).toBe('Monday, 1 January 2024, 09:30 (UTC)');
    expect(readableMessageDate('Mon, 01 Jan 2024 09:30:00 UTC')).toBe('Monday, 1 January 2024, 09:30 (UTC)');
  });

  it('reads the old American zone names as their offsets', () => {
    expect(readableMessageDate('Fri, 3 Jul 2026 08:00:00 EDT')).toBe('Friday, 3 July 2026, 08:00 (UTC−04:00)');
  });

  it('keeps seconds when the header has some, and reads a header without a weekday or with a zone comment', () => {
    expect(readableMessageDate('4 Jun 2026 09:17:05 +0200 (CEST)')).toBe('Thursday, 4 June 2026, 09:17:05 (UTC+02:00)');
  });

  it('reads a two-digit year as RFC 5322 does', () => {
    expect(readableMessageDate('Thu, 04 Jun 26 09:17 +0200')).toBe('Thursday, 4 June 2026, 09:17 (UTC+02:00)');
    expect(readableMessageDate('Fri, 13 Feb 98 10:00 +0000')).toBe('Friday, 13 February 1998, 10:00 (UTC)');
  });

  it('gives back as written a header that is no date, not a real date, or whose weekday is another day’s', () => {
    for (const header of [
      'sometime last week',
      'Thu, 31 Feb 2026 09:17:00 +0200',
      'Mon, 04 Jun 2026 09:17:00 +0200',
      'Thu, 04 Jun 2026 09:17:00',
      'Thu, 04 Jun 2026 25:17:00 +0200',
      '2026-06-04T09:17:00+02:00',
    ]) {
      expect(readableMessageDate(header)).toBe(header);
    }
  });
});
