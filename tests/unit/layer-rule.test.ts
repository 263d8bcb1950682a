// The import-direction rule is part of the architecture, so it is tested like code.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../support/temp';

const eslint = new ESLint({ cwd: APP_ROOT });

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('the layer rule', () => {
  it.each([
    ['src/shared/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/shared/x.ts', "import { MarginaliaCore } from '../core/core';"],
    ['src/shared/x.ts', "import { useState } from 'react';"],
    ['src/renderer/src/x.ts', "import { MarginaliaCore } from '../../core/core';"],
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['src/renderer/src/x.ts', "import BetterSqlite3 from 'better-sqlite3';"],
    ['src/core/x.ts', "import { app } from 'electron';"],
    ['src/core/x.ts', "import { startBrowserHost } from '../server/browser-host';"],
    ['src/main/x.ts', "import { App } from '../renderer/src/App';"],
    ['src/preload/x.ts', "import { MarginaliaCore } from '../core/core';"],
    ['src/cli/x.ts', "import { app } from 'electron';"],
  ])('refuses %s importing %s', async (filePath, code) => {
    expect(await violations(filePath, `${code}\nexport const used = 1;\n`)).toHaveLength(1);
  });

  it.each([
    // src/renderer/src/x.ts reaching src/shared two folders up (built, so no path in the test reads outside the repo).
    ['src/renderer/src/x.ts', `import { unwrap } from '${'../'.repeat(2)}shared/client';`],
    ['src/core/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/main/x.ts', "import { MarginaliaCore } from '../core/core';"],
    ['src/preload/x.ts', "import { contextBridge } from 'electron';"],
    ['src/shared/x.ts', "import * as z from 'zod';"],
  ])('allows %s importing %s', async (filePath, code) => {
    expect(await violations(filePath, `${code}\nexport const used = 1;\n`)).toEqual([]);
  });
});
