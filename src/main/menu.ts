// The standard application menu. Commands that belong to the UI are relayed to the
// renderer as uiCommand events; File › Import… runs in the shell with a native dialog.
import type { UiCommand } from '../shared/contract';
import type { MenuTemplate } from './electron-types';

export interface MenuActions {
  importFiles(): void;
  sendCommand(command: UiCommand): void;
  isMac: boolean;
  isDev: boolean;
}

export function buildMenuTemplate(actions: MenuActions): MenuTemplate {
  const command = (name: UiCommand) => () => actions.sendCommand(name);
  const template: MenuTemplate = [];
  if (actions.isMac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
        {
          label: 'Export',
          submenu: [{ label: 'Annotated PDF…', accelerator: 'CmdOrCtrl+Shift+E', click: command('exportPdf') }],
        },
        { type: 'separator' },
        { label: 'Share Notes…', click: command('shareNotes') },
        { label: 'Import Notes…', click: command('importNotes') },
        { type: 'separator' },
        actions.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Undo and redo go to the page: inside a note they undo typing, elsewhere annotation changes.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: command('undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: command('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find in Document', accelerator: 'CmdOrCtrl+F', click: command('findInDocument') },
        { label: 'Find in Library', accelerator: 'CmdOrCtrl+Shift+F', click: command('findInLibrary') },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Show Library', accelerator: 'CmdOrCtrl+Shift+L', click: command('toggleLibrary') },
        { type: 'separator' },
        { label: 'Larger Text', accelerator: 'CmdOrCtrl+=', click: command('zoomIn') },
        { label: 'Smaller Text', accelerator: 'CmdOrCtrl+-', click: command('zoomOut') },
        { label: 'Default Text Size', accelerator: 'CmdOrCtrl+0', click: command('zoomReset') },
        { type: 'separator' },
        {
          label: 'Theme',
          submenu: [
            { label: 'Follow System', click: command('themeSystem') },
            { label: 'Light', click: command('themeLight') },
            { label: 'Dark', click: command('themeDark') },
          ],
        },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(actions.isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }] as MenuTemplate) : []),
      ],
    },
    { role: 'windowMenu' },
  );
  return template;
}

/** The reader's context menu: annotate the selection, plus the usual copy. */
export function buildContextMenuTemplate(
  hasSelection: boolean,
  sendCommand: (command: UiCommand) => void,
): MenuTemplate {
  return [
    { label: 'Highlight', enabled: hasSelection, click: () => sendCommand('highlight') },
    { label: 'Tag…', enabled: hasSelection, click: () => sendCommand('tag') },
    { label: 'Note…', enabled: hasSelection, click: () => sendCommand('note') },
    { type: 'separator' },
    { role: 'copy', enabled: hasSelection },
    { role: 'selectAll' },
  ];
}
