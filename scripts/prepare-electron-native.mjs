// Builds better-sqlite3 for Electron's ABI into .native/, leaving the Node build in
// node_modules untouched: tests and the CLI keep using that one, the desktop app passes
// this one to better-sqlite3 as its nativeBinding. Runs once per Electron ABI.
// It first tries better-sqlite3's published prebuilt binary for Electron
// (prebuild-install), then compiles against Electron's headers (node-gyp). Both need the
// network on first run; no network means a clear message, never a broken build. The
// tools' own output is shown only when verbose (npm start prints its own summary).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export function electronTarget(root = appRoot) {
  const electronDir = join(root, 'node_modules', 'electron');
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const abi = readFileSync(join(electronDir, 'abi_version'), 'utf8').trim();
  return { version, abi };
}

/** Where the Electron build goes; src/main/native-binding.ts looks in the same place. */
export function bindingPath(root, abi, platform = process.platform, arch = process.arch) {
  return join(root, '.native', `electron-abi${abi}-${platform}-${arch}`, 'better_sqlite3.node');
}

/** The commands to try, in order, inside a scratch copy of better-sqlite3. */
export function buildCommands({ version, arch = process.arch, nodeGyp, prebuildInstall }) {
  return [
    {
      name: 'prebuilt binary for Electron',
      args: [prebuildInstall, '--runtime=electron', `--target=${version}`, `--arch=${arch}`],
    },
    {
      name: 'compile against Electron headers',
      args: [
        nodeGyp,
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${version}`,
        `--arch=${arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
    },
  ];
}

function findNodeGyp() {
  if (process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp))
    return process.env.npm_config_node_gyp;
  const bundled = join(
    dirname(process.execPath),
    '..',
    'lib',
    'node_modules',
    'npm',
    'node_modules',
    'node-gyp',
    'bin',
    'node-gyp.js',
  );
  return bundled;
}

const stderrLine = (line) => process.stderr.write(`${line}\n`);

/** Whether the Electron build is already there (nothing to build). */
export function electronNativeReady(root = appRoot) {
  return existsSync(bindingPath(root, electronTarget(root).abi));
}

export function prepareElectronNative(root = appRoot, { verbose = true, log = stderrLine } = {}) {
  const say = verbose ? log : () => undefined;
  const { version, abi } = electronTarget(root);
  const target = bindingPath(root, abi);
  if (existsSync(target)) return target;
  say(`marginalia: building the database module for Electron ${version} (ABI ${abi}), once…`);
  const require = createRequire(join(root, 'package.json'));
  const packageDir = dirname(require.resolve('better-sqlite3/package.json'));
  const prebuildInstall = join(
    dirname(createRequire(join(packageDir, 'package.json')).resolve('prebuild-install/package.json')),
    'bin.js',
  );
  const scratch = mkdtempSync(join(tmpdir(), 'marginalia-native-'));
  try {
    for (const part of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
      if (existsSync(join(packageDir, part))) cpSync(join(packageDir, part), join(scratch, part), { recursive: true });
    }
    // The machine's npm config may point node-gyp at Node's headers; Electron needs its own.
    const env = { ...process.env };
    for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
    for (const command of buildCommands({ version, nodeGyp: findNodeGyp(), prebuildInstall })) {
      const result = spawnSync(process.execPath, command.args, {
        cwd: scratch,
        env,
        stdio: verbose ? ['ignore', 'inherit', 'inherit'] : 'ignore',
      });
      const built = join(scratch, 'build', 'Release', 'better_sqlite3.node');
      if (result.status === 0 && existsSync(built)) {
        mkdirSync(dirname(target), { recursive: true });
        cpSync(built, `${target}.tmp`);
        renameSync(`${target}.tmp`, target);
        say(`marginalia: database module ready (${command.name}).`);
        return target;
      }
      say(`marginalia: ${command.name} did not work.`);
    }
    throw new Error(
      `Could not build better-sqlite3 for Electron ${version}. ` +
        "The first desktop start needs network access to fetch a prebuilt binary or Electron's headers. " +
        'The CLI and the browser host (npm run serve) work without it.',
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    prepareElectronNative();
  } catch (error) {
    process.stderr.write(`marginalia: ${error.message}\n`);
    process.exit(1);
  }
}
