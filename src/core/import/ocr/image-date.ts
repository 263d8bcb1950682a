// An image's own date, for the Source panel's Captured row: when the photo was taken or the
// page scanned, as the file records it. Read from the bytes, never decoding a pixel: a PNG's
// tIME chunk, a JPEG's EXIF (DateTimeOriginal, else DateTime) and a TIFF's first directory.
import type { ImageKind } from './image-header';

const TIFF_DATE_TIME = 0x0132;
const EXIF_POINTER = 0x8769;
const EXIF_DATE_TIME_ORIGINAL = 0x9003;
const EXIF_OFFSET_TIME = 0x9010;
const EXIF_OFFSET_TIME_ORIGINAL = 0x9011;
const ASCII = 2;
const LONG = 4;

/** The image's own date as ISO 8601, or '' when it records none that is a real date. */
export function imageDate(kind: ImageKind, bytes: Uint8Array): string {
  try {
    if (kind === 'png') return pngDate(bytes);
    if (kind === 'jpeg') return jpegDate(bytes);
    return tiffDate(bytes, 0, bytes.length);
  } catch {
    // A date is a nicety: a damaged header gives none, and the image still imports.
    return '';
  }
}

function pngDate(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 12 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'IDAT' || type === 'IEND') return '';
    if (type === 'tIME' && length === 7) {
      const d = at + 8;
      // tIME is the image's last modification, in UTC.
      return isoOf(view.getUint16(d), bytes[d + 2]!, bytes[d + 3]!, bytes[d + 4]!, bytes[d + 5]!, bytes[d + 6]!, 'Z');
    }
    at += 12 + length;
  }
  return '';
}

function jpegDate(bytes: Uint8Array): string {
  for (let at = 2; at + 4 <= bytes.length;) {
    if (bytes[at] !== 0xff) return '';
    const marker = bytes[at + 1]!;
    // Start of scan: the headers are over.
    if (marker === 0xda) return '';
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const exif = at + 4;
    if (marker === 0xe1 && String.fromCharCode(...bytes.subarray(exif, exif + 6)) === 'Exif\0\0') {
      return tiffDate(bytes, exif + 6, at + 2 + length);
    }
    at += 2 + length;
  }
  return '';
}

interface Entry {
  type: number;
  count: number;
  /** Where the value is: inside the entry when it fits in 4 bytes, else at its offset. */
  valueAt: number;
}

/** DateTimeOriginal from the EXIF directory, else the first directory's DateTime; a zone when EXIF gives one. */
function tiffDate(bytes: Uint8Array, start: number, end: number): string {
  // Never past the bytes given: their buffer may hold more (a Buffer's pool), which is not this file.
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, Math.min(end, bytes.length) - start);
  const little = view.getUint16(0) === 0x4949;
  const u16 = (at: number): number => view.getUint16(at, little);
  const u32 = (at: number): number => view.getUint32(at, little);
  const directory = (offset: number): Map<number, Entry> => {
    const entries = new Map<number, Entry>();
    const count = u16(offset);
    for (let i = 0; i < Math.min(count, 1000); i += 1) {
      const at = offset + 2 + i * 12;
      const type = u16(at + 2);
      const countOf = u32(at + 4);
      const size = type === ASCII ? countOf : 4 * countOf;
      entries.set(u16(at), { type, count: countOf, valueAt: size <= 4 ? at + 8 : u32(at + 8) });
    }
    return entries;
  };
  const text = (entry: Entry | undefined): string => {
    if (entry?.type !== ASCII) return '';
    const length = Math.min(entry.count, 64, view.byteLength - entry.valueAt);
    if (length <= 0) return '';
    const chars = new Uint8Array(view.buffer, view.byteOffset + entry.valueAt, length);
    return String.fromCharCode(...chars).replace(/\0[^]*$/, '');
  };
  const first = directory(u32(4));
  const pointer = first.get(EXIF_POINTER);
  const exif = pointer && pointer.type === LONG ? directory(u32(pointer.valueAt)) : new Map<number, Entry>();
  const original = text(exif.get(EXIF_DATE_TIME_ORIGINAL));
  if (original !== '') return exifDate(original, text(exif.get(EXIF_OFFSET_TIME_ORIGINAL)));
  return exifDate(text(first.get(TIFF_DATE_TIME)), text(exif.get(EXIF_OFFSET_TIME)));
}

/** "2025:10:11 10:00:00" with its zone ("+02:00") when the file gives one, else read as UTC. */
function exifDate(value: string, zone: string): string {
  const match = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value);
  if (!match) return '';
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return isoOf(year, month, day, hour, minute, second, /^[+-]\d{2}:\d{2}$/.test(zone) ? zone : 'Z');
}

function isoOf(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: string) {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${zone}`;
  const time = Date.parse(text);
  // A month 13 or a 30 February is no date; Date.parse would roll it over, so check it round-trips.
  if (Number.isNaN(time) || year < 1900) return '';
  const back = new Date(time + (zone === 'Z' ? 0 : zoneMinutes(zone) * 60_000));
  if (back.getUTCMonth() + 1 !== month || back.getUTCDate() !== day) return '';
  return new Date(time).toISOString();
}

function zoneMinutes(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}
