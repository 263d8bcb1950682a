// Hostile zip archives for the Word and EPUB readers: bombs, lying sizes, escaping names.
import { zipSync } from 'fflate';

/** A zip whose one big entry of zeros shrinks about a thousand times. */
export function zipWithZeros(name: string, bytes: number, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({ ...extra, [name]: new Uint8Array(bytes) }, { level: 9 });
}

/**
 * The same archive with every central-directory entry claiming `declared` uncompressed bytes:
 * the size checks before inflating pass, and only the check while inflating can stop it.
 */
export function withDeclaredSize(zip: Uint8Array, declared: number): Uint8Array {
  const copy = new Uint8Array(zip);
  const view = new DataView(copy.buffer);
  for (let at = 0; at + 46 <= copy.length; at++) {
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, declared, true);
  }
  return copy;
}

export const text = (value: string): Uint8Array => new TextEncoder().encode(value);
