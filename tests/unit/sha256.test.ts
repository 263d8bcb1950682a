import { describe, expect, it } from 'vitest';
import { sha256Digest, sha256Hex } from '../../src/core/files/sha256';
import { authorIdForKey, fingerprintOf } from '../../src/core/identity';

describe('the one SHA-256 helper', () => {
  it('gives the well-known digest of the empty input and of "abc"', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes a string as its UTF-8 bytes, so text and the file holding it agree', () => {
    const text = 'Sabratha — “quoted”';
    expect(sha256Hex(text)).toBe(sha256Hex(new TextEncoder().encode(text)));
  });

  it('returns the same digest as raw bytes and as hex', () => {
    expect(sha256Digest('abc').toString('hex')).toBe(sha256Hex('abc'));
    expect(sha256Digest('abc')).toHaveLength(32);
  });

  it('keeps key fingerprints and author ids derived from the same digest', () => {
    const key = Buffer.from('a public key').toString('base64');
    expect(fingerprintOf(key).replace(/ /g, '')).toBe(sha256Hex('a public key').slice(0, 40));
    expect(authorIdForKey(key).replace(/-/g, '').slice(0, 12)).toBe(sha256Hex('a public key').slice(0, 12));
  });
});
