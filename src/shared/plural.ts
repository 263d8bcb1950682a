// Counts with their words in correct English plurals ("1 annotation", "2 replies", "1 was /
// 3 were"), chosen by Intl.PluralRules rather than a `count === 1` test at every call site.
// The app's text is English, so the rules are English whatever the user's locale.
const englishPlurals = new Intl.PluralRules('en');

/**
 * The word agreeing with `count`: `one` for 1, `other` for any other count (0, 2, 1.5).
 * `other` defaults to `one` + "s"; pass it for any other plural ("reply", "replies") and for
 * verbs ("was", "were").
 */
export function nounFor(count: number, one: string, other = `${one}s`): string {
  return englishPlurals.select(count) === 'one' ? one : other;
}

/** "1 annotation", "0 annotations", "2 replies": the count as digits, then its noun. */
export function countOf(count: number, one: string, other = `${one}s`): string {
  return `${count} ${nounFor(count, one, other)}`;
}

/**
 * "1,234 results": the count grouped in thousands, for counts that grow large. `locale` is
 * the grouping's (the user's by default, as the window shows numbers; the CLI passes "en").
 */
export function groupedCountOf(count: number, one: string, other = `${one}s`, locale?: string): string {
  return `${count.toLocaleString(locale)} ${nounFor(count, one, other)}`;
}

/** "once", "twice", "3 times". */
export function timesOf(count: number): string {
  if (count === 1) return 'once';
  if (count === 2) return 'twice';
  return countOf(count, 'time');
}
