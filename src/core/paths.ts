// Where Marginalia keeps its data. The desktop app, the CLI and the browser host all
// resolve the same folder, so they share one library.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'Marginalia';
export const DATABASE_FILE_NAME = 'marginalia.db';

/**
 * The per-user app-data folder, matching Electron's `app.getPath('userData')` for an
 * app named Marginalia: ~/.config/Marginalia (Linux), ~/Library/Application Support/
 * Marginalia (macOS), %APPDATA%\Marginalia (Windows).
 */
export function platformDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER_NAME);
}

/** An explicit folder wins, then MARGINALIA_HOME, then the per-user app-data folder. */
export function resolveDataDir(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit !== undefined && explicit !== '') return explicit;
  if (env.MARGINALIA_HOME) return env.MARGINALIA_HOME;
  return platformDataDir(process.platform, env);
}

export function databasePathIn(dataDir: string): string {
  return join(dataDir, DATABASE_FILE_NAME);
}
