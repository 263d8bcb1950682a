// What the app and the page-drawing worker say to each other: the worker is started with
// PAGE_WORKER_DATA and stays for more pages; each job (one page of a stored PDF) goes in
// with an id, and its PNG and placed text, or its failure, come back with that id.
import type { ErrorCode } from '../../shared/result';

/** One run of text as the page places it, in fractions (0–1) of the page from its top left. */
export interface PlacedText {
  text: string;
  left: number;
  /** The baseline and the font's height, as fractions of the page's height. */
  baseline: number;
  height: number;
  width: number;
  /**
   * Where each character begins along the run, as fractions of its width (one more entry
   * than characters, ending at 1); without it the characters share the width evenly.
   */
  offsets?: number[];
}

/** One page to draw. */
export interface PageRenderJob {
  kind: 'renderPage';
  fileName: string;
  bytes: Uint8Array;
  /** From 1. */
  page: number;
  /** The picture's longer side, in pixels. */
  maxSide: number;
  /** An encrypted PDF's password, as the person typed it for this session. */
  password?: string;
}

export interface RenderedPage {
  page: number;
  pageCount: number;
  label?: string;
  width: number;
  height: number;
  png: Uint8Array;
  /** The page's text runs, where they are, for finding an annotation's words. */
  text: PlacedText[];
}

export type PageWorkerMessage =
  | { id: number; kind: 'rendered'; page: RenderedPage }
  | { id: number; kind: 'failed'; code?: ErrorCode; message: string };

export interface PageWorkerRequest {
  id: number;
  job: PageRenderJob;
}

/** The workerData that makes the reader worker's entry a page worker (no bytes: pages come as messages). */
export const PAGE_WORKER_DATA = { kind: 'pageWorker', bytes: new Uint8Array(0) } as const;

export function isPageWorker(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === PAGE_WORKER_DATA.kind;
}
