// The top bar: library toggle, import, and the reading preferences.
import type { ReactNode } from 'react';
import type { Settings } from '../../../shared/model';
import { FONT_FAMILIES, MAX_FONT_SIZE, MIN_FONT_SIZE, THEMES } from '../../../shared/model';

interface ToolbarProps {
  libraryOpen: boolean;
  onToggleLibrary: () => void;
  onImport: () => void;
  settings: Settings;
  onFontSize: (step: number | 'reset') => void;
  onSettings: (changes: Partial<Settings>) => void;
  editing: boolean;
  canEdit: boolean;
  onToggleEdit: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onOpenSettings: () => void;
  onExport: () => void;
  onShareNotes: () => void;
  onImportNotes: () => void;
  /** The workspace sync indicator, when sync is on. */
  sync?: ReactNode;
}

const THEME_LABELS: Record<Settings['theme'], string> = { system: 'System', light: 'Light', dark: 'Dark' };
const FONT_LABELS: Record<Settings['fontFamily'], string> = { serif: 'Serif', sans: 'Sans-serif' };

export function Toolbar({
  libraryOpen,
  onToggleLibrary,
  onImport,
  settings,
  onFontSize,
  onSettings,
  editing,
  canEdit,
  onToggleEdit,
  onUndo,
  onRedo,
  onOpenSettings,
  onExport,
  onShareNotes,
  onImportNotes,
  sync,
}: ToolbarProps) {
  return (
    <header className="toolbar" aria-label="Marginalia">
      <button type="button" className="toolbar__button" aria-pressed={libraryOpen} onClick={onToggleLibrary}>
        Library
      </button>
      <button type="button" className="toolbar__button toolbar__button--primary" onClick={onImport}>
        Import…
      </button>
      <span className="toolbar__brand" aria-hidden="true">
        Marginalia
      </span>
      <button type="button" className="toolbar__button" title="Undo (Ctrl Z)" onClick={onUndo}>
        Undo
      </button>
      <button type="button" className="toolbar__button" title="Redo (Ctrl Shift Z)" onClick={onRedo}>
        Redo
      </button>
      <button
        type="button"
        className="toolbar__button"
        aria-pressed={editing}
        disabled={!canEdit}
        onClick={onToggleEdit}
      >
        {editing ? 'Cancel editing' : 'Edit text'}
      </button>
      <button type="button" className="toolbar__button" disabled={!canEdit || editing} onClick={onExport}>
        Export PDF…
      </button>
      <button type="button" className="toolbar__button" onClick={onShareNotes}>
        Share notes…
      </button>
      <button type="button" className="toolbar__button" onClick={onImportNotes}>
        Import notes…
      </button>
      {sync}
      <span className="toolbar__spacer" />
      <div className="toolbar__group" role="group" aria-label="Text size">
        <button
          type="button"
          className="toolbar__button"
          aria-label="A− Smaller text"
          title="Smaller text (Ctrl −)"
          disabled={settings.fontSize <= MIN_FONT_SIZE}
          onClick={() => onFontSize(-1)}
        >
          A−
        </button>
        <output className="toolbar__size" aria-label="Text size">
          {settings.fontSize}px
        </output>
        <button
          type="button"
          className="toolbar__button"
          aria-label="A+ Larger text"
          title="Larger text (Ctrl +)"
          disabled={settings.fontSize >= MAX_FONT_SIZE}
          onClick={() => onFontSize(1)}
        >
          A+
        </button>
      </div>
      <label className="toolbar__field">
        Font
        <select
          value={settings.fontFamily}
          onChange={(event) => onSettings({ fontFamily: event.currentTarget.value as Settings['fontFamily'] })}
        >
          {FONT_FAMILIES.map((family) => (
            <option key={family} value={family}>
              {FONT_LABELS[family]}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar__field">
        Theme
        <select
          value={settings.theme}
          onChange={(event) => onSettings({ theme: event.currentTarget.value as Settings['theme'] })}
        >
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {THEME_LABELS[theme]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="toolbar__button" onClick={onOpenSettings}>
        Settings
      </button>
    </header>
  );
}
