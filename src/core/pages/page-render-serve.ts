// The worker's side of drawing a page: takes the job from workerData, draws it and posts
// back the page or the failure (a refusal keeps its code).
import { parentPort } from 'node:worker_threads';
import { UserFacingError } from '../../shared/result';
import type { PageRenderJob, PageWorkerMessage } from './page-render-protocol';
import { renderPdfPage } from './page-render';

function post(message: PageWorkerMessage, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}

export async function servePageRender(job: PageRenderJob): Promise<void> {
  try {
    const page = await renderPdfPage(job);
    post({ kind: 'rendered', page });
  } catch (error) {
    const code = error instanceof UserFacingError ? error.code : undefined;
    post({
      kind: 'failed',
      ...(code ? { code } : {}),
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
