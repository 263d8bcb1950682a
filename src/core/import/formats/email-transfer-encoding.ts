// A forwarded message's part decoded from base64 or quoted-printable and encoded back the same
// way, so its raw 8-bit headers can be read in their charset before postal-mime sees them.
import type { EncodedMessage } from './email-header-sections';

/** The part's body (latin1 text, a character a byte) as the message's bytes. */
export function decodeTransfer(body: string, encoding: EncodedMessage['encoding']): Buffer {
  if (encoding === 'base64') return Buffer.from(body, 'base64');
  // Soft line breaks join lines; each =XX is a byte; any other character is its own byte.
  const joined = body.replace(/=[ \t]*\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
}

/**
 * The message's bytes encoded back as the part declared, lines ending in `newline` as the part's
 * did. Only postal-mime reads them (the kept original is the file's own), so quoted-printable
 * lines are not folded at 76 characters: it reads longer ones as they are.
 */
export function encodeTransfer(bytes: Uint8Array, encoding: EncodedMessage['encoding'], newline: string): string {
  if (encoding === 'base64')
    return (
      Buffer.from(bytes)
        .toString('base64')
        .match(/.{1,76}/g) ?? []
    ).join(newline);
  return Buffer.from(bytes)
    .toString('latin1')
    .split(/\r?\n/)
    .map((line) => line.replace(/[^\t\x20-\x3c\x3e-\x7e]|[ \t]$/g, hexByte))
    .join(newline);
}

function hexByte(char: string): string {
  return `=${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}
