// Who signs a note bundle: the local profile's Ed25519 key pair (made on first use), its
// fingerprint, signing and checking signatures, and the keys seen on imported bundles
// (trust on first use). An author is a key: the local author's id is derived from the
// profile's public key, and a bundle speaks only for the key that signed it.
import type { Database } from 'better-sqlite3';
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KnownKey } from '../shared/bundles';
import { sha256Digest, sha256Hex } from './files/sha256';
import type { ProfileRepository } from './profile';

/** A fingerprint people can read out: the first 20 bytes of SHA-256(SPKI), in groups of four hex digits. */
export function fingerprintOf(publicKeyBase64: string): string {
  const digest = sha256Hex(Buffer.from(publicKeyBase64, 'base64')).slice(0, 40);
  return digest.match(/.{4}/g)!.join(' ');
}

/** A UUID made from a key's SHA-256 (version 8): the author id that key, and only that key, signs for. */
export function authorIdForKey(publicKeyBase64: string): string {
  return uuidFromDigest(sha256Digest(Buffer.from(publicKeyBase64, 'base64')));
}

/**
 * The author id given to an item from an unsigned bundle: derived from the id it claims,
 * so it can never be the id of a key (and never the analyst's own), but stays stable
 * across imports of the same item.
 */
export function unverifiedAuthorId(claimedId: string): string {
  return uuidFromDigest(sha256Digest(`marginalia unverified author\0${claimedId}`));
}

function uuidFromDigest(digest: Buffer): string {
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A fresh Ed25519 key pair, both halves as base64 DER. */
export function newKeyPair(): { publicKey: string; privateKey: string } {
  const pair = generateKeyPairSync('ed25519');
  return {
    publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

export function verifySignature(publicKeyBase64: string, data: Uint8Array, signatureBase64: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, data, key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

export interface LocalIdentity {
  authorId: string;
  displayName: string;
  publicKey: string;
  fingerprint: string;
}

export class IdentityRepository {
  constructor(
    private readonly db: Database,
    private readonly profile: ProfileRepository,
  ) {}

  private keys(): { publicKey: string; privateKey: string } {
    this.profile.read();
    const row = this.db
      .prepare<[], { public_key: string; private_key: string }>(
        'SELECT public_key, private_key FROM profile WHERE id = 1',
      )
      .get()!;
    if (row.public_key !== '' && row.private_key !== '')
      return { publicKey: row.public_key, privateKey: row.private_key };
    // Profiles get their key when made (and migration 7 gave older ones theirs); this is a
    // last resort that keeps the author id bound to the key it makes.
    const { publicKey, privateKey } = newKeyPair();
    this.db
      .prepare("UPDATE profile SET public_key = ?, private_key = ?, author_id = ? WHERE id = 1 AND public_key = ''")
      .run(publicKey, privateKey, authorIdForKey(publicKey));
    return this.keys();
  }

  identity(): LocalIdentity {
    const { authorId, displayName } = this.profile.read();
    const { publicKey } = this.keys();
    return { authorId, displayName, publicKey, fingerprint: fingerprintOf(publicKey) };
  }

  sign(data: Uint8Array): string {
    const key = createPrivateKey({ key: Buffer.from(this.keys().privateKey, 'base64'), format: 'der', type: 'pkcs8' });
    return sign(null, data, key).toString('base64');
  }
}

export class KnownKeysRepository {
  constructor(private readonly db: Database) {}

  isKnown(fingerprint: string): boolean {
    return this.db.prepare('SELECT 1 FROM known_keys WHERE fingerprint = ?').get(fingerprint) !== undefined;
  }

  remember(fingerprint: string, publicKey: string, displayName: string, now = new Date().toISOString()): void {
    this.db
      .prepare(
        `INSERT INTO known_keys (fingerprint, public_key, display_name, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (fingerprint) DO UPDATE SET display_name = excluded.display_name, last_seen_at = excluded.last_seen_at`,
      )
      .run(fingerprint, publicKey, displayName, now, now);
  }

  list(): KnownKey[] {
    return this.db
      .prepare<[], { fingerprint: string; display_name: string; first_seen_at: string; last_seen_at: string }>(
        'SELECT fingerprint, display_name, first_seen_at, last_seen_at FROM known_keys ORDER BY display_name COLLATE NOCASE, fingerprint',
      )
      .all()
      .map((row) => ({
        fingerprint: row.fingerprint,
        displayName: row.display_name,
        firstSeenAt: row.first_seen_at,
        lastSeenAt: row.last_seen_at,
      }));
  }

  forget(fingerprint: string): boolean {
    return this.db.prepare('DELETE FROM known_keys WHERE fingerprint = ?').run(fingerprint).changes > 0;
  }
}
