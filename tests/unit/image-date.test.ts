import { describe, expect, it } from 'vitest';
import { imageDate } from '../../src/core/import/ocr/image-date';

// An image's own date, read from its header bytes: the Source panel's Captured for a photo or scan.

/** A little-endian TIFF structure: IFD0 with DateTime and, if given, an EXIF IFD with DateTimeOriginal and its zone. */
function tiffStructure(dateTime: string, exif?: { original: string; zone?: string }): Buffer {
  const ascii = (text: string) => Buffer.from(`${text}\0`, 'latin1');
  const entries0: Array<[number, number, number, number]> = []; // tag, type, count, value or offset
  const data: Buffer[] = [];
  const ifd0At = 8;
  const ifd0Entries = exif ? 2 : 1;
  const ifd0Size = 2 + ifd0Entries * 12 + 4;
  const exifEntries = exif ? (exif.zone ? 2 : 1) : 0;
  const exifAt = ifd0At + ifd0Size;
  const exifSize = exif ? 2 + exifEntries * 12 + 4 : 0;
  let dataAt = exifAt + exifSize;
  const put = (bytes: Buffer): number => {
    const at = dataAt;
    data.push(bytes);
    dataAt += bytes.length;
    return at;
  };
  const dt = ascii(dateTime);
  entries0.push([0x0132, 2, dt.length, put(dt)]);
  if (exif) entries0.push([0x8769, 4, 1, exifAt]);
  const exifList: Array<[number, number, number, number]> = [];
  if (exif) {
    const original = ascii(exif.original);
    exifList.push([0x9003, 2, original.length, put(original)]);
    if (exif.zone) {
      const zone = ascii(exif.zone);
      exifList.push([0x9011, 2, zone.length, put(zone)]);
    }
  }
  const ifd = (list: Array<[number, number, number, number]>): Buffer => {
    const out = Buffer.alloc(2 + list.length * 12 + 4);
    out.writeUInt16LE(list.length, 0);
    list.forEach(([tag, type, count, value], i) => {
      out.writeUInt16LE(tag, 2 + i * 12);
      out.writeUInt16LE(type, 4 + i * 12);
      out.writeUInt32LE(count, 6 + i * 12);
      out.writeUInt32LE(value, 10 + i * 12);
    });
    return out;
  };
  const header = Buffer.from([0x49, 0x49, 42, 0, ifd0At, 0, 0, 0]);
  return Buffer.concat([header, ifd(entries0), ...(exif ? [ifd(exifList)] : []), ...data]);
}

function jpegWithExif(tiff: Buffer): Buffer {
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), length, payload, Buffer.from([0xff, 0xda, 0, 2])]);
}

describe('an image’s own date', () => {
  it('is a JPEG’s EXIF DateTimeOriginal, with its zone when the file gives one', () => {
    const zoned = tiffStructure('2024:01:01 00:00:00', { original: '2025:10:11 10:00:00', zone: '+02:00' });
    expect(imageDate('jpeg', jpegWithExif(zoned))).toBe('2025-10-11T08:00:00.000Z');
    const plain = tiffStructure('2024:01:01 00:00:00', { original: '2025:10:11 10:00:00' });
    expect(imageDate('jpeg', jpegWithExif(plain))).toBe('2025-10-11T10:00:00.000Z');
  });

  it('is a TIFF’s DateTime when it has no EXIF date', () => {
    expect(imageDate('tiff', tiffStructure('2023:03:05 14:15:16'))).toBe('2023-03-05T14:15:16.000Z');
  });

  it('is none for a date that is not one, a JPEG without EXIF, or bytes cut short', () => {
    expect(imageDate('tiff', tiffStructure('2023:02:30 14:15:16'))).toBe('');
    expect(imageDate('tiff', tiffStructure('    :  :     :  :  '))).toBe('');
    expect(imageDate('jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBe('');
    expect(imageDate('jpeg', jpegWithExif(tiffStructure('2023:03:05 14:15:16')).subarray(0, 20))).toBe('');
    expect(imageDate('png', Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'))).toBe('');
  });
});
