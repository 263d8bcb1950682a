// The one table of commands: label, keys and where each appears. The desktop menu, the
// renderer's keys, toolbar, context menu, palette and shortcut list all read it.

/** Where a command shows up in the desktop menu bar. */
export type MenuName = 'File' | 'Edit' | 'View' | 'Help';

/**
 * When a command can run. `document`: a document is open; `selection`: text is selected in
 * the reader; `annotation`: an annotation is selected; `always` otherwise.
 */
export type CommandContext = 'always' | 'document' | 'selection' | 'annotation';

export interface CommandDeclaration {
  readonly id: string;
  /** The label on menus, the palette and tooltips (title case as menus use it). */
  readonly label: string;
  /**
   * Keys in a host-neutral form: `Mod` is Ctrl (Cmd on macOS), then `Shift`, `Alt`, and the key,
   * joined with `+` (`Mod+Shift+F`). The first chord is the one shown; all of them work.
   */
  readonly keys?: readonly string[];
  /** The desktop menu it sits in, with a group number that places separators between groups. */
  readonly menu?: { readonly name: MenuName; readonly group: number; readonly submenu?: string };
  /** Shown in the reader's context menu. */
  readonly context?: boolean;
  /** Offered in the command palette (all are, unless they only make sense from a key). */
  readonly palette: boolean;
  readonly when: CommandContext;
  /** Keys that work only while focus is in the reader (single letters that would otherwise type). */
  readonly readerOnly?: boolean;
}

export const COMMANDS = [
  { id: 'import', label: 'Import…', keys: ['Mod+O'], menu: { name: 'File', group: 1 }, palette: true, when: 'always' },
  {
    id: 'exportPdf',
    label: 'Annotated PDF…',
    keys: ['Mod+Shift+E'],
    menu: { name: 'File', group: 1, submenu: 'Export' },
    palette: true,
    when: 'document',
  },
  { id: 'shareNotes', label: 'Share Notes…', menu: { name: 'File', group: 2 }, palette: true, when: 'always' },
  { id: 'importNotes', label: 'Import Notes…', menu: { name: 'File', group: 2 }, palette: true, when: 'always' },
  { id: 'undo', label: 'Undo', keys: ['Mod+Z'], menu: { name: 'Edit', group: 1 }, palette: true, when: 'always' },
  {
    id: 'redo',
    label: 'Redo',
    keys: ['Mod+Shift+Z', 'Mod+Y'],
    menu: { name: 'Edit', group: 1 },
    palette: true,
    when: 'always',
  },
  {
    id: 'findInDocument',
    label: 'Find in Document',
    keys: ['Mod+F'],
    menu: { name: 'Edit', group: 3 },
    palette: true,
    when: 'always',
  },
  {
    id: 'findInLibrary',
    label: 'Find in Library',
    keys: ['Mod+Shift+F'],
    menu: { name: 'Edit', group: 3 },
    palette: true,
    when: 'always',
  },
  {
    id: 'highlight',
    label: 'Highlight',
    keys: ['H'],
    context: true,
    palette: true,
    when: 'selection',
    readerOnly: true,
  },
  { id: 'tag', label: 'Tag…', keys: ['T'], context: true, palette: true, when: 'selection', readerOnly: true },
  { id: 'note', label: 'Note…', keys: ['N'], context: true, palette: true, when: 'selection', readerOnly: true },
  {
    id: 'selectSentence',
    label: 'Select Sentence',
    keys: ['S'],
    palette: true,
    when: 'document',
    readerOnly: true,
  },
  {
    id: 'selectParagraph',
    label: 'Select Paragraph',
    keys: ['P'],
    palette: true,
    when: 'document',
    readerOnly: true,
  },
  {
    id: 'nextAnnotation',
    label: 'Next Annotation',
    keys: ['J'],
    palette: true,
    when: 'document',
    readerOnly: true,
  },
  {
    id: 'previousAnnotation',
    label: 'Previous Annotation',
    keys: ['K'],
    palette: true,
    when: 'document',
    readerOnly: true,
  },
  {
    id: 'deleteAnnotation',
    label: 'Delete Annotation',
    keys: ['Delete', 'Backspace'],
    context: true,
    palette: true,
    when: 'annotation',
    readerOnly: true,
  },
  {
    id: 'toggleLibrary',
    label: 'Show Library',
    keys: ['Mod+Shift+L'],
    menu: { name: 'View', group: 1 },
    palette: true,
    when: 'always',
  },
  {
    id: 'zoomIn',
    label: 'Larger Text',
    keys: ['Mod+=', 'Mod++'],
    menu: { name: 'View', group: 2 },
    palette: true,
    when: 'always',
  },
  {
    id: 'zoomOut',
    label: 'Smaller Text',
    keys: ['Mod+-', 'Mod+_'],
    menu: { name: 'View', group: 2 },
    palette: true,
    when: 'always',
  },
  {
    id: 'zoomReset',
    label: 'Default Text Size',
    keys: ['Mod+0'],
    menu: { name: 'View', group: 2 },
    palette: true,
    when: 'always',
  },
  {
    id: 'themeSystem',
    label: 'Follow System',
    menu: { name: 'View', group: 3, submenu: 'Theme' },
    palette: true,
    when: 'always',
  },
  {
    id: 'themeLight',
    label: 'Light',
    menu: { name: 'View', group: 3, submenu: 'Theme' },
    palette: true,
    when: 'always',
  },
  { id: 'themeDark', label: 'Dark', menu: { name: 'View', group: 3, submenu: 'Theme' }, palette: true, when: 'always' },
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
