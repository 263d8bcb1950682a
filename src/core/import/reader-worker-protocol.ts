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

/**
 * A worker started before its file is known (a standby): it warms the readers of `warm`,
 * then takes its one job as a JobMessage and reads it as a worker started with it would.
 */
export interface StandbyStart {
  kind: 'standby';
  warm: SourceType[];
  /** Also read a small built-in file of each warmed type (a worker that waits between imports has the time). */
  rehearse?: boolean;
}

export interface JobMessage {
  kind: 'job';
  job: ReaderJob;
}

/** Tells a standby no job is coming: it ends itself once its warm-up is over. */
export interface CloseMessage {
  kind: 'close';
}

export function isStandby(data: unknown): data is StandbyStart {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'standby';
}

export type WorkerMessage =
  | { kind: 'progress'; done: number; total: number; stage?: ReadStage }
  | { kind: 'done'; document: ReadDocument }
  /** A reader's own refusal keeps its code (a UserFacingError); anything else is a reader fault. */
  | { kind: 'failed'; code?: ErrorCode; message: string };
