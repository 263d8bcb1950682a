// Where a change to the library came from, carried with every change event so a listener
// can tell its own writes from others' (the workspace sync skips what it wrote itself).

export const CHANGE_SOURCES = ['local', 'sync', 'bundle', 'import'] as const;

/** local: an edit made here; sync: the workspace files; bundle: a note bundle; import: an importer. */
export type ChangeSource = (typeof CHANGE_SOURCES)[number];
