// Counts with their nouns in correct English plurals ("1 annotation", "2 replies"), by
// Intl.PluralRules rather than a `count === 1` test repeated at every call site.
const englishPlurals = new Intl.PluralRules('en');

/** The noun for `count`: "annotation" for 1, "annotations" otherwise (pass the plural when it is not one + "s"). */
export function nounFor(count: number, one: string, other = `${one}s`): string {
  return englishPlurals.select(count) === 'one' ? one : other;
}

/** "1 annotation", "0 annotations", "2 replies". */
export function countOf(count: number, one: string, other = `${one}s`): string {
  return `${count} ${nounFor(count, one, other)}`;
}

/** "once", "twice", "3 times". */
export function timesOf(count: number): string {
  if (count === 1) return 'once';
  if (count === 2) return 'twice';
  return countOf(count, 'time');
}
