// The one table of commands: label, icon, keys and where each appears. The desktop menu, the
// renderer's keys, toolbar, context menu, palette and shortcut list all read it.

import type { CommandDeclaration } from './command-types';
import { UNAVAILABLE_BECAUSE } from './command-types';
import {
  ANALYSES_VIEW_COMMANDS,
  EVIDENCE_ANNOTATE_COMMANDS,
  EVIDENCE_EXPORT_COMMANDS,
  EVIDENCE_VIEW_COMMANDS,
} from './evidence-commands';

export type { CommandContext, CommandDeclaration, CommandIcon, MenuName } from './command-types';
export { MENU_NAMES, UNAVAILABLE_BECAUSE } from './command-types';

export const COMMANDS = [
  // File
  {
    id: 'import',
    label: 'Import…',
    icon: 'import',
    keys: ['Mod+O'],
    menu: { name: 'File', group: 1 },
    palette: true,
    when: 'always',
  },
  {
    id: 'importUrl',
    label: 'Import from a Web Address…',
    icon: 'import',
    menu: { name: 'File', group: 1 },
    palette: true,
    when: 'always',
  },
  {
    id: 'exportPdf',
    label: 'Annotated PDF…',
    icon: 'export',
    keys: ['Mod+Shift+E'],
    menu: { name: 'File', group: 1, submenu: 'Export' },
    share: { label: 'Export PDF…' },
    palette: true,
    when: 'document',
    unavailable: 'Open a document, and finish editing its text, first',
  },
  ...EVIDENCE_EXPORT_COMMANDS,
  {
    id: 'shareNotes',
    label: 'Share Notes…',
    icon: 'share',
    menu: { name: 'File', group: 2 },
    share: { label: 'Share notes…' },
    palette: true,
    when: 'always',
  },
  {
    id: 'importNotes',
    label: 'Import Notes…',
    icon: 'inbox',
    menu: { name: 'File', group: 2 },
    share: { label: 'Import notes…' },
    palette: true,
    when: 'always',
  },
  {
    id: 'deleteDocument',
    label: 'Delete Document…',
    icon: 'trash',
    menu: { name: 'File', group: 3 },
    palette: true,
    when: 'document',
  },
  {
    id: 'openSettings',
    label: 'Settings…',
    icon: 'settings',
    keys: ['Mod+,'],
    // A browser keeps Ctrl/Cmd+, for its own settings: there the menu and palette open Settings.
    browserKeys: [],
    menu: { name: 'File', group: 4 },
    palette: true,
    when: 'always',
  },
  // Edit
  {
    id: 'undo',
    label: 'Undo',
    icon: 'undo',
    keys: ['Mod+Z'],
    menu: { name: 'Edit', group: 1 },
    palette: true,
    when: 'always',
  },
  {
    id: 'redo',
    label: 'Redo',
    icon: 'redo',
    keys: ['Mod+Shift+Z', 'Mod+Y'],
    menu: { name: 'Edit', group: 1 },
    palette: true,
    when: 'always',
  },
  {
    id: 'findInDocument',
    label: 'Find in Document',
    icon: 'search',
    keys: ['Mod+F'],
    menu: { name: 'Edit', group: 3 },
    palette: true,
    when: 'always',
  },
  {
    id: 'findInLibrary',
    label: 'Find in Library',
    icon: 'searchLibrary',
    keys: ['Mod+Shift+F'],
    menu: { name: 'Edit', group: 3 },
    palette: true,
    when: 'always',
  },
  {
    id: 'editText',
    label: 'Edit Text',
    icon: 'edit',
    menu: { name: 'Edit', group: 4 },
    palette: true,
    when: 'document',
    unavailable: 'Open a document first; while editing, Cancel Editing ends it',
  },
  {
    id: 'cancelEditing',
    label: 'Cancel Editing',
    icon: 'close',
    menu: { name: 'Edit', group: 4 },
    palette: true,
    when: 'editing',
  },
  // Annotate: single-letter keys belong to the reader, so typing elsewhere is never a command.
  {
    id: 'highlight',
    label: 'Highlight',
    icon: 'highlight',
    keys: ['H'],
    menu: { name: 'Annotate', group: 1 },
    context: true,
    palette: true,
    when: 'selection',
    readerOnly: true,
  },
  {
    id: 'tag',
    label: 'Tag…',
    icon: 'tag',
    keys: ['T'],
    menu: { name: 'Annotate', group: 1 },
    context: true,
    palette: true,
    when: 'selection',
    readerOnly: true,
  },
  {
    id: 'note',
    label: 'Note…',
    icon: 'note',
    keys: ['N'],
    menu: { name: 'Annotate', group: 1 },
    context: true,
    palette: true,
    when: 'selection',
    readerOnly: true,
  },
  {
    id: 'selectSentence',
    label: 'Select Sentence',
    icon: 'select',
    keys: ['S'],
    menu: { name: 'Annotate', group: 2 },
    context: true,
    palette: true,
    when: 'reader',
    readerOnly: true,
  },
  {
    id: 'selectParagraph',
    label: 'Select Paragraph',
    icon: 'paragraph',
    keys: ['P'],
    menu: { name: 'Annotate', group: 2 },
    context: true,
    palette: true,
    when: 'reader',
    readerOnly: true,
  },
  {
    id: 'nextAnnotation',
    label: 'Next Annotation',
    icon: 'next',
    keys: ['J'],
    menu: { name: 'Annotate', group: 3 },
    palette: true,
    when: 'document',
    readerOnly: true,
    outsideFields: true,
    unavailable: 'Open a document with annotations first',
  },
  {
    id: 'previousAnnotation',
    label: 'Previous Annotation',
    icon: 'previous',
    keys: ['K'],
    menu: { name: 'Annotate', group: 3 },
    palette: true,
    when: 'document',
    readerOnly: true,
    outsideFields: true,
    unavailable: 'Open a document with annotations first',
  },
  {
    id: 'deleteAnnotation',
    label: 'Delete Annotation',
    icon: 'trash',
    keys: ['Delete', 'Backspace'],
    menu: { name: 'Annotate', group: 4 },
    palette: true,
    when: 'annotation',
    readerOnly: true,
  },
  {
    id: 'openOriginalPage',
    label: 'Open Original Page',
    icon: 'page',
    menu: { name: 'Annotate', group: 5 },
    palette: true,
    when: 'document',
    // The page of the selected annotation, else the page in view.
    unavailable: 'Open a document imported from a PDF first',
  },
  ...EVIDENCE_ANNOTATE_COMMANDS,
  // View
  {
    id: 'toggleLibrary',
    label: 'Toggle Sidebar',
    icon: 'sidebar',
    keys: ['Mod+Shift+L'],
    menu: { name: 'View', group: 1 },
    palette: true,
    when: 'always',
  },
  {
    id: 'showLibrary',
    label: 'Show Library',
    icon: 'library',
    menu: { name: 'View', group: 1 },
    palette: true,
    when: 'always',
  },
  {
    id: 'showAnnotations',
    label: 'Show Annotations',
    icon: 'annotations',
    menu: { name: 'View', group: 1 },
    palette: true,
    when: 'always',
  },
  { id: 'showTags', label: 'Show Tags', icon: 'tag', menu: { name: 'View', group: 1 }, palette: true, when: 'always' },
  {
    id: 'showSearch',
    label: 'Show Search',
    icon: 'search',
    menu: { name: 'View', group: 1 },
    palette: true,
    when: 'always',
  },
  ...EVIDENCE_VIEW_COMMANDS,
  {
    id: 'showSource',
    label: 'Show Source',
    icon: 'inbox',
    menu: { name: 'View', group: 1 },
    palette: true,
    when: 'always',
  },
  ...ANALYSES_VIEW_COMMANDS,
  {
    id: 'zoomIn',
    label: 'Larger Text',
    icon: 'zoomIn',
    keys: ['Mod+=', 'Mod++'],
    menu: { name: 'View', group: 2 },
    palette: true,
    when: 'always',
    unavailable: 'The text is as large as it gets',
  },
  {
    id: 'zoomOut',
    label: 'Smaller Text',
    icon: 'zoomOut',
    keys: ['Mod+-', 'Mod+_'],
    menu: { name: 'View', group: 2 },
    palette: true,
    when: 'always',
    unavailable: 'The text is as small as it gets',
  },
  {
    id: 'zoomReset',
    label: 'Default Text Size',
    icon: 'textSize',
    keys: ['Mod+0'],
    menu: { name: 'View', group: 2 },
    palette: true,
    when: 'always',
  },
  {
    id: 'widthNarrower',
    label: 'Narrower',
    icon: 'columnNarrower',
    menu: { name: 'View', group: 2, submenu: 'Reading Width' },
    palette: true,
    when: 'always',
    unavailable: 'The reading column is as narrow as it gets',
  },
  {
    id: 'widthWider',
    label: 'Wider',
    icon: 'columnWider',
    menu: { name: 'View', group: 2, submenu: 'Reading Width' },
    palette: true,
    when: 'always',
    unavailable: 'The reading column is as wide as it gets',
  },
  {
    id: 'fontSerif',
    label: 'Serif',
    icon: 'font',
    menu: { name: 'View', group: 3, submenu: 'Font' },
    palette: true,
    when: 'always',
  },
  {
    id: 'fontSans',
    label: 'Sans-serif',
    icon: 'font',
    menu: { name: 'View', group: 3, submenu: 'Font' },
    palette: true,
    when: 'always',
  },
  {
    id: 'themeSystem',
    label: 'Follow System',
    icon: 'themeSystem',
    menu: { name: 'View', group: 3, submenu: 'Theme' },
    palette: true,
    when: 'always',
  },
  {
    id: 'themeLight',
    label: 'Light',
    icon: 'sun',
    menu: { name: 'View', group: 3, submenu: 'Theme' },
    palette: true,
    when: 'always',
  },
  {
    id: 'themeDark',
    label: 'Dark',
    icon: 'moon',
    menu: { name: 'View', group: 3, submenu: 'Theme' },
    palette: true,
    when: 'always',
  },
  {
    id: 'commandPalette',
    label: 'Command Palette…',
    icon: 'command',
    keys: ['Mod+K'],
    menu: { name: 'View', group: 4 },
    palette: false,
    when: 'always',
  },
  // Help
  {
    id: 'keyboardShortcuts',
    label: 'Keyboard Shortcuts',
    icon: 'keyboard',
    keys: ['Mod+/'],
    menu: { name: 'Help', group: 1 },
    palette: true,
    when: 'always',
  },
] as const satisfies readonly CommandDeclaration[];

export type CommandId = (typeof COMMANDS)[number]['id'];

export const COMMAND_IDS: readonly CommandId[] = COMMANDS.map((command) => command.id);

const BY_ID = new Map<string, CommandDeclaration>(COMMANDS.map((command) => [command.id, command]));

export function commandById(id: CommandId): CommandDeclaration {
  const command = BY_ID.get(id);
  if (!command) throw new RangeError(`No command "${id}"`);
  return command;
}

export function isCommandId(value: string): value is CommandId {
  return BY_ID.has(value);
}

/** The name a command goes by outside its menu: a submenu's items say which submenu (“Theme: Dark”). */
export function commandTitle(command: CommandDeclaration): string {
  return command.menu?.submenu ? `${command.menu.submenu}: ${command.label}` : command.label;
}

/** The chords a command answers to in this host: the browser host has its own where a browser keeps a key. */
export function hostKeys(command: CommandDeclaration, host: 'desktop' | 'browser'): readonly string[] {
  return (host === 'browser' ? command.browserKeys : undefined) ?? command.keys ?? [];
}

/** Why a command that cannot run now cannot, for the palette and tooltips. */
export function unavailableBecause(command: CommandDeclaration): string {
  return command.unavailable ?? UNAVAILABLE_BECAUSE[command.when];
}
