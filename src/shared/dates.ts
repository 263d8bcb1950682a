// The one formatter for dates shown to people, in the app, the CLI and the exports. Each
// place asks for a named style instead of building its own Intl.DateTimeFormat or slicing
// an ISO string, so the same kind of date reads the same everywhere.

/**
 * - `day`: "Nov 30, 2026", the user's locale (library rows, search headings, a note's day).
 * - `long-day`: "November 30, 2026", the user's locale (a document's published date).
 * - `day-time`: "Nov 30, 2026, 2:05 PM", the user's locale (a note's full time in its tooltip).
 * - `clock`: "2:05 PM", the user's locale.
 * - `clock-seconds`: "2:05:09 PM", the user's locale (when the workspace last synced).
 * - `recent`: `clock` for a time earlier today, else `day` (a margin note's time).
 * - `iso-day`: "2026-11-30", the same in every locale: the date as the ISO text writes it
 *   (CLI lists, sidecar digests, the origin line's default).
 * - `utc-minute`: "2026-11-30 14:05 UTC", the same in every locale (the PDF's dates).
 * - `day-utc-minute`: "Nov 30, 2026, 14:05 UTC", the day in the user's locale, the time in UTC and
 *   saying so (a source's times in the Source panel, as the PDF's cover gives them).
 */
export type DateStyle =
  'day' | 'long-day' | 'day-time' | 'clock' | 'clock-seconds' | 'recent' | 'iso-day' | 'utc-minute' | 'day-utc-minute';

type LocaleStyle = Exclude<DateStyle, 'recent' | 'iso-day' | 'utc-minute' | 'day-utc-minute'>;

const LOCALE_STYLES: Record<LocaleStyle, Intl.DateTimeFormatOptions> = {
  day: { dateStyle: 'medium' },
  'long-day': { dateStyle: 'long' },
  'day-time': { dateStyle: 'medium', timeStyle: 'short' },
  clock: { timeStyle: 'short' },
  // What Date#toLocaleTimeString shows when given no options.
  'clock-seconds': { hour: 'numeric', minute: 'numeric', second: 'numeric' },
};

export interface DateFormatOptions {
  /** A BCP 47 locale; the user's (the runtime's default) when left out. */
  locale?: string;
  /** An IANA time zone; the user's when left out. */
  timeZone?: string;
  /** The present, for `recent` (tests pin it). */
  now?: Date;
}

// Building an Intl.DateTimeFormat costs far more than using one; lists format many dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(
  style: LocaleStyle,
  locale: string | undefined,
  timeZone: string | undefined,
): Intl.DateTimeFormat {
  const key = `${style}|${locale ?? ''}|${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...LOCALE_STYLES[style], timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

function isSameDay(a: Date, b: Date, timeZone: string | undefined): boolean {
  const calendarDay = formatterFor('day', 'en-US', timeZone);
  return calendarDay.format(a) === calendarDay.format(b);
}

/**
 * `when` (an ISO 8601 string or a Date) written in `style`. The formats written to files
 * and PDFs never throw: `iso-day` is a string's first ten characters, `utc-minute` gives
 * text that is not a date back as written. A date shown on screen that is not a date
 * throws (RangeError "Invalid time value"), so the region showing it reports what failed
 * instead of showing "Invalid Date".
 */
export function formatDate(when: string | Date, style: DateStyle, options: DateFormatOptions = {}): string {
  const date = typeof when === 'string' ? new Date(when) : when;
  switch (style) {
    case 'iso-day':
      // The date as written: a time with an offset keeps its own calendar day.
      if (typeof when === 'string') return when.slice(0, 10);
      return Number.isNaN(date.getTime()) ? String(when) : date.toISOString().slice(0, 10);
    case 'utc-minute':
      if (Number.isNaN(date.getTime())) return String(when);
      return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    case 'day-utc-minute':
      return `${formatterFor('day', options.locale, 'UTC').format(date)}, ${formatDate(date, 'utc-minute').slice(11)}`;
    case 'recent':
      return formatDate(date, isSameDay(date, options.now ?? new Date(), options.timeZone) ? 'clock' : 'day', options);
    default:
      return formatterFor(style, options.locale, options.timeZone).format(date);
  }
}
