// The desktop side of the openExternal contract method: a web or mail link the person has
// confirmed in the app opens in the system browser or mail app, never inside Marginalia.
import { UNOPENABLE_LINK_MESSAGE, isOpenableLink } from '../shared/links';
import { UserFacingError } from '../shared/result';
import type { ElectronModule } from './electron-types';

const OPENABLE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Checks the link again here, where it leaves the app, and hands it to the operating system. */
export async function openLinkOutside(
  shell: Pick<ElectronModule['shell'], 'openExternal'>,
  url: string,
): Promise<void> {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !isOpenableLink(url) || !OPENABLE_PROTOCOLS.has(parsed.protocol))
    throw new UserFacingError('INVALID_INPUT', UNOPENABLE_LINK_MESSAGE);
  await shell.openExternal(parsed.href);
}
