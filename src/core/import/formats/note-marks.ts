// A footnote mark set as a superscript ("quarter.¹") would run into the word before it once the
// text is flat ("quarter.1"), spoiling quotes and search: it is kept apart as "[1]". A raised
// number after a number or a short unit ("m²", "10⁶") is an exponent and is written as one.

/** What a footnote mark looks like: a number of at most three digits, or one of the printers' signs. */
const MARK = /^(\d{1,3}|[*†‡§¶]{1,3})$/;
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A word the mark follows that makes it an exponent: a number, or a unit of one or two letters (m, km). */
function isExponentBase(before: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  return /\d$/.test(word) || /^[A-Za-z]{1,2}$/.test(word);
}

/**
 * The text a superscript stands as after `before` (the line so far): "[1]" for a footnote mark,
 * superscript digits for an exponent, undefined when it is neither (leave the text as it is).
 */
export function superscriptText(before: string, raised: string): string | undefined {
  const mark = raised.trim();
  if (!MARK.test(mark) || before.trim() === '' || /\s$/.test(before)) return undefined;
  if (isExponentBase(before)) {
    return /^\d+$/.test(mark) ? [...mark].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join('') : undefined;
  }
  return `[${mark}]`;
}
