// What the import pipeline and a reader worker say to each other.
import type { SourceType } from '../../shared/model';
import type { ErrorCode } from '../../shared/result';
import type { ReadDocument, ReadStage } from './formats/format-reader';
import type { OcrChoice } from './ocr/ocr-models';

/** The job a worker is started with (its workerData): one file for one reader. */
export interface ReaderJob {
  sourceType: SourceType;
  fileName: string;
  bytes: Uint8Array;
  password?: string;
  ocr?: OcrChoice;
}

export type WorkerMessage =
  | { kind: 'progress'; done: number; total: number; stage?: ReadStage }
  | { kind: 'done'; document: ReadDocument }
  /** A reader's own refusal keeps its code (a UserFacingError); anything else is a reader fault. */
  | { kind: 'failed'; code?: ErrorCode; message: string };
