// A strict RFC 4180 reader for the tests, written apart from the app's writer: quoted fields
// with doubled quotes, commas and line breaks inside, CRLF between records. Refuses anything else.
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let index = 0;
  while (index < text.length) {
    let value = '';
    if (text[index] === '"') {
      index += 1;
      for (;;) {
        if (index >= text.length) throw new Error('a quoted field is not closed');
        if (text[index] === '"' && text[index + 1] === '"') {
          value += '"';
          index += 2;
        } else if (text[index] === '"') {
          index += 1;
          break;
        } else value += text[index++];
      }
    } else {
      while (index < text.length && text[index] !== ',' && text[index] !== '\r') {
        if (text[index] === '"' || text[index] === '\n')
          throw new Error(`a bare ${JSON.stringify(text[index])} at ${index}`);
        value += text[index++];
      }
    }
    record.push(value);
    if (text[index] === ',') index += 1;
    else if (text.startsWith('\r\n', index)) {
      records.push(record);
      record = [];
      index += 2;
    } else throw new Error(`a field ends in ${JSON.stringify(text[index])} at ${index}, not a comma or CRLF`);
  }
  if (record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}
