import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchUrl, fileNameFor } from '../../src/core/import/fetch-url';

// What fetching a web address says when the network itself fails (no request leaves this
// machine: fetch is stood in for), and the names fetched bytes are given.

const limits = { timeoutMs: 1000, maxRedirects: 5, maxBytes: 1024, limitHint: '' };

afterEach(() => vi.restoreAllMocks());

describe('a fetch the network refuses', () => {
  it.each(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'])(
    'says the machine seems offline or the address wrong (%s)',
    async (code) => {
      vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed', { cause: { code } }));
      await expect(fetchUrl('https://example.org/report', limits)).rejects.toMatchObject({
        code: 'NETWORK',
        message:
          "Marginalia couldn't reach example.org: this machine seems to be offline or the address is wrong. Nothing was imported.",
      });
    },
  );

  it('says a server that refused the connection refused it, not that this machine is offline', async () => {
    const refused = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(refused);
    await expect(fetchUrl('http://127.0.0.1:9999/x', limits)).rejects.toMatchObject({
      code: 'NETWORK',
      message:
        '127.0.0.1:9999 refused the connection (ECONNREFUSED): no server is answering at that address and port. Nothing was imported.',
    });
  });
});

describe('the name given to fetched bytes', () => {
  const bytes = new TextEncoder().encode('<!doctype html><p>x</p>');
  it('ends as the content type says, from the last part of the address or its host', () => {
    expect(fileNameFor(new URL('https://example.org/reports/q3'), 'application/pdf', bytes)).toBe('q3.pdf');
    expect(fileNameFor(new URL('https://example.org/a/page.html'), 'text/html', bytes)).toBe('page.html');
    expect(fileNameFor(new URL('https://example.org/'), 'text/html', bytes)).toBe('example.org.html');
    expect(fileNameFor(new URL('https://example.org/a%2Fb%3A'), '', bytes)).toBe('a_b_.html');
    expect(fileNameFor(new URL('https://example.org/notes'), 'text/plain', bytes)).toBe('notes.txt');
  });
});
