// The parts of the electron module the shell uses. Everything in src/main takes them as
// an argument, so tests can run the real setup code against a fake electron.
import type * as Electron from 'electron';

export type ElectronModule = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'ipcMain' | 'Menu' | 'dialog' | 'shell' | 'protocol' | 'screen' | 'session'
>;

export type BrowserWindowInstance = Electron.BrowserWindow;
export type WebContentsInstance = Electron.WebContents;
export type SessionInstance = Pick<
  Electron.Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;
export type MenuTemplate = Electron.MenuItemConstructorOptions[];
