// Reads the JSON files of a workspace (sidecars and tags.json) from their bytes: valid UTF-8,
// not nested too deep, valid JSON, the right shape, or a problem with the line and column.
import type { z } from 'zod';
import { BUNDLE_LIMITS, jsonDepthExceeds, tagsEntrySchema } from '../../shared/bundle-schemas';
import { sidecarSchema } from '../../shared/sidecar';
import { describeJsonError, describeSchemaIssue } from '../../shared/schema-messages';
import type { Sidecar } from '../../shared/sidecar';
import { decodeUtf8 } from './workspace-files';

/** What is wrong with a file, and where (1-based; 0 when it is the file as a whole). */
export interface FileFault {
  line: number;
  column: number;
  message: string;
}

export type Parsed<T> = { ok: true; value: T; text: string } | { ok: false; fault: FileFault };

/** Line and column (1-based) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function faultAt(text: string, offset: number, message: string): { ok: false; fault: FileFault } {
  return { ok: false, fault: { ...lineAndColumn(text, offset), message } };
}

/** UTF-8 text holding JSON no deeper than the bundle limit, parsed. */
function parseJson(bytes: Uint8Array): Parsed<unknown> {
  const text = decodeUtf8(bytes);
  if (text === undefined) return { ok: false, fault: { line: 0, column: 0, message: 'The file is not UTF-8 text.' } };
  if (jsonDepthExceeds(text, BUNDLE_LIMITS.jsonDepth))
    return faultAt(text, 0, `The JSON is nested more than ${BUNDLE_LIMITS.jsonDepth} levels deep.`);
  try {
    return { ok: true, value: JSON.parse(text) as unknown, text };
  } catch (error) {
    const raw = (error as Error).message;
    const message = `Not valid JSON: ${describeJsonError(raw)}`;
    const lineColumn = /line (\d+) column (\d+)/.exec(raw);
    if (lineColumn)
      return { ok: false, fault: { line: Number(lineColumn[1]), column: Number(lineColumn[2]), message } };
    const position = /position (\d+)/.exec(raw);
    return faultAt(text, position ? Number(position[1]) : text.length, message);
  }
}

/** Parses with a zod schema, pointing at the first bad item's id when there is one. */
function parseShaped<T>(bytes: Uint8Array, schema: z.ZodType<T>): Parsed<T> {
  const json = parseJson(bytes);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return { ok: true, value: parsed.data, text: json.text };
  const issue = parsed.error.issues[0]!;
  const itemIndex = issue.path[0] === 'items' && typeof issue.path[1] === 'number' ? issue.path[1] : -1;
  const itemId =
    itemIndex >= 0 ? (json.value as { items?: Array<{ id?: unknown }> }).items?.[itemIndex]?.id : undefined;
  const offset = typeof itemId === 'string' ? Math.max(0, json.text.indexOf(JSON.stringify(itemId))) : 0;
  return faultAt(json.text, offset, describeSchemaIssue(issue, json.value));
}

export function parseSidecarFile(bytes: Uint8Array): Parsed<Sidecar> {
  return parseShaped(bytes, sidecarSchema) as unknown as Parsed<Sidecar>;
}

export function parseTagsFile(bytes: Uint8Array): Parsed<z.infer<typeof tagsEntrySchema>> {
  return parseShaped(bytes, tagsEntrySchema);
}
