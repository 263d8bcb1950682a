// What a host tells the core when it starts it: where the library lives, which host it is, and
// the host's own ways (fonts, links, import limits, a reader worker started early).
import type { AppInfo } from '../shared/model';
import type { ReaderStandby } from './import';

export interface CoreOptions {
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  /** better-sqlite3 addon path for a runtime other than Node (the Electron build). */
  nativeBinding?: string;
  /** Folder with the fonts PDF export embeds (resources/fonts). */
  fontsDir?: string;
  /** Opens a checked web or mail link outside the app; only the desktop shell can. */
  openExternal?: (url: string) => Promise<void>;
  /** This run's import limit instead of the one in Settings (the CLI's --max-import-mb). */
  maxImportMegabytes?: number;
  /** How this host's user raises the import limit; said when a file is over it. */
  importLimitHint?: string;
  /** A reader worker the host started early (the CLI's import); the first worker read takes it. */
  readerStandby?: ReaderStandby;
  /** The reader worker's entry; by default the built one beside the core, else its source (run through tsx). */
  readerWorkerEntry?: URL;
}
