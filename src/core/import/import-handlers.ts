// The contract's import methods over the importer: files (with a password and a jobId for
// progress and Cancel), URLs, a message's attachments (the same, and an encrypted one with its password),
// and a document's provenance.
import type { ContractHandlers } from '../../shared/contract';
import type { DocumentRepository } from '../documents';
import type { DocumentImporter } from './document-importer';
import { DEFAULT_FETCH_TIMEOUT_MS, MAX_REDIRECTS, fetchUrl } from './fetch-url';
import type { ImportJobs } from './import-jobs';

type ImportHandlers = Pick<
  ContractHandlers,
  'importDocument' | 'importUrl' | 'cancelImport' | 'getDocumentSource' | 'importAttachment'
>;

export interface ImportHandlerDeps {
  importer: DocumentImporter;
  jobs: ImportJobs;
  documents: Pick<DocumentRepository, 'source'>;
  /** How long a web address may take to answer in full (tests shorten it). */
  fetchTimeoutMs?: number;
}

export function importHandlers({ importer, jobs, documents, fetchTimeoutMs }: ImportHandlerDeps): ImportHandlers {
  return {
    importDocument: ({ fileName, dataBase64, password, jobId }) =>
      jobs.run(jobId, fileName, (control) =>
        importer.importFile(fileName, Buffer.from(dataBase64, 'base64'), {
          ...control,
          ...(password === undefined ? {} : { password }),
        }),
      ),
    importUrl: ({ url, jobId, ocrLanguages }) =>
      jobs.run(jobId, url, async (control) => {
        const limit = importer.importLimit();
        const timeoutMs = fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
        const limits = { timeoutMs, maxRedirects: MAX_REDIRECTS, maxBytes: limit.bytes, limitHint: limit.hint };
        const page = await fetchUrl(url, limits, control.signal);
        return importer.importFile(page.fileName, page.bytes, {
          ...control,
          ...(ocrLanguages === undefined ? {} : { ocrLanguages }),
          origin: { kind: 'url', url: page.requestedUrl },
          capture: { originUrl: page.finalUrl, capturedAt: page.capturedAt },
        });
      }),
    cancelImport: ({ jobId }) => jobs.cancel(jobId),
    getDocumentSource: ({ id }) => documents.source(id),
    // An attachment is a file like any other: its own bar, its pages, Cancel import.
    importAttachment: async ({ documentId, index, password, ocrLanguages, jobId }) => {
      const attachment = importer.attachment(documentId, index);
      return jobs.run(jobId, attachment.fileName, (control) =>
        attachment.import({
          ...control,
          ...(password === undefined ? {} : { password }),
          ...(ocrLanguages === undefined ? {} : { ocrLanguages }),
        }),
      );
    },
  };
}
