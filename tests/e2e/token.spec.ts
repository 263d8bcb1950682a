// The browser host as `npm run serve` starts it: a real process, a printed URL with a
// token, and nothing for anyone without it.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { APP_ROOT, makeTempDir } from '../support/temp';
import { expect, test } from './fixtures';

interface Served {
  url: string;
  stop: () => void;
}

/** Starts `marginalia serve` on a fresh library and resolves with the URL it prints. */
async function serve(): Promise<Served> {
  const temp = makeTempDir('marginalia-serve-');
  const server: ChildProcessWithoutNullStreams = spawn(process.execPath, [
    join(APP_ROOT, 'bin/marginalia.mjs'),
    '--data-dir',
    temp.path,
    'serve',
    '--port',
    '0',
  ]);
  const stop = (): void => {
    server.kill('SIGTERM');
    temp.remove();
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Marginalia is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      server.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
    });
    return { url, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

test('a page opened without the token is refused; the printed URL opens the app', async ({ browser }) => {
  const server = await serve();
  try {
    const origin = new URL(server.url).origin;

    const stranger = await browser.newPage();
    const refused = await stranger.goto(origin);
    expect(refused?.status()).toBe(401);
    await expect(stranger.getByText(/Unauthorized/)).toBeVisible();
    const api = await stranger.request.post(`${origin}/api/call/listDocuments`, { data: {} });
    expect(api.status()).toBe(401);
    await stranger.close();

    const owner = await browser.newPage();
    await owner.goto(server.url);
    expect(new URL(owner.url()).search).toBe('');
    await expect(owner.getByRole('heading', { level: 1, name: /^Reports of western/ })).toBeVisible();
    await owner.close();
  } finally {
    server.stop();
  }
});

test('two browser hosts on one machine keep their own tabs signed in', async ({ browser }) => {
  const first = await serve();
  const second = await serve();
  const context = await browser.newContext();
  try {
    const firstTab = await context.newPage();
    await firstTab.goto(first.url);
    await expect(firstTab.getByRole('heading', { level: 1, name: /^Reports of western/ })).toBeVisible();
    const secondTab = await context.newPage();
    await secondTab.goto(second.url);
    await expect(secondTab.getByRole('heading', { level: 1, name: /^Reports of western/ })).toBeVisible();

    // Cookies on 127.0.0.1 are shared across ports: the second host's must not replace the first's.
    for (const tab of [firstTab, secondTab]) {
      const reloaded = await tab.reload();
      expect(reloaded?.status()).toBe(200);
      await expect(tab.getByRole('heading', { level: 1, name: /^Reports of western/ })).toBeVisible();
    }
  } finally {
    await context.close();
    first.stop();
    second.stop();
  }
});
