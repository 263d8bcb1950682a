// Runs the real desktop setup against a fake electron module and checks every security
// and convenience setting the shell promises.
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDesktopApp } from '../../src/main/app';
import type { ElectronModule } from '../../src/main/electron-types';
import { APP_ENTRY_URL } from '../../src/main/security';
import { METHOD_NAMES, ipcChannelFor } from '../../src/shared/contract';
import { APP_ROOT, makeTempDir } from '../support/temp';

type WindowOpenHandler = (details: { url: string }) => { action: string };
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;

/** The permission hooks of an Electron session; unset until the shell sets them. */
class FakeSession {
  request: PermissionRequestHandler | undefined;
  check: PermissionCheckHandler | undefined;
  device: ((details: unknown) => boolean) | undefined;
  setPermissionRequestHandler(handler: PermissionRequestHandler) {
    this.request = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler) {
    this.check = handler;
  }
  setDevicePermissionHandler(handler: (details: unknown) => boolean) {
    this.device = handler;
  }
}

class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | undefined;
  readonly session = new FakeSession();
  readonly send = vi.fn();
  setWindowOpenHandler(handler: WindowOpenHandler) {
    this.windowOpenHandler = handler;
  }
  /** Emits a navigation event and reports whether the shell blocked it. */
  navigate(kind: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(kind, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

function makeFakeElectron(options: { lock?: boolean; dialogResponse?: number } = {}) {
  const app = Object.assign(new EventEmitter(), {
    setName: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => options.lock ?? true),
    quit: vi.fn(),
    whenReady: () => Promise.resolve(),
    setPath: vi.fn(),
    getAppPath: () => APP_ROOT,
  });
  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn(async () => undefined);
    readonly maximize = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly show = vi.fn();
    constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    isMaximized = () => false;
    isMinimized = () => true;
    isDestroyed = () => false;
    getNormalBounds = () => ({ x: 40, y: 60, width: 1111, height: 777 });
  }
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const fake = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
        handlers.set(channel, listener),
      ),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template, popup: vi.fn() })),
      setApplicationMenu: vi.fn(),
    },
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: options.dialogResponse ?? 0, checkboxChecked: false })),
      showOpenDialog: vi.fn(async (): Promise<{ canceled: boolean; filePaths: string[] }> => ({
        canceled: true,
        filePaths: [],
      })),
      showErrorBox: vi.fn(),
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {},
  };
  return { electron: fake as unknown as ElectronModule, fake, windows, handlers };
}

let temp: ReturnType<typeof makeTempDir>;
let rendererDir: string;
const previousHome = process.env.MARGINALIA_HOME;

beforeEach(() => {
  temp = makeTempDir();
  process.env.MARGINALIA_HOME = join(temp.path, 'data');
  rendererDir = join(temp.path, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Marginalia</title>');
  writeFileSync(join(temp.path, 'outside.txt'), 'secret');
});

afterEach(() => {
  process.env.MARGINALIA_HOME = previousHome;
  temp.remove();
});

async function start(options: { lock?: boolean; dialogResponse?: number } = {}) {
  const harness = makeFakeElectron(options);
  const desktop = startDesktopApp(harness.electron, {
    appRoot: APP_ROOT,
    version: '0.0.1',
    preloadPath: '/app/out/preload/index.cjs',
    rendererDir,
    platform: 'linux',
  });
  await desktop.ready;
  const stop = () => harness.fake.app.emit('will-quit');
  return { ...harness, stop };
}

describe('the desktop shell', () => {
  it('creates its window with context isolation, the sandbox and no Node integration', async () => {
    const { windows, stop } = await start();
    expect(windows).toHaveLength(1);
    expect(windows[0]!.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(windows[0]!.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    stop();
  });

  it('serves the renderer from app:// with a strict Content-Security-Policy and nothing outside it', async () => {
    const { fake, stop } = await start();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const serve = fake.protocol.handle.mock.calls[0]![1] as (request: { url: string }) => Promise<Response>;
    const page = await serve({ url: 'app://marginalia/index.html' });
    expect(page.status).toBe(200);
    const csp = page.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(csp.split(';').find((part) => part.includes('script-src'))).not.toContain('unsafe-inline');
    expect((await serve({ url: 'app://marginalia/../outside.txt' })).status).toBe(404);
    expect((await serve({ url: 'app://marginalia/%2e%2e/outside.txt' })).status).toBe(404);
    expect((await serve({ url: 'app://elsewhere/index.html' })).status).toBe(404);
    expect((await serve({ url: 'app://marginalia/%' })).status).toBe(404);
    stop();
  });

  it('blocks navigation away from the app', async () => {
    const { windows, stop } = await start();
    const contents = windows[0]!.webContents;
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://marginalia/index.html')).toBe(false);
    stop();
  });

  it('denies new windows and opens http(s) links in the OS browser only after confirmation', async () => {
    const confirmed = await start({ dialogResponse: 0 });
    const handler = confirmed.windows[0]!.webContents.windowOpenHandler!;
    expect(handler({ url: 'https://example.org/report' })).toEqual({ action: 'deny' });
    await vi.waitFor(() =>
      expect(confirmed.fake.shell.openExternal).toHaveBeenCalledWith('https://example.org/report'),
    );
    expect(confirmed.fake.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ detail: 'https://example.org/report' }),
    );
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(confirmed.fake.shell.openExternal).toHaveBeenCalledTimes(1);
    confirmed.stop();

    const cancelled = await start({ dialogResponse: 1 });
    cancelled.windows[0]!.webContents.windowOpenHandler!({ url: 'https://example.org/' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cancelled.fake.dialog.showMessageBox).toHaveBeenCalled();
    expect(cancelled.fake.shell.openExternal).not.toHaveBeenCalled();
    cancelled.stop();
  });

  it('opens a web or mail link the app asks for in the system browser, and refuses any other link', async () => {
    const { fake, handlers, stop } = await start();
    const openExternal = handlers.get(ipcChannelFor('openExternal'))!;
    const app = { senderFrame: { url: 'app://marginalia/index.html' } };
    expect(await openExternal(app, { url: 'https://example.org/report?q=1' })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(await openExternal(app, { url: 'mailto:analyst@example.org' })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(fake.shell.openExternal.mock.calls).toEqual([
      ['https://example.org/report?q=1'],
      ['mailto:analyst@example.org'],
    ]);
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://marginalia/index.html',
      '/relative',
      'https://example.org/a b',
      'smb://host/share',
    ]) {
      const refused = (await openExternal(app, { url })) as { ok: boolean; error: { code: string; message: string } };
      expect(refused).toEqual({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: 'Only web (http, https) and email (mailto) links open from Marginalia.',
        },
      });
    }
    const untrusted = (await openExternal(
      { senderFrame: { url: 'https://evil.example/' } },
      { url: 'https://example.org/' },
    )) as { ok: boolean; error: { code: string } };
    expect(untrusted.error.code).toBe('UNAUTHORIZED');
    expect(fake.shell.openExternal).toHaveBeenCalledTimes(2);
    stop();
  });

  it('refuses every permission web content asks for or checks, clipboard and notifications included', async () => {
    const { windows, stop } = await start();
    const { session } = windows[0]!.webContents;
    expect(session.request).toBeDefined();
    expect(session.check).toBeDefined();
    expect(session.device).toBeDefined();
    const permissions = [
      'media',
      'geolocation',
      'notifications',
      'midiSysex',
      'pointerLock',
      'fullscreen',
      'openExternal',
      'clipboard-read',
      'clipboard-sanitized-write',
      'display-capture',
      'window-management',
      'fileSystem',
      'hid',
      'serial',
      'usb',
      'unknown',
    ];
    for (const permission of permissions) {
      const answers: boolean[] = [];
      session.request!(windows[0]!.webContents, permission, (granted) => answers.push(granted), {
        requestingUrl: APP_ENTRY_URL,
      });
      expect(answers, permission).toEqual([false]);
      expect(
        session.check!(windows[0]!.webContents, permission, 'app://marginalia', { requestingUrl: APP_ENTRY_URL }),
        permission,
      ).toBe(false);
    }
    expect(session.device!({ deviceType: 'hid', origin: 'app://marginalia' })).toBe(false);
    stop();
  });

  it('serves every contract method over IPC and checks the sender frame of each call', async () => {
    const { handlers, stop } = await start();
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannelFor).sort());
    const list = handlers.get(ipcChannelFor('listDocuments'))!;
    const trusted = (await list({ senderFrame: { url: 'app://marginalia/index.html' } }, {})) as {
      ok: boolean;
      value: unknown[];
    };
    expect(trusted.ok).toBe(true);
    expect(trusted.value).toHaveLength(1); // the sample, seeded on first run
    for (const senderFrame of [{ url: 'https://evil.example/' }, { url: 'file:///tmp/x.html' }, null]) {
      const refused = (await list({ senderFrame }, {})) as { ok: boolean; error: { code: string } };
      expect(refused.error.code).toBe('UNAUTHORIZED');
    }
    stop();
  });

  it('holds a single-instance lock: a second instance quits, the first comes to the front', async () => {
    const second = await start({ lock: false });
    expect(second.fake.app.quit).toHaveBeenCalled();
    expect(second.windows).toHaveLength(0);
    const first = await start();
    first.fake.app.emit('second-instance');
    expect(first.windows[0]!.restore).toHaveBeenCalled();
    expect(first.windows[0]!.focus).toHaveBeenCalled();
    first.stop();
  });

  it('remembers the window size and position between runs', async () => {
    const first = await start();
    expect(first.windows[0]!.options).toMatchObject({ width: 1280, height: 860 });
    first.windows[0]!.emit('close');
    first.stop();
    const statePath = join(temp.path, 'data', 'window-state.json');
    expect(existsSync(statePath)).toBe(true);
    expect(JSON.parse(readFileSync(statePath, 'utf8'))).toEqual({
      x: 40,
      y: 60,
      width: 1111,
      height: 777,
      maximized: false,
    });
    const second = await start();
    expect(second.windows[0]!.options).toMatchObject({ x: 40, y: 60, width: 1111, height: 777 });
    second.stop();
  });

  it('installs the standard menu with File › Import… and File › Export › Annotated PDF…, and relays View commands to the UI', async () => {
    const { fake, windows, stop } = await start();
    const { template } = fake.Menu.setApplicationMenu.mock.calls[0]![0] as {
      template: Electron.MenuItemConstructorOptions[];
    };
    const file = template.find((item) => item.label === '&File')!;
    const importItem = (file.submenu as Electron.MenuItemConstructorOptions[]).find(
      (item) => item.label === 'Import…',
    )!;
    expect(importItem.accelerator).toBe('CmdOrCtrl+O');
    const exportMenu = (file.submenu as Electron.MenuItemConstructorOptions[]).find((item) => item.label === 'Export')!;
    const pdfItem = (exportMenu.submenu as Electron.MenuItemConstructorOptions[]).find(
      (item) => item.label === 'Annotated PDF…',
    )!;
    (pdfItem.click as () => void)();
    expect(windows[0]!.webContents.send).toHaveBeenCalledWith('marginalia:event', {
      event: 'uiCommand',
      payload: { command: 'exportPdf' },
    });
    for (const [label, command] of [
      ['Share Notes…', 'shareNotes'],
      ['Import Notes…', 'importNotes'],
    ] as const) {
      (
        (file.submenu as Electron.MenuItemConstructorOptions[]).find((item) => item.label === label)!
          .click as () => void
      )();
      expect(windows[0]!.webContents.send).toHaveBeenCalledWith('marginalia:event', {
        event: 'uiCommand',
        payload: { command },
      });
    }
    const edit = template.find((item) => item.label === '&Edit')!.submenu as Electron.MenuItemConstructorOptions[];
    expect(edit.map((item) => item.label ?? item.role)).toEqual([
      'Undo',
      'Redo',
      undefined,
      'cut',
      'copy',
      'paste',
      'selectAll',
      undefined,
      'Find in Document',
      'Find in Library',
      undefined,
      'Edit Text',
      'Cancel Editing',
    ]);
    (edit[0]!.click as () => void)();
    expect(windows[0]!.webContents.send).toHaveBeenCalledWith('marginalia:event', {
      event: 'uiCommand',
      payload: { command: 'undo' },
    });
    const view = template.find((item) => item.label === '&View')!.submenu as Electron.MenuItemConstructorOptions[];
    const larger = view.find((item) => item.label === 'Larger Text')!;
    (larger.click as () => void)();
    expect(windows[0]!.webContents.send).toHaveBeenCalledWith('marginalia:event', {
      event: 'uiCommand',
      payload: { command: 'zoomIn' },
    });
    (importItem.click as () => void)();
    await vi.waitFor(() => expect(fake.dialog.showOpenDialog).toHaveBeenCalled());
    stop();
  });

  it('imports through a native dialog: a bad file gets an error dialog, a good one opens', async () => {
    const { fake, windows, stop } = await start();
    const empty = join(temp.path, 'empty.txt');
    writeFileSync(empty, '');
    const good = join(temp.path, 'good.md');
    writeFileSync(good, '# Good notes\n\nSome text.');
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [empty, good] });
    fake.dialog.showMessageBox.mockClear();
    const { template } = fake.Menu.setApplicationMenu.mock.calls[0]![0] as {
      template: Electron.MenuItemConstructorOptions[];
    };
    const file = template.find((item) => item.label === '&File')!.submenu as Electron.MenuItemConstructorOptions[];
    (file.find((item) => item.label === 'Import…')!.click as () => void)();
    await vi.waitFor(() =>
      expect(fake.dialog.showMessageBox).toHaveBeenCalledWith(
        expect.objectContaining({
          type: 'error',
          title: "Couldn't import empty.txt",
          detail: '“empty.txt” is empty: there is nothing to import.',
        }),
      ),
    );
    await vi.waitFor(() =>
      expect(windows[0]!.webContents.send).toHaveBeenCalledWith(
        'marginalia:event',
        expect.objectContaining({ event: 'openDocument' }),
      ),
    );
    stop();
  });

  it('offers Highlight, Tag and Note in the context menu of a selection', async () => {
    const { fake, windows, stop } = await start();
    fake.Menu.buildFromTemplate.mockClear();
    windows[0]!.webContents.emit('context-menu', {}, { selectionText: 'beheading 11 people' });
    const built = fake.Menu.buildFromTemplate.mock.results[0]!.value as {
      template: Electron.MenuItemConstructorOptions[];
      popup: ReturnType<typeof vi.fn>;
    };
    expect(built.popup).toHaveBeenCalled();
    const highlight = built.template.find((item) => item.label === 'Highlight')!;
    expect(highlight.enabled).toBe(true);
    (highlight.click as () => void)();
    expect(windows[0]!.webContents.send).toHaveBeenCalledWith('marginalia:event', {
      event: 'uiCommand',
      payload: { command: 'highlight' },
    });
    windows[0]!.webContents.emit('context-menu', {}, { selectionText: '  ' });
    const empty = fake.Menu.buildFromTemplate.mock.results[1]!.value as {
      template: Electron.MenuItemConstructorOptions[];
    };
    expect(empty.template.find((item) => item.label === 'Note…')!.enabled).toBe(false);
    stop();
  });

  it('lists the keyboard shortcuts from Help, and relays the annotate commands without taking their letters from text fields', async () => {
    const { fake, windows, stop } = await start();
    const { template } = fake.Menu.setApplicationMenu.mock.calls[0]![0] as {
      template: Electron.MenuItemConstructorOptions[];
    };
    expect(template.map((item) => item.label ?? item.role)).toEqual([
      '&File',
      '&Edit',
      '&Annotate',
      '&View',
      'windowMenu',
      '&Help',
    ]);
    const help = template.find((item) => item.label === '&Help')!.submenu as Electron.MenuItemConstructorOptions[];
    const shortcuts = help.find((item) => item.label === 'Keyboard Shortcuts')!;
    expect(shortcuts.accelerator).toBe('CmdOrCtrl+/');
    (shortcuts.click as () => void)();
    expect(windows[0]!.webContents.send).toHaveBeenCalledWith('marginalia:event', {
      event: 'uiCommand',
      payload: { command: 'keyboardShortcuts' },
    });
    const annotate = template.find((item) => item.label === '&Annotate')!
      .submenu as Electron.MenuItemConstructorOptions[];
    const next = annotate.find((item) => item.label === 'Next Annotation')!;
    expect(next.accelerator).toBeUndefined();
    (next.click as () => void)();
    expect(windows[0]!.webContents.send).toHaveBeenCalledWith('marginalia:event', {
      event: 'uiCommand',
      payload: { command: 'nextAnnotation' },
    });
    stop();
  });
});
