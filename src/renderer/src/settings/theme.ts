// Resolves the theme setting to light or dark, following the OS when set to "system".
import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/model';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function useResolvedTheme(setting: Settings['theme']): 'light' | 'dark' {
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(DARK_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(DARK_QUERY);
    const onChange = (event: MediaQueryListEvent) => setSystemDark(event.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  if (setting === 'system') return systemDark ? 'dark' : 'light';
  return setting;
}
