// The reading preferences' commands (text size, reading width, font, theme) and their effect on the page: the
// resolved theme, text size and font set on the document root.
import { useEffect } from 'react';
import { MAX_FONT_SIZE, MIN_FONT_SIZE, READING_WIDTHS } from '../../../shared/model';
import { useCommandHandler } from '../commands';
import { useSettings, useStores } from '../app/stores';
import { rememberReadingPlaces } from '../reader/reading-place';
import { applySettingsToRoot } from './settings-store';
import { useResolvedTheme } from './theme';

export function useReadingSettings(): void {
  const { settings } = useStores();
  const { fontSize, fontFamily, readingWidth, theme: themeSetting } = useSettings((state) => state);
  const theme = useResolvedTheme(themeSetting);
  useCommandHandler('zoomIn', () => settings.changeFontSize(1), fontSize < MAX_FONT_SIZE);
  useCommandHandler('zoomOut', () => settings.changeFontSize(-1), fontSize > MIN_FONT_SIZE);
  useCommandHandler('zoomReset', () => settings.changeFontSize('reset'));
  const widthAt = READING_WIDTHS.indexOf(readingWidth);
  const stepWidth = (step: number) => settings.save({ readingWidth: READING_WIDTHS[widthAt + step] });
  useCommandHandler('widthNarrower', () => stepWidth(-1), widthAt > 0);
  useCommandHandler('widthWider', () => stepWidth(1), widthAt < READING_WIDTHS.length - 1);
  useCommandHandler('fontSerif', () => settings.save({ fontFamily: 'serif' }));
  useCommandHandler('fontSans', () => settings.save({ fontFamily: 'sans' }));
  useCommandHandler('themeSystem', () => settings.save({ theme: 'system' }));
  useCommandHandler('themeLight', () => settings.save({ theme: 'light' }));
  useCommandHandler('themeDark', () => settings.save({ theme: 'dark' }));
  useEffect(() => {
    rememberReadingPlaces();
    applySettingsToRoot(document.documentElement, { fontSize, fontFamily, readingWidth }, theme);
  }, [settings, theme, fontSize, fontFamily, readingWidth]);
}
