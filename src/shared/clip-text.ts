// Cutting text to a length with "…", so a cut label or quote never reads as whole: one rule for the CLI and the app.

/** `text` as it is when it fits in `max` characters, else its first `max - 1` and "…" (still `max` long). */
export function clipText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `text` on one line (each run of white space one space), then cut as clipText cuts it. */
export function clipLine(text: string, max: number): string {
  return clipText(text.replace(/\s+/g, ' '), max);
}

/**
 * `text` as it is when it fits in `max` characters, else cut after its last whole word that fits,
 * with "…" (a heading cut mid-word, “Community in…”, read as another heading). A first word
 * longer than `max` is cut as clipText cuts it.
 */
export function clipWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const atWord = /\s/.test(text.charAt(max - 1)) ? head : head.replace(/\s+\S*$/, '');
  const kept = atWord.replace(/[\s,;:.–—-]+$/, '');
  return kept === '' ? clipText(text, max) : `${kept}…`;
}
