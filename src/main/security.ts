// Security rules for every web contents: no navigation away from the app, no new windows,
// external links only for http(s) and only after the user confirms, no permissions, and
// IPC only from the app's own frames.
import type { ElectronModule, SessionInstance, WebContentsInstance } from './electron-types';

export const APP_SCHEME = 'app';
export const APP_HOST = 'marginalia';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Scheme and host of a URL. URL.origin is "null" for custom schemes such as app:, so
 * the origin is rebuilt from its parts.
 */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? undefined : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

/** The origins whose frames may call the contract: the app itself, and the dev server in development. */
export function trustedOrigins(devServerUrl: string | undefined): string[] {
  const origins = [APP_ORIGIN];
  const devOrigin = devServerUrl ? originOf(devServerUrl) : undefined;
  if (devOrigin) origins.push(devOrigin);
  return origins;
}

export function isTrustedUrl(url: string | undefined, origins: readonly string[]): boolean {
  const origin = url ? originOf(url) : undefined;
  return origin !== undefined && origins.includes(origin);
}

export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Asks the user, then opens an http(s) link in the OS browser. Anything else is ignored. */
export async function confirmAndOpenExternal(
  electron: Pick<ElectronModule, 'dialog' | 'shell'>,
  url: string,
): Promise<boolean> {
  if (!isExternalWebUrl(url)) return false;
  const { response } = await electron.dialog.showMessageBox({
    type: 'question',
    buttons: ['Open in Browser', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    title: 'Open link',
    message: 'Open this link in your web browser?',
    detail: url,
  });
  if (response !== 0) return false;
  await electron.shell.openExternal(url);
  return true;
}

/**
 * Refuses every permission web content asks for or checks: camera, microphone,
 * geolocation, notifications, MIDI, fullscreen, pointer lock, external protocols, device
 * access (HID, serial, USB) and the clipboard API alike. Electron grants most of them by
 * default. The app needs none: copy and paste go through the Edit menu's roles, the
 * copy event and document.execCommand, which ask for no permission, and links leave
 * through confirmAndOpenExternal, not the page.
 */
export function denyAllPermissions(session: SessionInstance): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export function hardenWebContents(
  contents: WebContentsInstance,
  electron: Pick<ElectronModule, 'dialog' | 'shell'>,
  origins: readonly string[],
): void {
  // Set from each web contents so that whichever session it uses is covered.
  denyAllPermissions(contents.session);
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url, origins)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url, origins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void confirmAndOpenExternal(electron, url);
    return { action: 'deny' };
  });
}
