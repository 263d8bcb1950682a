// What the app and a page-drawing worker say to each other: one page of a stored PDF in,
// a PNG and the page's placed text out.
import type { ErrorCode } from '../../shared/result';
import type { PlacedText } from './page-regions';

/** The job a worker is started with (its workerData); `kind` tells it from a format reader's job. */
export interface PageRenderJob {
  kind: 'renderPage';
  fileName: string;
  bytes: Uint8Array;
  /** From 1. */
  page: number;
  /** The picture's longer side, in pixels. */
  maxSide: number;
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
  { kind: 'rendered'; page: RenderedPage } | { kind: 'failed'; code?: ErrorCode; message: string };

export function isPageRenderJob(data: unknown): data is PageRenderJob {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'renderPage';
}
