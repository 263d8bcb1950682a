import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/shared/dates';

const inUtc = { locale: 'en-US', timeZone: 'UTC' };
const afternoon = '2026-11-30T14:05:09.000Z';

describe('dates shown to people', () => {
  it('writes a day, a long day, a day with its time and a clock time in the given locale', () => {
    expect(formatDate(afternoon, 'day', inUtc)).toBe('Nov 30, 2026');
    expect(formatDate(afternoon, 'long-day', inUtc)).toBe('November 30, 2026');
    expect(formatDate(afternoon, 'day-time', inUtc)).toMatch(/^Nov 30, 2026,? (at )?2:05\sPM$/);
    expect(formatDate(afternoon, 'clock', inUtc)).toMatch(/^2:05\sPM$/);
    expect(formatDate(afternoon, 'clock-seconds', inUtc)).toMatch(/^2:05:09\sPM$/);
    expect(formatDate(afternoon, 'day', { locale: 'en-GB', timeZone: 'UTC' })).toBe('30 Nov 2026');
  });

  it('shows the clock time for a time earlier today and the day for anything older', () => {
    const now = new Date('2026-11-30T18:00:00.000Z');
    expect(formatDate(afternoon, 'recent', { ...inUtc, now })).toMatch(/^2:05\sPM$/);
    expect(formatDate('2026-11-29T23:59:00.000Z', 'recent', { ...inUtc, now })).toBe('Nov 29, 2026');
  });

  it('writes the ISO day as the text gives it, the same in every locale and zone', () => {
    expect(formatDate(afternoon, 'iso-day')).toBe('2026-11-30');
    expect(formatDate('2026-12-01T01:00:00+05:00', 'iso-day')).toBe('2026-12-01');
    expect(formatDate(new Date(afternoon), 'iso-day')).toBe('2026-11-30');
  });

  it('writes the minute in UTC for exports that must not depend on where they were made', () => {
    expect(formatDate(afternoon, 'utc-minute')).toBe('2026-11-30 14:05 UTC');
    expect(formatDate('2026-12-01T01:00:00+05:00', 'utc-minute')).toBe('2026-11-30 20:00 UTC');
  });

  it('writes a source’s time as the day in the person’s locale and the minute in UTC, naming the zone', () => {
    const inTokyo = { locale: 'en-US', timeZone: 'Asia/Tokyo' };
    expect(formatDate('2026-11-30T23:30:00.000Z', 'day-utc-minute', inTokyo)).toBe('Nov 30, 2026, 23:30 UTC');
    expect(formatDate(afternoon, 'day-utc-minute', { locale: 'en-GB' })).toBe('30 Nov 2026, 14:05 UTC');
    expect(() => formatDate('unknown', 'day-utc-minute')).toThrow('Invalid time value');
  });

  it('keeps text that is not a date as written in files and PDFs, and refuses it on screen rather than show "Invalid Date"', () => {
    expect(formatDate('unknown', 'utc-minute')).toBe('unknown');
    expect(formatDate('', 'utc-minute')).toBe('');
    expect(formatDate('2026-99-99T99:99:99Z', 'iso-day')).toBe('2026-99-99');
    expect(() => formatDate('2026-99-99T99:99:99Z', 'long-day')).toThrow('Invalid time value');
    expect(() => formatDate('unknown', 'recent')).toThrow('Invalid time value');
  });
});
