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
        { type: 'separator' },
        actions.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
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
