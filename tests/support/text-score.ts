// Scores recovered text against known text: F1 over the multiset of words (what was read)
// and over word bigrams (whether it was read in order).
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word !== '');
}

function bigrams(tokens: readonly string[]): string[] {
  return tokens.slice(1).map((token, index) => `${tokens[index]!} ${token}`);
}

function multisetF1(expected: readonly string[], found: readonly string[]): number {
  if (expected.length === 0 && found.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const token of expected) counts.set(token, (counts.get(token) ?? 0) + 1);
  let overlap = 0;
  for (const token of found) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      overlap += 1;
      counts.set(token, left - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / found.length;
  const recall = overlap / expected.length;
  return (2 * precision * recall) / (precision + recall);
}

export function wordF1(expected: string, found: string): number {
  return multisetF1(words(expected), words(found));
}

export function bigramF1(expected: string, found: string): number {
  return multisetF1(bigrams(words(expected)), bigrams(words(found)));
}
