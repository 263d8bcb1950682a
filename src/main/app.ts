// The desktop shell: single instance, the app:// protocol serving the renderer with a
// strict CSP, one hardened window whose bounds are remembered, the menu, and the IPC
// transport that serves the contract from core. Takes electron as an argument so the
// whole setup can be tested against a fake.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { UiCommand } from '../shared/contract';
import { IMPORTABLE_EXTENSIONS } from '../shared/model';
import { MarginaliaCore } from '../core/core';
import { resolveDataDir } from '../core/paths';
import { contentTypeOf, rendererFilePath } from '../core/renderer-files';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import type { BrowserWindowInstance, ElectronModule } from './electron-types';
import { openLinkOutside } from './external-links';
import { serveContractOverIpc } from './ipc-transport';
import { buildContextMenuTemplate, buildMenuTemplate } from './menu';
import { findElectronBinding } from './native-binding';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME, hardenWebContents, isTrustedUrl, trustedOrigins } from './security';
import { DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState } from './window-state';

// A library that fails to open with NODE_MODULE_VERSION in its message was built for Node, not Electron.
const NATIVE_MODULE_HINT =
  'If the message mentions NODE_MODULE_VERSION, start the app with “npm start”, which builds the database module for Electron.';

export interface DesktopOptions {
  appRoot: string;
  version: string;
  /** Set by electron-vite in development: the renderer's dev server. */
  devServerUrl?: string;
  preloadPath: string;
  rendererDir: string;
  platform?: NodeJS.Platform;
}

export function webPreferencesFor(preloadPath: string): Electron.WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Serves files from the built renderer for app://marginalia/…, never outside it. */
export async function rendererResponse(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  const filePath = url.host === APP_HOST ? rendererFilePath(rendererDir, url.pathname) : undefined;
  if (!filePath) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(filePath);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': contentTypeOf(filePath),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response(`Not found: ${basename(filePath)}`, { status: 404 });
  }
}

export interface DesktopApp {
  /** Resolves once the window exists (tests await it). */
  ready: Promise<void>;
}

export function startDesktopApp(electron: ElectronModule, options: DesktopOptions): DesktopApp {
  const { app } = electron;
  const platform = options.platform ?? process.platform;
  app.setName('Marginalia');

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve() };
  }

  electron.protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);

  const origins = trustedOrigins(options.devServerUrl);
  let mainWindow: BrowserWindowInstance | undefined;
  let core: MarginaliaCore | undefined;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, electron, origins));
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    core?.close();
    core = undefined;
  });

  const showError = (title: string, message: string): void => {
    void electron.dialog.showMessageBox({ type: 'error', title, message: title, detail: message });
  };

  const ready = app.whenReady().then(() => {
    const dataDir = resolveDataDir(undefined);
    app.setPath('userData', dataDir);

    electron.protocol.handle(APP_SCHEME, (request) => rendererResponse(options.rendererDir, request.url));

    const nativeBinding = findElectronBinding(options.appRoot, process.versions);
    try {
      core = new MarginaliaCore({
        dataDir,
        host: 'desktop',
        version: options.version,
        fontsDir: join(options.appRoot, 'resources', 'fonts'),
        openExternal: (url) => openLinkOutside(electron.shell, url),
        ...(nativeBinding ? { nativeBinding } : {}),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      electron.dialog.showErrorBox('Marginalia could not open its library', `${reason}\n\n${NATIVE_MODULE_HINT}`);
      app.quit();
      return;
    }
    core.warmReaders.keepWarm();
    core.seedSampleOnFirstRun(join(options.appRoot, 'resources', 'samples', 'sabratha-report.txt'));
    core.startWatchingExternalChanges();
    void core
      .applyWorkspaceSetting()
      .catch((error: Error) => electron.dialog.showErrorBox('Marginalia could not sync its workspace', error.message));
    const liveCore = core;

    serveContractOverIpc(
      electron.ipcMain,
      liveCore,
      (frameUrl) => isTrustedUrl(frameUrl, origins),
      (channel, envelope) => {
        if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, envelope);
      },
    );

    const displays = electron.screen.getAllDisplays().map((display) => display.workArea);
    const state = loadWindowState(dataDir, displays);
    mainWindow = new electron.BrowserWindow({
      ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
      width: state.width ?? DEFAULT_WINDOW_STATE.width,
      height: state.height ?? DEFAULT_WINDOW_STATE.height,
      minWidth: 480,
      minHeight: 360,
      show: false,
      title: 'Marginalia',
      backgroundColor: '#fbfaf7',
      webPreferences: webPreferencesFor(options.preloadPath),
    });
    const window = mainWindow;
    if (state.maximized) window.maximize();
    window.once('ready-to-show', () => window.show());
    window.on('close', () => {
      const bounds = window.getNormalBounds();
      saveWindowState(dataDir, { ...bounds, maximized: window.isMaximized() });
    });
    window.on('closed', () => {
      mainWindow = undefined;
    });

    const sendCommand = (command: UiCommand): void => liveCore.events.emit('uiCommand', { command });
    const menu = electron.Menu.buildFromTemplate(
      buildMenuTemplate({
        isMac: platform === 'darwin',
        isDev: options.devServerUrl !== undefined,
        sendCommand,
        importFiles: () => {
          void importWithDialog(electron, window, liveCore, showError);
        },
      }),
    );
    electron.Menu.setApplicationMenu(menu);
    window.webContents.on('context-menu', (_event, params) => {
      const hasSelection = params.selectionText.trim() !== '';
      electron.Menu.buildFromTemplate(buildContextMenuTemplate(hasSelection, sendCommand)).popup({ window });
    });

    void window.loadURL(options.devServerUrl ?? APP_ENTRY_URL);
  });

  return { ready };
}

/** The endings the Import dialog offers, as Electron's filters take them (no dot). */
const IMPORTABLE_EXTENSIONS_WITHOUT_DOT = Object.keys(IMPORTABLE_EXTENSIONS).map((extension) => extension.slice(1));

/** File › Import…: a native dialog, then each file through core; failures get a dialog. */
export async function importWithDialog(
  electron: Pick<ElectronModule, 'dialog'>,
  window: BrowserWindowInstance,
  core: MarginaliaCore,
  showError: (title: string, message: string) => void,
): Promise<void> {
  const { canceled, filePaths } = await electron.dialog.showOpenDialog(window, {
    title: 'Import documents',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Documents', extensions: IMPORTABLE_EXTENSIONS_WITHOUT_DOT }],
  });
  if (canceled) return;
  let lastImported: string | undefined;
  for (const path of filePaths) {
    try {
      lastImported = (await core.importFile(path)).document.id;
    } catch (error) {
      showError(`Couldn't import ${basename(path)}`, error instanceof Error ? error.message : String(error));
    }
  }
  if (lastImported) core.events.emit('openDocument', { id: lastImported });
}
