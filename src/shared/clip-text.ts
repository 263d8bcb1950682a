// Cutting text to a length with "…", so a cut label or quote never reads as whole: one rule for the CLI and the app.

/** `text` as it is when it fits in `max` characters, else its first `max - 1` and "…" (still `max` long). */
export function clipText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `text` on one line (each run of white space one space), then cut as clipText cuts it. */
export function clipLine(text: string, max: number): string {
  return clipText(text.replace(/\s+/g, ' '), max);
}
