// The browser host as `npm run serve` starts it: a real process, a printed URL with a
// token, and nothing for anyone without it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { APP_ROOT, makeTempDir } from '../support/temp';
import { expect, test } from './fixtures';

test('a page opened without the token is refused; the printed URL opens the app', async ({ browser }) => {
  const temp = makeTempDir('marginalia-serve-');
  const server = spawn(process.execPath, [join(APP_ROOT, 'bin/marginalia.mjs'), '--data-dir', temp.path, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
    const origin = new URL(url).origin;

    const stranger = await browser.newPage();
    const refused = await stranger.goto(origin);
    expect(refused?.status()).toBe(401);
    await expect(stranger.getByText(/Unauthorized/)).toBeVisible();
    const api = await stranger.request.post(`${origin}/api/call/listDocuments`, { data: {} });
    expect(api.status()).toBe(401);
    await stranger.close();

    const owner = await browser.newPage();
    await owner.goto(url);
    expect(new URL(owner.url()).search).toBe('');
    await expect(owner.getByRole('heading', { level: 1, name: /^Reports of western/ })).toBeVisible();
    await owner.close();
  } finally {
    server.kill('SIGTERM');
    temp.remove();
  }
});
