// The command layer: the palette, the keyboard shortcuts list and the reader's context menu,
// mounted once by the app. It registers the two commands that open its surfaces, gives focus
// and the reader's selection back when one closes, and then runs what was chosen.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandId } from '../../../shared/commands';
import { COMMAND_IDS, commandById, commandTitle, unavailableBecause } from '../../../shared/commands';
import type { MarginaliaClient } from '../../../shared/contract';
import { notifications, notifyFailure } from '../app/notifications/store';
import { CommandPalette } from './CommandPalette';
import type { ReturnPoint } from './focus-return';
import { afterRepaint, captureReturnPoint, restoreReturnPoint } from './focus-return';
import { commandLayer, useCommandSurface } from './layer-store';
import type { PaletteEntry } from './palette-entries';
import { recent } from './recent';
import type { ContextChoice } from './ReaderContextMenu';
import { ReaderContextMenu } from './ReaderContextMenu';
import { commands, useCommandHandler } from './registry';
import { ShortcutsDialog } from './ShortcutsDialog';
import type { MenuPoint } from './useReaderContextMenu';
import { useReaderContextMenu } from './useReaderContextMenu';

export interface CommandLayerProps {
  client: MarginaliaClient;
  /** The library, for the palette to open a document by its title. */
  documents: readonly { id: string; title: string }[];
  onOpenDocument: (id: string) => void;
}

/** How long a chosen command may take to become runnable once the reader has its selection back. */
const SETTLE_MS = 1000;

function enabledNow(): ReadonlySet<CommandId> {
  return new Set(COMMAND_IDS.filter((id) => commands.isEnabled(id)));
}

/** Runs a command chosen from a surface, once the page has caught up with the focus given back. */
async function runChosen(id: CommandId): Promise<void> {
  await afterRepaint();
  if (await commands.runWhenEnabled(id, SETTLE_MS)) return;
  const command = commandById(id);
  notifications.notify(`${commandTitle(command)}: ${unavailableBecause(command)}.`);
}

/** Only the browser host draws its own context menu; the desktop app's is native. */
function useIsBrowserHost(client: MarginaliaClient): boolean {
  const [browser, setBrowser] = useState(false);
  useEffect(() => {
    let live = true;
    void client
      .getAppInfo({})
      .then((result) => live && setBrowser(result.ok && result.value.host === 'browser'))
      // Without the answer the native menu (or none) stays: nothing is lost but the custom menu.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client]);
  return browser;
}

/** Remembers where a surface opened from; when it closes, gives that back, then does what was chosen. */
function useReturnThenRun(open: boolean) {
  const returnTo = useRef<ReturnPoint | null>(null);
  const then = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (open) return;
    const point = returnTo.current;
    const action = then.current;
    returnTo.current = null;
    then.current = null;
    if (point) restoreReturnPoint(point);
    action?.();
  }, [open]);
  const remember = useCallback(() => {
    returnTo.current ??= captureReturnPoint();
  }, []);
  const closeThen = useCallback((action?: () => void) => {
    then.current = action ?? null;
    commandLayer.close();
  }, []);
  return { remember, closeThen, returnTo };
}

export function CommandLayer({ client, documents, onOpenDocument }: CommandLayerProps) {
  const surface = useCommandSurface();
  const { remember, closeThen, returnTo } = useReturnThenRun(surface !== null);
  const browserHost = useIsBrowserHost(client);

  useCommandHandler('commandPalette', () => {
    if (commandLayer.current()?.kind === 'palette') return closeThen();
    remember();
    commandLayer.togglePalette(enabledNow());
  });
  useCommandHandler('keyboardShortcuts', () => {
    remember();
    commandLayer.open({ kind: 'shortcuts' });
  });
  const openContextMenu = useCallback(
    ({ x, y }: MenuPoint) => {
      remember();
      const selection = window.getSelection();
      const hasSelection = Boolean(selection && !selection.isCollapsed && selection.toString().trim());
      commandLayer.open({ kind: 'contextMenu', x, y, enabled: enabledNow(), hasSelection });
    },
    [remember],
  );
  useReaderContextMenu(browserHost, openContextMenu);

  const choosePaletteEntry = (entry: PaletteEntry) => {
    recent.use({ kind: entry.kind, id: entry.id });
    closeThen(entry.kind === 'document' ? () => onOpenDocument(entry.id) : () => void runChosen(entry.id as CommandId));
  };
  const chooseFromMenu = (choice: ContextChoice) => {
    const copied = returnTo.current?.range?.toString() ?? '';
    closeThen(choice === 'copy' ? () => void copyText(copied) : () => void runChosen(choice));
  };
  const close = () => closeThen();

  if (surface?.kind === 'palette')
    return (
      <CommandPalette documents={documents} enabled={surface.enabled} onChoose={choosePaletteEntry} onClose={close} />
    );
  if (surface?.kind === 'shortcuts') return <ShortcutsDialog onClose={close} />;
  if (surface?.kind === 'contextMenu')
    return (
      <ReaderContextMenu
        x={surface.x}
        y={surface.y}
        enabled={surface.enabled}
        hasSelection={surface.hasSelection}
        onChoose={chooseFromMenu}
        onClose={close}
      />
    );
  return null;
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch (error) {
    notifyFailure("Couldn't copy the selection", error instanceof Error ? error.message : String(error));
  }
}
