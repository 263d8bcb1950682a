// A web address as a person types it: with its scheme, or without one ("example.org/page",
// "127.0.0.1:8716/gone"), which gets the scheme a browser's address bar would give it.

/** "scheme://", whatever the scheme. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * A host (a name with a dot, "localhost", an IPv4 address or a bracketed IPv6 one), an optional
 * port, then optionally a path, query or fragment, and no spaces.
 */
const SCHEMELESS =
  /^(?<host>\[[0-9a-f:.]+\]|localhost|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]*[a-z0-9])(?::\d{1,5})?(?<rest>[/?#]\S*)?$/i;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Whether a host is this machine or on a private network (loopback, RFC 1918, link-local,
 * IPv6 unique-local), where servers rarely speak https: browsers assume http:// there.
 */
export function isLocalHost(host: string): boolean {
  const name = host.toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  const v4 = IPV4.exec(name);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)
    );
  }
  if (name.startsWith('[')) {
    const v6 = name.slice(1, -1);
    return v6 === '::1' || /^f[cd][0-9a-f]{0,2}:/.test(v6) || /^fe[89ab][0-9a-f]?:/.test(v6);
  }
  return false;
}

/**
 * The address with a scheme: as typed when it has one (any scheme: refusing one that is not
 * http or https is the fetcher's job, which names it), else https://, or http:// for a local
 * or private host, before an address without one. Undefined for text that is not an address.
 */
export function withWebScheme(typed: string): string | undefined {
  const address = typed.trim();
  if (HAS_SCHEME.test(address)) return address;
  const match = SCHEMELESS.exec(address);
  if (!match?.groups) return undefined;
  const host = match.groups.host!;
  // A dotted name must end in a label with a letter, as top-level domains do; an IPv4 address is all digits.
  if (!host.startsWith('[') && host !== 'localhost' && !IPV4.test(host) && !/[a-z][a-z0-9-]*$/i.test(host)) {
    return undefined;
  }
  return `${isLocalHost(host) ? 'http' : 'https'}://${address}`;
}
