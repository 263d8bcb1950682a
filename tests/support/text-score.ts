// Word-level F1 between extracted text and the text a fixture was built from: how much of
// the known text came through (recall) and how little else came with it (precision).

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

/** 1 when both texts have the same words as many times each, in any order; 0 when they share none. */
export function wordF1(actual: string, expected: string): number {
  const got = words(actual);
  const want = words(expected);
  if (got.length === 0 && want.length === 0) return 1;
  if (got.length === 0 || want.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of want) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of got) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(word, left - 1);
    }
  }
  const precision = shared / got.length;
  const recall = shared / want.length;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}
