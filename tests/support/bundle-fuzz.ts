// Mutated and malicious note bundles, from a seed: for the fuzz test (a few hundred) and
// the bundle benchmark (ten thousand and more).
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function rezip(
  bytes: Uint8Array,
  change: (files: Record<string, Uint8Array | [Uint8Array, { os: number; attrs: number }]>) => void,
): Uint8Array {
  const files: Record<string, Uint8Array | [Uint8Array, { os: number; attrs: number }]> = { ...unzipSync(bytes) };
  change(files);
  return zipSync(files);
}

function mutateText(random: Random, text: string): string {
  const hostile = [
    '"__proto__":{"polluted":1},',
    '[[[[[[[[[[',
    '"constructor":{"prototype":{"polluted":1}},',
    'null',
    '-1',
    '1e309',
    '"\\u0000"',
    '"urn:uuid:../../etc/passwd"',
    '{}',
    '""',
    '"x"',
  ];
  const at = Math.floor(random() * (text.length + 1));
  switch (Math.floor(random() * 4)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 40));
    case 1:
      return text.slice(0, at) + pick(random, hostile) + text.slice(at);
    case 2: {
      const value = pick(random, ['0', '"', '}', ']', ',', ':', 'true', '9999999999']);
      return text.slice(0, at) + value + text.slice(at + value.length);
    }
    default:
      return text.replace(
        /"(start|end|total|annotations|formatVersion)":\s*\d+/,
        `"$1": ${pick(random, ['-5', '1e12', '0.5', '"7"'])}`,
      );
  }
}

/** 58 MB of zeros in a few tens of kilobytes; made once, it takes a while to deflate. */
let zipBomb: Uint8Array | undefined;

/** One mutated or malicious variant of a valid bundle, and what kind it is. */
export function mutateBundle(random: Random, valid: Uint8Array): { kind: string; bytes: Uint8Array } {
  const kinds = [
    'bit flips',
    'truncated',
    'entry edited',
    'entry edited, unsigned',
    'zip slip',
    'absolute path',
    'symlink',
    'zip bomb',
    'deep json',
    'duplicate ids',
    'bad signature',
    'extra entry',
    'huge string',
  ];
  const kind = pick(random, kinds);
  switch (kind) {
    case 'bit flips': {
      const bytes = Uint8Array.from(valid);
      const flips = 1 + Math.floor(random() * 8);
      for (let index = 0; index < flips; index++)
        bytes[Math.floor(random() * bytes.length)]! ^= 1 << Math.floor(random() * 8);
      return { kind, bytes };
    }
    case 'truncated':
      return { kind, bytes: valid.subarray(0, Math.floor(random() * valid.length)) };
    case 'entry edited':
    case 'entry edited, unsigned':
      return {
        kind,
        bytes: rezip(valid, (files) => {
          const names = Object.keys(files).filter((name) => name !== 'signature.json');
          const name = pick(random, names);
          files[name] = strToU8(mutateText(random, strFromU8(files[name] as Uint8Array)));
          if (kind.endsWith('unsigned')) delete files['signature.json'];
        }),
      };
    case 'zip slip':
      return {
        kind,
        bytes: rezip(
          valid,
          (files) =>
            void (files[pick(random, ['../evil.json', 'documents/../../evil.json', '..\\evil.json'])] = strToU8('{}')),
        ),
      };
    case 'absolute path':
      return {
        kind,
        bytes: rezip(
          valid,
          (files) =>
            void (files[pick(random, ['/tmp/evil.json', 'C:/evil.json', '//server/evil.json'])] = strToU8('{}')),
        ),
      };
    case 'symlink':
      return {
        kind,
        bytes: rezip(
          valid,
          (files) => void (files['documents/9.json'] = [strToU8('/etc/passwd'), { os: 3, attrs: 0o120777 << 16 }]),
        ),
      };
    case 'zip bomb':
      zipBomb ??= zipSync(
        { 'manifest.json': new Uint8Array(8 * 1024 * 1024), 'annotations.jsonld': new Uint8Array(50 * 1024 * 1024) },
        { level: 9 },
      );
      return { kind, bytes: zipBomb };
    case 'deep json':
      return {
        kind,
        bytes: rezip(
          valid,
          (files) =>
            void (files[pick(random, ['manifest.json', 'annotations.jsonld', 'tags.json'])] = strToU8(
              `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
            )),
        ),
      };
    case 'duplicate ids':
      return {
        kind,
        bytes: rezip(valid, (files) => {
          const collection = JSON.parse(strFromU8(files['annotations.jsonld'] as Uint8Array)) as {
            first?: { items: unknown[] };
          };
          if (collection.first) collection.first.items.push(collection.first.items[0]);
          files['annotations.jsonld'] = strToU8(JSON.stringify(collection));
          delete files['signature.json'];
        }),
      };
    case 'bad signature':
      return {
        kind,
        bytes: rezip(valid, (files) => {
          const signature = JSON.parse(strFromU8(files['signature.json'] as Uint8Array)) as { signature: string };
          signature.signature = Buffer.from(Array.from({ length: 64 }, () => Math.floor(random() * 256))).toString(
            'base64',
          );
          files['signature.json'] = strToU8(JSON.stringify(signature));
        }),
      };
    case 'extra entry':
      return {
        kind,
        bytes: rezip(
          valid,
          (files) =>
            void (files[pick(random, ['evil.sh', 'documents/x.json', '.hidden', 'manifest.json.bak'])] =
              strToU8('#!/bin/sh')),
        ),
      };
    default:
      return {
        kind,
        bytes: rezip(valid, (files) => {
          const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as { creator: { name: string } };
          manifest.creator.name = 'x'.repeat(5_000_000);
          files['manifest.json'] = strToU8(JSON.stringify(manifest));
          delete files['signature.json'];
        }),
      };
  }
}
