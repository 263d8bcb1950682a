// The top bar, one row at every width: the library toggle and the open document's title on the
// left; history, editing, import, the View menu and export, then search, the Aa reading view, sync state and
// settings on the right. Below 960 px history, editing and import fold into a More menu, so
// nothing is cut at 800 px. Every item runs a command from the command table by id.
import type { ReactNode } from 'react';
import type { Settings } from '../../../../shared/model';
import { EditIcon, ImportIcon, LibraryIcon, RedoIcon, SearchIcon, UndoIcon } from '../../ui/icons';
import { CommandButton } from './CommandButton';
import { DocumentTitle } from './DocumentTitle';
import { ReadingPopover } from './ReadingPopover';
import { ExportMenu, MoreMenu, SettingsMenu, ViewMenu } from './ToolbarMenus';
import styles from './Toolbar.module.css';

export interface ToolbarProps {
  /** The open document's title, or null when none is open. */
  title: string | null;
  libraryOpen: boolean;
  editing: boolean;
  settings: Settings;
  onSettings: (changes: Partial<Settings>) => void;
  /** The workspace sync indicator; it shows nothing while sync is off. */
  sync?: ReactNode;
}

export function Toolbar({ title, libraryOpen, editing, settings, onSettings, sync }: ToolbarProps) {
  return (
    <header className={styles.toolbar} aria-label="Marginalia">
      <div className={styles.start}>
        <CommandButton command="toggleLibrary" label="Library" icon={<LibraryIcon />} pressed={libraryOpen} />
        <DocumentTitle title={title} />
      </div>
      <div className={styles.end}>
        <div className={styles.wideOnly}>
          <div className={styles.group} role="group" aria-label="History">
            <CommandButton command="undo" label="Undo" icon={<UndoIcon />} />
            <CommandButton command="redo" label="Redo" icon={<RedoIcon />} />
          </div>
          <span className={styles.divider} aria-hidden="true" />
          <CommandButton
            command={editing ? 'cancelEditing' : 'editText'}
            label={editing ? 'Cancel editing' : 'Edit text'}
            text={editing ? 'Cancel editing' : 'Edit text'}
            icon={<EditIcon />}
            pressed={editing}
          />
          <CommandButton command="import" label="Import…" text="Import…" icon={<ImportIcon />} />
        </div>
        <ViewMenu />
        <ExportMenu />
        <span className={styles.divider} aria-hidden="true" />
        <CommandButton command="findInDocument" label="Find in document" icon={<SearchIcon />} />
        <ReadingPopover settings={settings} onSettings={onSettings} />
        {sync}
        <SettingsMenu />
        <MoreMenu editing={editing} />
      </div>
    </header>
  );
}
