// Word-level F1 between an extracted text and the text known to be in the file: how much of
// each the other holds, counting repeated words, ignoring case and punctuation.

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function counts(list: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const word of list) map.set(word, (map.get(word) ?? 0) + 1);
  return map;
}

/** F1 of the extracted words against the expected ones: 1 when the two hold the same words as often. */
export function wordF1(extracted: string, expected: string): number {
  const got = words(extracted);
  const want = words(expected);
  if (got.length === 0 || want.length === 0) return got.length === want.length ? 1 : 0;
  const wanted = counts(want);
  let common = 0;
  for (const [word, count] of counts(got)) common += Math.min(count, wanted.get(word) ?? 0);
  const precision = common / got.length;
  const recall = common / want.length;
  return common === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}
