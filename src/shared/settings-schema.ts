// Validation of settings, on the way into the store and when reading rows back.
import * as z from 'zod';
import type { Settings } from './model';
import { FONT_FAMILIES, MAX_FONT_SIZE, MIN_FONT_SIZE, OCR_LANGUAGES, READING_WIDTHS, THEMES } from './model';

export const settingsSchema = z.object({
  theme: z.enum(THEMES),
  fontFamily: z.enum(FONT_FAMILIES),
  fontSize: z.number().int().min(MIN_FONT_SIZE).max(MAX_FONT_SIZE),
  readingWidth: z.enum(READING_WIDTHS),
  maxImportMegabytes: z.number().min(1).max(500),
  lastOpenedDocumentId: z.string().max(100),
  workspaceDir: z.string().max(4096),
  ocrLanguages: z.enum(OCR_LANGUAGES),
}) satisfies z.ZodType<Settings>;
