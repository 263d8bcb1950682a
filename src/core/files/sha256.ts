// The one SHA-256 of the core: document texts and sources, bundle entries, sidecars and key
// fingerprints all hash through here, so "the SHA-256 of X" means the same bytes everywhere
// (a string is hashed as its UTF-8 encoding).
import { createHash } from 'node:crypto';

/** The raw 32-byte digest, for callers that build something from its bytes (a UUID). */
export function sha256Digest(data: string | Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/** The digest as 64 lowercase hex digits: the form stored in the library, bundles and sidecars. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
