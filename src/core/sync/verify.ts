// Every difference between the library and the workspace files, read from both afresh:
// unreadable files, documents without a file, files naming a document the library lacks,
// two files naming one document, and each annotation in the library but in no file (or the reverse).
import { readdirSync } from 'node:fs';
import type { MergeFields } from '../../shared/sidecar';
import { SIDECAR_SUFFIX, mergeFieldsOf } from '../../shared/sidecar';
import { idFromUrn, isReply } from '../../shared/web-annotation';
import { parseSidecarFile } from './sidecar-file';
import { CONFLICT_FILE, entryKind, isSymbolicLink, readWorkspaceFile } from './workspace-files';

export interface VerifySources {
  dir: string;
  maxJsonBytes: number;
  documents: ReadonlyArray<{ id: string; title: string }>;
  /** The sidecar name the sync records for a document, if it has synced it. */
  recordedName(documentId: string): string | undefined;
  /** The hash of a document's text in the library. */
  textSha256Of(documentId: string): string;
  /** The merge fields of each of a document's annotations in the library. */
  annotationsOf(documentId: string): Map<string, MergeFields>;
}

interface SidecarFacts {
  documentId: string;
  sourceFile: string;
  textSha256: string;
  items: Map<string, MergeFields>;
}

function fieldsOfFile(facts: SidecarFacts): Map<string, string> {
  return new Map([...facts.items].map(([id, fields]) => [id, JSON.stringify(fields)]));
}

/** Each sidecar in the folder read and parsed; unreadable ones become differences. */
function readSidecars(sources: VerifySources, differences: string[]): Map<string, SidecarFacts> {
  const files = new Map<string, SidecarFacts>();
  let listed: string[];
  try {
    listed = readdirSync(sources.dir);
  } catch (error) {
    differences.push(
      `The workspace folder ${sources.dir} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    );
    return files;
  }
  const names = listed.filter((name) => name.endsWith(SIDECAR_SUFFIX) && !CONFLICT_FILE.test(name)).sort();
  for (const name of names) {
    const read = readWorkspaceFile(sources.dir, name, sources.maxJsonBytes);
    if (!read.ok) {
      if (!read.missing) differences.push(`${name}:0:0: ${read.message}`);
      continue;
    }
    const parsed = parseSidecarFile(read.bytes);
    if (!parsed.ok) {
      differences.push(`${name}:${parsed.fault.line}:${parsed.fault.column}: ${parsed.fault.message}`);
      continue;
    }
    const items = new Map(
      parsed.value.items.filter((item) => !isReply(item)).map((item) => [idFromUrn(item.id), mergeFieldsOf(item)]),
    );
    const { id, sourceFile, textSha256 } = parsed.value.marginalia.document;
    files.set(name, { documentId: id, sourceFile, textSha256, items });
  }
  return files;
}

function compare(name: string, inStore: Map<string, string>, inFile: Map<string, string>, differences: string[]): void {
  for (const [id, fields] of inStore) {
    if (!inFile.has(id)) differences.push(`${name}: annotation ${id} is in the library but not in the file.`);
    else if (inFile.get(id) !== fields)
      differences.push(`${name}: annotation ${id} differs between the library and the file.`);
  }
  for (const id of inFile.keys())
    if (!inStore.has(id)) differences.push(`${name}: annotation ${id} is in the file but not in the library.`);
}

/** One document against the files naming it: the recorded one in full, any other as a copy. */
function verifyDocument(
  document: { id: string; title: string },
  claims: string[],
  files: Map<string, SidecarFacts>,
  sources: VerifySources,
  differences: string[],
): void {
  const inStore = new Map([...sources.annotationsOf(document.id)].map(([id, fields]) => [id, JSON.stringify(fields)]));
  const recorded = sources.recordedName(document.id);
  if (claims.length === 0) {
    differences.push(recorded ? `${recorded} is missing.` : `“${document.title}” has no file in the workspace.`);
    for (const id of inStore.keys())
      differences.push(`annotation ${id} of “${document.title}” is in the library but in no file.`);
    return;
  }
  const main = recorded && claims.includes(recorded) ? recorded : claims[0]!;
  const facts = files.get(main)!;
  compare(main, inStore, fieldsOfFile(facts), differences);
  const text = sources.textSha256Of(document.id);
  if (facts.textSha256 !== '' && facts.textSha256 !== text) {
    differences.push(
      `${main}: the text of “${document.title}” differs between the library (version ${text.slice(0, 7)}) ` +
        `and the file (version ${facts.textSha256.slice(0, 7)}).`,
    );
  }
  const source = entryKind(sources.dir, facts.sourceFile);
  if (source !== 'missing' && source !== 'file') differences.push(`${facts.sourceFile}:0:0: ${source.message}`);
  for (const copy of claims.filter((name) => name !== main)) {
    differences.push(
      `${copy} names the same document as ${main} (“${document.title}”): it is a copy, and is not synced. Merge it from the sync dialog, or delete it.`,
    );
    for (const id of files.get(copy)!.items.keys())
      if (!inStore.has(id)) differences.push(`${copy}: annotation ${id} is in the file but not in the library.`);
  }
}

/** A symbolic link anywhere in the folder is never read; it is named unless already reported as the file it stands for. */
function reportLinks(dir: string, differences: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // already reported as a folder that cannot be read
  }
  for (const name of names.sort()) {
    if (isSymbolicLink(dir, name) && !differences.some((difference) => difference.startsWith(`${name}:`))) {
      differences.push(
        `${name}:0:0: It is a symbolic link, so it is not synced: the sync reads only regular files inside the workspace folder.`,
      );
    }
  }
}

export function workspaceDifferences(sources: VerifySources): string[] {
  const differences: string[] = [];
  const files = readSidecars(sources, differences);
  const claims = new Map<string, string[]>();
  for (const [name, facts] of files) claims.set(facts.documentId, [...(claims.get(facts.documentId) ?? []), name]);
  for (const document of sources.documents) {
    verifyDocument(document, claims.get(document.id) ?? [], files, sources, differences);
    claims.delete(document.id);
  }
  for (const [documentId, names] of claims) {
    for (const name of names) {
      differences.push(`${name}: its document ${documentId} is not in the library.`);
      for (const id of files.get(name)!.items.keys())
        differences.push(`${name}: annotation ${id} is in the file but not in the library.`);
    }
  }
  reportLinks(sources.dir, differences);
  return differences;
}
