// The package structure shared by Office files: relationships name the parts (the main
// document, its comments, the core properties), and docProps/core.xml holds title, author, date.
// mammoth's own XML parser (bundled once with it), where jsdom would take a second more to
// load: it fetches nothing and expands no entity a DTD declares.
import { DOMParser } from '@xmldom/xmldom';
import { UserFacingError } from '../../../shared/result';
import type { SourceFacts } from './format-reader';
import { assertShallow, attr, byLocalName, decodeXml, firstText } from './xml';
import { resolvePart } from './zip-archive';

export type Parts = ReadonlyMap<string, Uint8Array>;

/**
 * An Office part parsed, or INVALID_INPUT naming the part and the file. As strict as mammoth
 * is with the same parser: anything it warns of (a tag left open) is not well-formed.
 */
export function parseOfficeXml(bytes: Uint8Array, part: string, label: string): Document {
  const text = decodeXml(bytes);
  assertShallow(text, `“${part}” in ${label}`);
  let faults = 0;
  let document: Document | undefined;
  try {
    const parser = new DOMParser({ errorHandler: () => (faults += 1) });
    document = parser.parseFromString(text, 'application/xml');
  } catch {
    faults += 1;
  }
  if (faults > 0 || !document?.documentElement)
    throw new UserFacingError('INVALID_INPUT', `“${part}” in ${label} is not well-formed XML; nothing was imported.`);
  return document;
}

/** The target of the first relationship of this type (matched by its last path segment) in a .rels part. */
export function relationshipTarget(parts: Parts, relsName: string, type: string, label: string): string | undefined {
  const bytes = parts.get(relsName);
  if (!bytes) return undefined;
  const folder = relsName.replace(/_rels\/[^/]*$/, '');
  for (const relationship of byLocalName(parseOfficeXml(bytes, relsName, label), 'Relationship')) {
    if (attr(relationship, 'Type').split('/').pop() !== type) continue;
    if (attr(relationship, 'TargetMode') === 'External') continue;
    return resolvePart(folder, attr(relationship, 'Target'));
  }
  return undefined;
}

/** The .rels part that belongs to a part: word/document.xml -> word/_rels/document.xml.rels. */
export function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export interface CoreProperties {
  title: string;
  author: string;
  createdAt: string;
}

/**
 * The creator names programs write when no one named the author: the `docx` package's
 * "Un-named", python-docx's own name, Word's and LibreOffice's stand-ins. They name no one, so
 * they are no author; the Source panel and the cover showed “Author: Un-named” (trial).
 */
const PLACEHOLDER_AUTHORS = new Set(['un-named', 'unnamed', 'python-docx', 'author', 'unknown', 'user', 'owner']);

const realAuthor = (creator: string): string => (PLACEHOLDER_AUTHORS.has(creator.trim().toLowerCase()) ? '' : creator);

export function coreProperties(parts: Parts, label: string): CoreProperties {
  const name = relationshipTarget(parts, '_rels/.rels', 'core-properties', label) ?? 'docProps/core.xml';
  const bytes = parts.get(name);
  if (!bytes) return { title: '', author: '', createdAt: '' };
  const core = parseOfficeXml(bytes, name, label);
  const created = Date.parse(firstText(core, 'created'));
  return {
    title: firstText(core, 'title'),
    author: realAuthor(firstText(core, 'creator')),
    createdAt: Number.isFinite(created) ? new Date(created).toISOString() : '',
  };
}

/** Facts without empty strings: the Source panel shows only what the file says. */
export function factsFrom(importer: string, core: CoreProperties): SourceFacts {
  return {
    importer,
    ...(core.author !== '' ? { author: core.author } : {}),
    ...(core.createdAt !== '' ? { createdAt: core.createdAt } : {}),
  };
}
