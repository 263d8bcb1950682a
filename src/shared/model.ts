// The data model shared by every layer: what a document and the settings look like
// when they cross the contract.
export const SOURCE_TYPES = ['txt', 'md', 'html'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** File name endings Marginalia imports, mapped to the importer that reads them. */
export const IMPORTABLE_EXTENSIONS: Readonly<Record<string, SourceType>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
};

export interface DocumentSummary {
  id: string;
  title: string;
  sourceName: string;
  sourceType: SourceType;
  byline: string;
  publishedAt: string;
  siteName: string;
  wordCount: number;
  importedAt: string;
  /** When the text last changed (an edit or an update from a file). */
  textUpdatedAt: string;
  /** The first seven hex digits of the text's SHA-256: tells two versions of one text apart. */
  textVersion: string;
  /** Who sent the document in a note bundle; empty for one imported here. */
  originName: string;
}

export interface DocumentDetail extends DocumentSummary {
  /** The canonical Lexical editor state, serialized. */
  lexicalJson: string;
  /** SHA-256 (hex) of the canonical plain text. */
  textSha256: string;
  textLength: number;
}

export interface ImportOutcome {
  document: DocumentSummary;
  /** False when an identical file was already in the library. */
  created: boolean;
}

export const THEMES = ['system', 'light', 'dark'] as const;
export const FONT_FAMILIES = ['serif', 'sans'] as const;
/** How wide the reading column may grow: a shorter line is easier to follow, a longer one shows more. */
export const READING_WIDTHS = ['narrow', 'medium', 'wide'] as const;

export const MIN_FONT_SIZE = 12;
export const MAX_FONT_SIZE = 32;
export const DEFAULT_MAX_IMPORT_MB = 20;

export interface Settings {
  theme: (typeof THEMES)[number];
  fontFamily: (typeof FONT_FAMILIES)[number];
  fontSize: number;
  readingWidth: (typeof READING_WIDTHS)[number];
  maxImportMegabytes: number;
  lastOpenedDocumentId: string;
  /** The workspace folder synced with plain files; empty when sync is off. */
  workspaceDir: string;
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  fontFamily: 'serif',
  fontSize: 19,
  readingWidth: 'medium',
  maxImportMegabytes: DEFAULT_MAX_IMPORT_MB,
  lastOpenedDocumentId: '',
  workspaceDir: '',
};

export interface AppInfo {
  version: string;
  host: 'desktop' | 'browser' | 'cli';
  dataDir: string;
  databasePath: string;
  /** Where a workspace folder goes unless the person picks another: Documents/Marginalia. */
  defaultWorkspaceDir: string;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot).toLowerCase();
}
