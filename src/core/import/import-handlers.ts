// The contract's import methods over the importer: files (with a password and a jobId for
// progress and Cancel), URLs, a message's attachments, and a document's provenance.
import type { ContractHandlers } from '../../shared/contract';
import { UserFacingError } from '../../shared/result';
import type { DocumentRepository } from '../documents';
import type { DocumentImporter } from './document-importer';
import type { ImportJobs } from './import-jobs';

type ImportHandlers = Pick<
  ContractHandlers,
  'importDocument' | 'importUrl' | 'cancelImport' | 'getDocumentSource' | 'importAttachment'
>;

export interface ImportHandlerDeps {
  importer: DocumentImporter;
  jobs: ImportJobs;
  documents: Pick<DocumentRepository, 'source'>;
}

export function importHandlers({ importer, jobs, documents }: ImportHandlerDeps): ImportHandlers {
  return {
    importDocument: ({ fileName, dataBase64, password, jobId }) =>
      jobs.run(jobId, fileName, (control) =>
        importer.importFile(fileName, Buffer.from(dataBase64, 'base64'), {
          ...control,
          ...(password === undefined ? {} : { password }),
        }),
      ),
    importUrl: () => {
      throw new UserFacingError('UNSUPPORTED_TYPE', 'Importing from a URL is being built.');
    },
    cancelImport: ({ jobId }) => jobs.cancel(jobId),
    getDocumentSource: ({ id }) => documents.source(id),
    importAttachment: ({ documentId, index }) => importer.importAttachment(documentId, index),
  };
}
