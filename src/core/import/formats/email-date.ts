// A message's Date header as a person reads it: "Thursday, 4 June 2026, 09:17 (UTC+02:00)",
// in the sender's own local time with its offset, so nothing the header says is lost or moved.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** RFC 5322's obsolete zone names, hours from UTC (UT, GMT and Z are UTC), and UTC itself, which mailers write too. */
const NAMED_ZONES: Record<string, number> = {
  UTC: 0,
  UT: 0,
  GMT: 0,
  Z: 0,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
};

/** RFC 5322's date-time: [weekday,] day month year hh:mm[:ss] zone [(comment)]. */
const RFC_DATE =
  /^(?:([A-Za-z]{3}),?\s+)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|[A-Za-z]{1,3})(?:\s*\([^()]*\))?$/;

interface SenderTime {
  /** The wall-clock time the sender's zone showed, held as a UTC Date (read with getUTC*). */
  wallClock: Date;
  seconds: number;
  offsetMinutes: number;
}

function offsetMinutes(zone: string): number | undefined {
  if (/^[+-]\d{4}$/.test(zone)) {
    const minutes = Number(zone.slice(3, 5));
    if (minutes > 59) return undefined;
    return (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + minutes);
  }
  const hours = NAMED_ZONES[zone.toUpperCase()];
  return hours === undefined ? undefined : hours * 60;
}

/** Two- and three-digit years as RFC 5322 reads them (obs-year): 49 is 2049, 50 is 1950, 126 is 2026. */
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length === 4) return year;
  if (digits.length === 3) return year + 1900;
  return year < 50 ? year + 2000 : year + 1900;
}

function senderTime(header: string): SenderTime | undefined {
  const found = RFC_DATE.exec(header.trim());
  if (!found) return undefined;
  const [, weekday, day, monthName, year, hour, minute, second = '0', zone] = found;
  const month = MONTHS.findIndex((name) => name.slice(0, 3).toLowerCase() === monthName!.toLowerCase());
  const offset = offsetMinutes(zone!);
  if (month < 0 || offset === undefined || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) {
    return undefined;
  }
  const wallClock = new Date(Date.UTC(fullYear(year!), month, Number(day), Number(hour), Number(minute)));
  // 31 February rolls over into March: such a header is not a real date.
  if (wallClock.getUTCDate() !== Number(day) || wallClock.getUTCMonth() !== month) return undefined;
  // A weekday that is not the date's own leaves it unclear which of the two was meant.
  if (weekday && WEEKDAYS[wallClock.getUTCDay()]!.slice(0, 3).toLowerCase() !== weekday.toLowerCase()) return undefined;
  return { wallClock, seconds: Number(second), offsetMinutes: offset };
}

function offsetText(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const size = Math.abs(minutes);
  const hhmm = `${String(Math.floor(size / 60)).padStart(2, '0')}:${String(size % 60).padStart(2, '0')}`;
  // A minus sign, not a hyphen: a line may break after a hyphen, and “(UTC-” / “05:00)” did (trial).
  return `UTC${minutes < 0 ? '\u2212' : '+'}${hhmm}`;
}

/**
 * The Date header in words: "Thursday, 4 June 2026, 09:17 (UTC+02:00)", the time as the sender's
 * clock showed it and the offset it was sent with (seconds only when the header has some).
 * A header that is not an RFC 5322 date, or not a real one, is given back as written.
 */
export function readableMessageDate(header: string): string {
  const time = senderTime(header);
  if (!time) return header;
  const { wallClock, seconds } = time;
  const two = (value: number) => String(value).padStart(2, '0');
  const clock = `${two(wallClock.getUTCHours())}:${two(wallClock.getUTCMinutes())}${seconds > 0 ? `:${two(seconds)}` : ''}`;
  const day = `${WEEKDAYS[wallClock.getUTCDay()]}, ${wallClock.getUTCDate()} ${MONTHS[wallClock.getUTCMonth()]} ${wallClock.getUTCFullYear()}`;
  return `${day}, ${clock} (${offsetText(time.offsetMinutes)})`;
}
