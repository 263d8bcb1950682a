// The shapes of the command table (src/shared/commands.ts): where a command appears, when it
// can run, the icon it is drawn with.

/** Where a command shows up in the desktop menu bar. */
export type MenuName = 'File' | 'Edit' | 'Annotate' | 'View' | 'Help';

/** The desktop menus in the order they stand in the menu bar. */
export const MENU_NAMES: readonly MenuName[] = ['File', 'Edit', 'Annotate', 'View', 'Help'];

/**
 * When a command can run. `document`: a document is open; `editing`: its text is being edited;
 * `selection`: text is selected in the reader; `annotation`: an annotation is selected;
 * `reader`: focus or the caret is in the reader; `always` otherwise.
 */
export type CommandContext = 'always' | 'document' | 'editing' | 'selection' | 'annotation' | 'reader';

/** Why a command of each context cannot run, said where the command is shown disabled. */
export const UNAVAILABLE_BECAUSE: Record<CommandContext, string> = {
  always: 'Not available right now',
  document: 'Open a document first',
  editing: 'Only while editing the text',
  selection: 'Select text in the reader first',
  annotation: 'Select an annotation first',
  reader: 'Open a document and place the caret in it first',
};

/**
 * The icon a command is drawn with, by name: the renderer's icon set (`ui/icons.tsx`) draws each.
 * Names say what the picture is, so two commands may share one.
 */
export type CommandIcon =
  | 'import'
  | 'export'
  | 'share'
  | 'inbox'
  | 'trash'
  | 'settings'
  | 'undo'
  | 'redo'
  | 'edit'
  | 'close'
  | 'search'
  | 'searchLibrary'
  | 'highlight'
  | 'tag'
  | 'note'
  | 'select'
  | 'paragraph'
  | 'next'
  | 'previous'
  | 'sidebar'
  | 'library'
  | 'annotations'
  | 'grade'
  | 'link'
  | 'claim'
  | 'sources'
  | 'zoomIn'
  | 'zoomOut'
  | 'textSize'
  | 'columnNarrower'
  | 'columnWider'
  | 'font'
  | 'themeSystem'
  | 'sun'
  | 'moon'
  | 'command'
  | 'keyboard'
  | 'page';

export interface CommandDeclaration {
  readonly id: string;
  /** The label on menus, the palette and tooltips (title case as menus use it). */
  readonly label: string;
  readonly icon: CommandIcon;
  /**
   * Keys in a host-neutral form: `Mod` is Ctrl (Cmd on macOS), then `Shift`, `Alt`, and the key,
   * joined with `+` (`Mod+Shift+F`). The first chord is the one shown; all of them work.
   */
  readonly keys?: readonly string[];
  /** The keys in the browser host where they differ (a browser keeps some chords for itself); empty: none there. */
  readonly browserKeys?: readonly string[];
  /** The desktop menu it sits in, with a group number that places separators between groups. */
  readonly menu?: { readonly name: MenuName; readonly group: number; readonly submenu?: string };
  /**
   * Its item in the toolbar's Share menu, beside the other exports, by the label it has there;
   * `whileAvailable`: listed only while it can run (an analysis's CSV, while an analysis is shown).
   */
  readonly share?: { readonly label: string; readonly whileAvailable?: boolean };
  /** Shown in the reader's context menu. */
  readonly context?: boolean;
  /** Offered in the command palette (all are, unless they only make sense from a key). */
  readonly palette: boolean;
  readonly when: CommandContext;
  /** Keys that work only while focus is in the reader (single letters that would otherwise type). */
  readonly readerOnly?: boolean;
  /** Reader-only keys that also work wherever focus is outside a typing field (a toolbar button, a margin card). */
  readonly outsideFields?: boolean;
  /** Why it cannot run when its context holds but it still cannot (say, the text is already at its largest). */
  readonly unavailable?: string;
}
