import { describe, expect, it } from 'vitest';
import { isLocalHost, withWebScheme } from '../../src/shared/web-address';

// An address typed without a scheme gets the one a browser's address bar would give it.

describe('an address typed without a scheme', () => {
  it.each([
    ['example.org/page', 'https://example.org/page'],
    ['  example.org  ', 'https://example.org'],
    ['www.example.co.uk/a?b=1#c', 'https://www.example.co.uk/a?b=1#c'],
    ['8.8.8.8/dns', 'https://8.8.8.8/dns'],
    ['127.0.0.1:8716/gone', 'http://127.0.0.1:8716/gone'],
    ['localhost:3000', 'http://localhost:3000'],
    ['192.168.1.20/report.pdf', 'http://192.168.1.20/report.pdf'],
    ['10.0.0.5:8080/x', 'http://10.0.0.5:8080/x'],
    ['172.20.1.1/x', 'http://172.20.1.1/x'],
    ['172.32.1.1/x', 'https://172.32.1.1/x'],
    ['[::1]:8080/x', 'http://[::1]:8080/x'],
  ])('reads %s as %s', (typed, address) => {
    expect(withWebScheme(typed)).toBe(address);
  });

  it('leaves an address with a scheme as it is, whatever the scheme', () => {
    expect(withWebScheme(' https://example.org/a ')).toBe('https://example.org/a');
    expect(withWebScheme('ftp://example.org/x')).toBe('ftp://example.org/x');
  });

  it.each(['', 'not an address', 'notes', 'docs/page.txt', 'example.123/x', 'a b.org'])(
    'finds no address in “%s”',
    (typed) => {
      expect(withWebScheme(typed)).toBeUndefined();
    },
  );

  it('knows this machine and private networks', () => {
    expect(['localhost', 'app.localhost', '127.0.0.2', '169.254.1.1', '[fd12::1]'].map(isLocalHost)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['example.org', '8.8.8.8', '[2001:db8::1]'].map(isLocalHost)).toEqual([false, false, false]);
  });
});
