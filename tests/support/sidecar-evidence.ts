// Reading and hand-editing a workspace's sidecars in the evidence tests: a document's sidecar
// found by its id, its annotations' assessing bodies (grades) and its linking annotations.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FileBody {
  purpose: string;
  value: string;
  creator?: { id: string; type: string };
  created?: string;
  modified?: string;
  marginalia?: { credibility: string; sources: string[]; scheme?: string };
}

export interface FileItem {
  id: string;
  type?: string;
  motivation: string;
  created: string;
  modified?: string;
  creator: { id: string; type: string; name?: string };
  body?: FileBody[] | string;
  target: unknown;
  marginalia?: Record<string, unknown>;
}

export interface FileSidecar {
  marginalia: {
    document: { id: string };
    tombstones: unknown[];
    gradeTombstones?: Array<{ annotationId: string; authorId: string; deletedAt: string }>;
    linkTombstones?: Array<{ id: string; kind: string; fromId: string; toId: string }>;
  };
  total: number;
  first?: { items: FileItem[] };
}

/** The path of the sidecar holding a document. */
export function sidecarOf(workspace: string, documentId: string): string {
  for (const name of readdirSync(workspace).filter((file) => file.endsWith('.annotations.json'))) {
    const sidecar = JSON.parse(readFileSync(join(workspace, name), 'utf8')) as FileSidecar;
    if (sidecar.marginalia.document.id === documentId) return join(workspace, name);
  }
  throw new Error(`No sidecar holds document ${documentId}`);
}

export function readSidecarAt(path: string): FileSidecar {
  return JSON.parse(readFileSync(path, 'utf8')) as FileSidecar;
}

/** Rewrites a sidecar by hand (a person's editor): `change` edits it in place; `total` follows its items. */
export function editSidecar(path: string, change: (sidecar: FileSidecar) => void): void {
  const sidecar = readSidecarAt(path);
  change(sidecar);
  sidecar.total = sidecar.first?.items.length ?? 0;
  writeFileSync(path, JSON.stringify(sidecar, null, 2));
}

export function itemsOf(sidecar: FileSidecar): FileItem[] {
  return sidecar.first?.items ?? [];
}

export function annotationItem(sidecar: FileSidecar, annotationId: string): FileItem {
  const item = itemsOf(sidecar).find((one) => one.id === `urn:uuid:${annotationId}`);
  if (!item) throw new Error(`No annotation ${annotationId} in the sidecar`);
  return item;
}

/** The annotation's grade in the file, if it has one. */
export function assessingBodyOf(sidecar: FileSidecar, annotationId: string): FileBody | undefined {
  const body = annotationItem(sidecar, annotationId).body;
  return Array.isArray(body) ? body.find((one) => one.purpose === 'assessing') : undefined;
}

export function linkingItems(sidecar: FileSidecar): FileItem[] {
  return itemsOf(sidecar).filter((item) => item.motivation === 'linking');
}
