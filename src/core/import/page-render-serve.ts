// The worker's side of drawing pages: answers each page job it is sent, one at a time, with
// the page or the failure (a refusal keeps its code), and waits for the next.
import { parentPort } from 'node:worker_threads';
import { UserFacingError } from '../../shared/result';
import type { PageWorkerMessage, PageWorkerRequest } from './page-render-protocol';
import { renderPdfPage } from './page-render';

function post(message: PageWorkerMessage): void {
  parentPort?.postMessage(message);
}

async function answer({ id, job }: PageWorkerRequest): Promise<void> {
  try {
    post({ id, kind: 'rendered', page: await renderPdfPage(job) });
  } catch (error) {
    const code = error instanceof UserFacingError ? error.code : undefined;
    post({
      id,
      kind: 'failed',
      ...(code ? { code } : {}),
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

export function servePages(): void {
  parentPort?.on('message', (request: PageWorkerRequest) => void answer(request));
}
