// `npm start` where the desktop app can't be had: the real start script, run from a copy
// of the app whose electron package and native build tools are fakes that fail loudly.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_ROOT, makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
let root: string;

/** A script that prints a screenful of build noise, notes that it ran, and fails. */
function noisyFailure(marker: string): string {
  return `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');
for (let line = 1; line <= 25; line++) console.error('gyp ERR! stack noise line ' + line);
process.exit(1);
`;
}

function fakeElectron(options: { node: string; binary: boolean }): void {
  const dir = join(root, 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'electron', version: '45.4.1', engines: { node: options.node } }),
  );
  writeFileSync(join(dir, 'abi_version'), '140');
  writeFileSync(join(dir, 'install.js'), noisyFailure(join(root, 'installer-ran')));
  if (options.binary) {
    writeFileSync(join(dir, 'path.txt'), 'electron');
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
  }
}

/** better-sqlite3 with a prebuild-install that fails, as it does offline. */
function fakeBetterSqlite3(): void {
  const dir = join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(join(dir, 'node_modules', 'prebuild-install'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.0.0' }));
  writeFileSync(
    join(dir, 'node_modules', 'prebuild-install', 'package.json'),
    JSON.stringify({ name: 'prebuild-install', version: '7.0.0' }),
  );
  writeFileSync(join(dir, 'node_modules', 'prebuild-install', 'bin.js'), noisyFailure(join(root, 'prebuild-ran')));
  writeFileSync(join(root, 'node-gyp.cjs'), noisyFailure(join(root, 'gyp-ran')));
}

function start(args: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')),
  );
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'start.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...clean, npm_config_node_gyp: join(root, 'node-gyp.cjs'), ...env },
  });
  return { status: result.status, stdout: result.stdout, lines: result.stderr.trimEnd().split('\n') };
}

const WORKS_NOW =
  'marginalia: the browser host works now: run `npm run serve` and open the URL it prints (`npm start -- --verbose` shows the details).';

beforeEach(() => {
  temp = makeTempDir('marginalia-start-');
  root = temp.path;
  cpSync(join(APP_ROOT, 'scripts'), join(root, 'scripts'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'marginalia', version: '0.0.0', type: 'module' }));
});

afterEach(() => temp.remove());

describe('npm start where the desktop app cannot start', () => {
  it('says in two lines that Electron could not be downloaded and that the browser host works, without the installer output', () => {
    fakeElectron({ node: '>= 18.0.0', binary: false });
    const result = start();
    expect(result.status).toBe(1);
    expect(existsSync(join(root, 'installer-ran'))).toBe(true);
    expect(result.lines).toEqual([
      "marginalia: the desktop app can't start: Electron 45.4.1's binary is not installed and could not be downloaded (the first start needs network access).",
      WORKS_NOW,
    ]);
    expect(result.stdout).toBe('');
  });

  it("names the Node version Electron's installer needs when this Node is older", () => {
    fakeElectron({ node: '>= 99.1.0', binary: false });
    const result = start();
    expect(result.status).toBe(1);
    expect(result.lines).toEqual([
      `marginalia: the desktop app can't start: Electron 45.4.1's binary is not installed and could not be downloaded (its installer needs Node 99.1.0 or later, this is Node ${process.versions.node}, and network access).`,
      WORKS_NOW,
    ]);
  });

  it('says in two lines that the database module has no Electron build, after trying both ways quietly', () => {
    fakeElectron({ node: '>= 18.0.0', binary: true });
    fakeBetterSqlite3();
    const result = start();
    expect(result.status).toBe(1);
    expect([existsSync(join(root, 'prebuild-ran')), existsSync(join(root, 'gyp-ran'))]).toEqual([true, true]);
    expect(result.lines).toEqual([
      "marginalia: the desktop app can't start: the database module (better-sqlite3) has no build for Electron 45.4.1, and neither a prebuilt one nor Electron's headers could be downloaded (the first start needs network access).",
      WORKS_NOW,
    ]);
  });

  it('shows the build output with --verbose, or with npm start --verbose', () => {
    fakeElectron({ node: '>= 18.0.0', binary: true });
    fakeBetterSqlite3();
    for (const run of [start(['--verbose']), start([], { npm_config_loglevel: 'verbose' })]) {
      expect(run.status).toBe(1);
      expect(run.lines.filter((line) => line.startsWith('gyp ERR! stack noise'))).toHaveLength(50);
      expect(run.lines.slice(-2)).toEqual([
        expect.stringMatching(/^marginalia: the desktop app can't start: the database module/),
        WORKS_NOW,
      ]);
    }
  });

  it('says Electron is not installed at all when node_modules/electron is missing', () => {
    const result = start();
    expect(result.status).toBe(1);
    expect(result.lines).toEqual([
      "marginalia: the desktop app can't start: Electron is not installed (node_modules/electron is missing; run npm install).",
      WORKS_NOW,
    ]);
  });
});
