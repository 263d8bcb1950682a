// A document whose text was edited in the app no longer imports to that text from its source
// file, so the workspace carries the edited text as `<slug>.text.json` (the canonical Lexical
// structure) and an empty library restores from it. The file is hostile when read: a regular
// file inside the folder, capped, UTF-8, rebuilt from known node types only.
import { rebuildIncomingDocument } from '../../shared/incoming-document';
import { sha256Hex } from '../files/sha256';
import { decodeUtf8, readWorkspaceFile } from './workspace-files';

export const EDITED_TEXT_SUFFIX = '.text.json';

export interface EditedText {
  lexicalJson: string;
  canonicalText: string;
  textSha256: string;
}

export type EditedTextRead = { ok: true; text: EditedText } | { ok: false; missing: boolean; message: string };

export function editedTextName(slug: string): string {
  return `${slug}${EDITED_TEXT_SUFFIX}`;
}

/** What the app writes: the structure as the store keeps it (already canonical), with a final newline. */
export function serializeEditedText(lexicalJson: string): string {
  return `${lexicalJson}\n`;
}

/** Reads `<slug>.text.json`, rebuilding its structure as any document from outside is rebuilt. */
export function readEditedText(dir: string, name: string, maxBytes: number): EditedTextRead {
  const read = readWorkspaceFile(dir, name, maxBytes);
  if (!read.ok) return read;
  const json = decodeUtf8(read.bytes);
  if (json === undefined) return { ok: false, missing: false, message: 'The file is not UTF-8 text.' };
  try {
    const rebuilt = rebuildIncomingDocument(json);
    return {
      ok: true,
      text: { lexicalJson: rebuilt.lexicalJson, canonicalText: rebuilt.text, textSha256: sha256Hex(rebuilt.text) },
    };
  } catch (error) {
    return { ok: false, missing: false, message: `It is not a document's text: ${(error as Error).message}` };
  }
}
