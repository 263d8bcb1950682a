import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { BrowserHost } from '../../src/server/browser-host';
import { startBrowserHost } from '../../src/server/browser-host';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/content-security-policy';
import { UserFacingError } from '../../src/shared/result';
import { makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
let host: BrowserHost;

beforeEach(async () => {
  temp = makeTempDir();
  const rendererDir = join(temp.path, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Marginalia</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(temp.path, 'secret.txt'), 'secret');
  core = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'browser', version: '1' });
  host = await startBrowserHost({ core, rendererDir });
});

afterEach(async () => {
  await host.close();
  core.close();
  temp.remove();
});

/** A raw HTTP request, so the Host header can be set to anything (fetch forbids it). */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path, method, headers }, (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      });
      req.on('error', reject);
      if (body) req.write(body);
      req.end();
    },
  );
}

describe('the browser host', () => {
  it('listens on 127.0.0.1 and prints a URL with a random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('answers 401 to requests without the token or with a wrong one', async () => {
    expect((await raw('/')).status).toBe(401);
    expect((await raw('/?token=wrong')).status).toBe(401);
    expect((await raw('/api/call/listDocuments', { 'Content-Type': 'application/json' }, 'POST', '{}')).status).toBe(
      401,
    );
    expect((await raw('/api/events')).status).toBe(401);
  });

  it('answers 403 to a Host header other than 127.0.0.1 or localhost (DNS rebinding)', async () => {
    const evil = await raw(`/?token=${host.token}`, { Host: `evil.example:${host.port}` });
    expect(evil.status).toBe(403);
    const ok = await raw(
      `/api/call/listDocuments`,
      { Host: `localhost:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      'POST',
      '{}',
    );
    expect(ok.status).toBe(200);
  });

  it('refuses cross-origin calls even with the token', async () => {
    const result = await raw(
      '/api/call/listDocuments',
      {
        Authorization: `Bearer ${host.token}`,
        'Content-Type': 'application/json',
        Origin: 'https://evil.example',
      },
      'POST',
      '{}',
    );
    expect(result.status).toBe(403);
  });

  it('trades the token in the URL for a same-site cookie that then opens the app', async () => {
    const first = await raw(`/?token=${host.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await raw('/', { Cookie: cookie });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.body).toContain('<title>Marginalia</title>');
    expect((await raw('/assets/app.js', { Cookie: cookie })).headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('answers 400, not 500, to an address with a malformed percent-encoding', async () => {
    const auth = { Authorization: `Bearer ${host.token}` };
    for (const path of ['/%', '/assets/%E0%A4%A', '/api/call/%zz', '//%zz', '//%zz/assets']) {
      const result = await raw(path, auth);
      expect(result.status, path).toBe(400);
      expect(result.body, path).toMatch(/malformed percent-encoding/);
    }
    expect((await raw('/%')).status).toBe(401);
  });

  it('names its cookie after its own port, so two hosts on one machine keep their own tabs signed in', async () => {
    const other = await startBrowserHost({ core, rendererDir: join(temp.path, 'renderer') });
    try {
      const cookieOf = async (server: BrowserHost) => {
        const response = await new Promise<string>((resolve, reject) => {
          request({ host: '127.0.0.1', port: server.port, path: `/?token=${server.token}` }, (res) => {
            res.resume();
            resolve(String(res.headers['set-cookie']).split(';')[0]!);
          })
            .on('error', reject)
            .end();
        });
        return response;
      };
      const mine = await cookieOf(host);
      const theirs = await cookieOf(other);
      expect(mine.split('=')[0]).not.toBe(theirs.split('=')[0]);
      // A browser sends both cookies to 127.0.0.1, whatever the port: each host still finds its own.
      const both = `${theirs}; ${mine}`;
      expect((await raw('/', { Cookie: both })).status).toBe(200);
      const toOther = await new Promise<number>((resolve, reject) => {
        request(
          { host: '127.0.0.1', port: other.port, path: '/', headers: { Cookie: `${mine}; ${theirs}` } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        )
          .on('error', reject)
          .end();
      });
      expect(toOther).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('tells the page it runs in the browser host, though `marginalia serve` opened the library as the CLI', async () => {
    const served = new MarginaliaCore({ dataDir: join(temp.path, 'served'), host: 'cli', version: '1' });
    const other = await startBrowserHost({ core: served, rendererDir: join(temp.path, 'renderer') });
    try {
      const auth = { Authorization: `Bearer ${other.token}`, 'Content-Type': 'application/json' };
      const answer = await new Promise<string>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: other.port, path: '/api/call/getAppInfo', method: 'POST', headers: auth },
          (res) => {
            let data = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => (data += chunk));
            res.on('end', () => resolve(data));
          },
        );
        req.on('error', reject);
        req.end('{}');
      });
      expect(JSON.parse(answer)).toMatchObject({ ok: true, value: { host: 'browser' } });
    } finally {
      await other.close();
      served.close();
    }
  });

  it('says which port is taken when another program holds it', async () => {
    const clash = startBrowserHost({ core, rendererDir: join(temp.path, 'renderer'), port: host.port });
    await expect(clash).rejects.toThrow(UserFacingError);
    await expect(clash).rejects.toThrow(
      `Port ${host.port} on 127.0.0.1 is in use by another program: choose another with --port N, or --port 0 for any free one.`,
    );
  });

  it('never serves files outside the renderer folder', async () => {
    const auth = { Authorization: `Bearer ${host.token}` };
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const result = await raw(path, auth);
      expect(result.body, path).not.toContain('secret');
    }
  });

  it('requires JSON POSTs for contract calls and names unknown methods', async () => {
    const auth = { Authorization: `Bearer ${host.token}` };
    expect((await raw('/api/call/listDocuments', auth, 'GET')).status).toBe(405);
    expect((await raw('/api/call/listDocuments', { ...auth, 'Content-Type': 'text/plain' }, 'POST', '{}')).status).toBe(
      415,
    );
    const unknown = await raw('/api/call/dropTables', { ...auth, 'Content-Type': 'application/json' }, 'POST', '{}');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: 'Marginalia has no method called dropTables.' },
    });
    const broken = await raw(
      '/api/call/listDocuments',
      { ...auth, 'Content-Type': 'application/json' },
      'POST',
      '{oops',
    );
    expect(JSON.parse(broken.body)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' },
    });
  });
});
