// The desktop app itself, through Playwright's Electron driver. Electron's binary is
// downloaded on first launch; where it can't be (no network, as on our build machines)
// this test says why in one line and skips.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT, makeTempDir } from '../support/temp';

function electronBinary(): string | undefined {
  const pathFile = join(APP_ROOT, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(APP_ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();

test('the desktop app opens the sample in a sandboxed window', async () => {
  if (!binary) {
    console.log(
      'electron e2e skipped: no Electron binary in node_modules/electron/dist (it could not be downloaded here)',
    );
    test.skip(true, 'no Electron binary');
  }
  const temp = makeTempDir('marginalia-electron-');
  const app = await electron.launch({
    executablePath: binary,
    args: [APP_ROOT],
    env: { ...process.env, MARGINALIA_HOME: temp.path },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1, name: /^Reports of western/ })).toBeVisible();
    await expect(window).toHaveTitle(/— Marginalia$/);
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(
      await window.evaluate(
        () => typeof (window as unknown as { marginalia?: { listDocuments?: unknown } }).marginalia?.listDocuments,
      ),
    ).toBe('function');
  } finally {
    await app.close();
    temp.remove();
  }
});
