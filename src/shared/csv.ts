// CSV as RFC 4180 writes it (fields quoted when they hold a comma, quote or line break; CRLF
// between records), with cells a spreadsheet would run as a formula made inert.

/** A cell starting with = + - @ (or a tab or carriage return) would run as a formula in a spreadsheet: a leading apostrophe keeps it text. */
export function guardCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(value: string): string {
  const guarded = guardCell(value);
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Records as CSV text, each line ended by CRLF. */
export function toCsv(records: ReadonlyArray<readonly string[]>): string {
  return records.map((record) => `${record.map(field).join(',')}\r\n`).join('');
}
