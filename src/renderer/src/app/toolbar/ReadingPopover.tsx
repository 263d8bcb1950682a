// The Aa popover: text size (smaller, the size, larger), font, reading width and theme, as
// the reader sees them now. Size and theme run their commands; font and width save settings.
import type { ReactNode } from 'react';
import { useId } from 'react';
import type { CommandId } from '../../../../shared/commands';
import type { Settings } from '../../../../shared/model';
import { FONT_FAMILIES, READING_WIDTHS, THEMES } from '../../../../shared/model';
import { commands, useCommandEnabled } from '../../commands';
import { MinusIcon, PlusIcon } from '../../ui/icons';
import { Popover } from '../../ui/Popover';
import { Tooltip } from '../../ui/Tooltip';
import { commandKeys } from './command-hints';
import styles from './Toolbar.module.css';

const THEME_LABELS: Record<Settings['theme'], string> = { system: 'System', light: 'Light', dark: 'Dark' };
const THEME_COMMANDS: Record<Settings['theme'], CommandId> = {
  system: 'themeSystem',
  light: 'themeLight',
  dark: 'themeDark',
};
const FONT_LABELS: Record<Settings['fontFamily'], string> = { serif: 'Serif', sans: 'Sans-serif' };
const WIDTH_LABELS: Record<Settings['readingWidth'], string> = { narrow: 'Narrow', medium: 'Medium', wide: 'Wide' };

export interface ReadingPopoverProps {
  settings: Settings;
  onSettings: (changes: Partial<Settings>) => void;
}

export function ReadingPopover({ settings, onSettings }: ReadingPopoverProps) {
  return (
    <Popover
      label="Aa Reading view"
      description="Text size, font, width and theme"
      button={<span className={styles.aa}>Aa</span>}
      buttonClassName={styles.iconButton}
      align="end"
    >
      <div className={styles.reading}>
        <TextSize size={settings.fontSize} />
        <Choices
          legend="Font"
          options={FONT_FAMILIES}
          labels={FONT_LABELS}
          value={settings.fontFamily}
          onChange={(fontFamily) => onSettings({ fontFamily })}
        />
        <Choices
          legend="Width"
          options={READING_WIDTHS}
          labels={WIDTH_LABELS}
          value={settings.readingWidth}
          onChange={(readingWidth) => onSettings({ readingWidth })}
        />
        <Choices
          legend="Theme"
          options={THEMES}
          labels={THEME_LABELS}
          value={settings.theme}
          onChange={(theme) => commands.run(THEME_COMMANDS[theme])}
        />
      </div>
    </Popover>
  );
}

function TextSize({ size }: { size: number }) {
  return (
    <div className={styles.sizeRow} role="group" aria-label="Text size">
      <span className={styles.legend}>Size</span>
      <SizeButton command="zoomOut" label="Smaller text">
        <MinusIcon />
      </SizeButton>
      <output className={styles.size} aria-label="Text size">
        {size}px
      </output>
      <SizeButton command="zoomIn" label="Larger text">
        <PlusIcon />
      </SizeButton>
    </div>
  );
}

function SizeButton({ command, label, children }: { command: CommandId; label: string; children: ReactNode }) {
  const enabled = useCommandEnabled(command);
  return (
    <Tooltip text={label} keys={commandKeys(command)}>
      {(trigger) => (
        <button
          {...trigger}
          type="button"
          className={styles.iconButton}
          aria-label={label}
          disabled={!enabled}
          onClick={() => commands.run(command)}
        >
          {children}
        </button>
      )}
    </Tooltip>
  );
}

interface ChoicesProps<Value extends string> {
  legend: string;
  options: readonly Value[];
  labels: Record<Value, string>;
  value: Value;
  onChange: (value: Value) => void;
}

/** A set of radio buttons drawn as one segmented control; arrow keys move between them. */
function Choices<Value extends string>({ legend, options, labels, value, onChange }: ChoicesProps<Value>) {
  const name = useId();
  return (
    <fieldset className={styles.choices}>
      <legend className={styles.legend}>{legend}</legend>
      <div className={styles.segments}>
        {options.map((option) => (
          <label key={option} className={styles.segment} data-value={option}>
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
            />
            {labels[option]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
