// A toolbar button that runs a command by id: enabled when the command is, with a visible
// tooltip naming it and its keys. Icon-only buttons are named by their tooltip's text.
import type { ReactNode } from 'react';
import type { CommandId } from '../../../../shared/commands';
import { commands, useCommandEnabled } from '../../commands';
import { Tooltip } from '../../ui/Tooltip';
import { commandKeys } from './command-hints';
import styles from './Toolbar.module.css';

export interface CommandButtonProps {
  command: CommandId;
  /** The accessible name and tooltip; contains any text the button shows. */
  label: string;
  icon?: ReactNode;
  /** Visible text beside the icon; without it the button shows the icon only. */
  text?: string;
  pressed?: boolean;
  /** Extra condition beyond the command being enabled. */
  disabled?: boolean;
}

export function CommandButton({ command, label, icon, text, pressed, disabled = false }: CommandButtonProps) {
  const enabled = useCommandEnabled(command);
  return (
    <Tooltip text={label} keys={commandKeys(command)}>
      {(trigger) => (
        <button
          {...trigger}
          type="button"
          className={text ? styles.textButton : styles.iconButton}
          aria-label={text && text === label ? undefined : label}
          aria-pressed={pressed}
          disabled={!enabled || disabled}
          onClick={() => commands.run(command)}
        >
          {icon}
          {text && <span>{text}</span>}
        </button>
      )}
    </Tooltip>
  );
}
