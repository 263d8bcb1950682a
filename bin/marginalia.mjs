#!/usr/bin/env node
// The marginalia command. Runs the bundled CLI, building it first when it is missing
// (right after a fresh clone, say).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out', 'cli', 'marginalia.mjs');
if (!existsSync(bundle)) await import(pathToFileURL(join(root, 'scripts', 'build-cli.mjs')).href);
await import(pathToFileURL(bundle).href);
