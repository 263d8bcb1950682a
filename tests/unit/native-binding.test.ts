// The desktop app finds better-sqlite3's Electron build where npm start puts it, and that
// build never replaces the Node build that tests and the CLI load.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBindingPath, findElectronBinding } from '../../src/main/native-binding';
// @ts-expect-error: a plain .mjs build script without type declarations
import { bindingPath, buildCommands, electronTarget } from '../../scripts/prepare-electron-native.mjs';
import { APP_ROOT, makeTempDir } from '../support/temp';

describe("better-sqlite3's two runtimes", () => {
  it('puts the Electron build where the main process looks for it', () => {
    const { abi } = electronTarget(APP_ROOT) as { abi: string };
    expect(abi).toMatch(/^\d+$/);
    expect(bindingPath(APP_ROOT, abi, 'linux', 'x64')).toBe(electronBindingPath(APP_ROOT, abi, 'linux', 'x64'));
    expect(bindingPath(APP_ROOT, abi, 'linux', 'x64')).toContain(join(APP_ROOT, '.native'));
  });

  it('finds the Electron build only once it exists', () => {
    const temp = makeTempDir();
    expect(findElectronBinding(temp.path, { modules: '150' }, 'linux', 'x64')).toBeUndefined();
    const path = electronBindingPath(temp.path, '150', 'linux', 'x64');
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'binary');
    expect(findElectronBinding(temp.path, { modules: '150' }, 'linux', 'x64')).toBe(path);
    temp.remove();
  });

  it('builds for the Electron runtime and version, trying a prebuilt binary first', () => {
    const commands = buildCommands({
      version: '45.4.1',
      arch: 'x64',
      nodeGyp: '/gyp.js',
      prebuildInstall: '/pb.js',
    }) as Array<{ args: string[] }>;
    expect(commands[0]!.args).toEqual(['/pb.js', '--runtime=electron', '--target=45.4.1', '--arch=x64']);
    expect(commands[1]!.args).toContain('--dist-url=https://electronjs.org/headers');
    expect(commands[1]!.args).toContain('--runtime=electron');
  });

  it('leaves the Node build in node_modules in place for tests and the CLI', () => {
    expect(existsSync(join(APP_ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
  });
});
