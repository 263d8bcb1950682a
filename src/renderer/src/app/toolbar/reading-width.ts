// The reading column's measure for each reading-width setting, set on the root as --reader-measure.
import type { Settings } from '../../../../shared/model';

export const READING_MEASURES: Record<Settings['readingWidth'], string> = {
  narrow: '56ch',
  medium: '68ch',
  wide: '84ch',
};
