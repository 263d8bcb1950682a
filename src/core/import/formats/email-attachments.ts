// A message's attachments as files carried inside the document: safe names, bounded count,
// each with its size and SHA-256 so the pipeline can store and de-duplicate them.
import type { Attachment } from 'postal-mime';
import { sha256Hex } from '../../files/sha256';
import { UserFacingError } from '../../../shared/result';
import type { CarriedFile } from './format-reader';

export const MAX_ATTACHMENTS = 200;

const MAX_NAME_LENGTH = 180;

/** Extensions for unnamed attachments of common types, so the saved file opens in the right program. */
const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'text/plain': 'txt',
  'text/html': 'html',
  'text/calendar': 'ics',
  'message/rfc822': 'eml',
};

/**
 * The last path segment of a name the sender chose, without control or direction-override
 * characters (which can disguise "gpj.exe" as "exe.jpg"), without leading dots (hidden files,
 * ".."), and bounded in length with its extension kept; empty when nothing usable is left.
 */
export function sanitizeFileName(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
}

/** "report.pdf", then "report (2).pdf": the pipeline may save them side by side. */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${stem} (${n})${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function contentBytes(content: Attachment['content']): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

export function carriedFiles(attachments: readonly Attachment[], sourceName: string): CarriedFile[] {
  if (attachments.length > MAX_ATTACHMENTS) {
    throw new UserFacingError(
      'TOO_LARGE',
      `“${sourceName}” has ${attachments.length} attachments; messages with more than ${MAX_ATTACHMENTS} are not imported.`,
    );
  }
  const taken = new Set<string>();
  return attachments.map((attachment, index) => {
    const bytes = contentBytes(attachment.content);
    const mimeType = /^[\w.+-]+\/[\w.+-]+$/.test(attachment.mimeType)
      ? attachment.mimeType
      : 'application/octet-stream';
    const fallback = `attachment-${index + 1}.${EXTENSIONS[mimeType] ?? 'bin'}`;
    const fileName = uniqueName(sanitizeFileName(attachment.filename ?? '') || fallback, taken);
    return { fileName, mimeType, size: bytes.length, sha256: sha256Hex(bytes), bytes };
  });
}
