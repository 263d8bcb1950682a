// How text read line by line (a PDF's text layer, OCR's words) meets across a line break:
// one rule for both readers, so a word broken at a line's end reads the same whichever read it.

/**
 * How `next` (a line's start) meets `before` (the text up to the line's end). A word broken at
 * the line's end between lowercase letters ("inter-" / "national", with a hyphen or Unicode's
 * U+2010) is 'joined', its hyphen dropped; any other hyphen between a letter or digit and the
 * next line's letter or digit is part of the word ("Fc-" / "ConfigParse", "10-" / "12", "10-" /
 * "year") and is 'hyphen kept', with no space after it. Anything else stays 'apart'.
 */
export function lineEndJoin(before: string, next: string): 'joined' | 'hyphen kept' | 'apart' {
  if (!/[\p{L}\p{N}][-\u2010]$/u.test(before) || !/^[\p{L}\p{N}]/u.test(next)) return 'apart';
  return /\p{Ll}.$/u.test(before) && /^\p{Ll}/u.test(next) ? 'joined' : 'hyphen kept';
}
