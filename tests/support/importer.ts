// An importer over a test's core, in process, with the readers the test names (the real ones,
// or small test readers), as the core builds its own: for tests of what an import stores.
import type { MarginaliaCore } from '../../src/core/core';
import { DocumentImporter } from '../../src/core/import';
import type { DocumentImporterDeps } from '../../src/core/import/document-importer';

/** Files up to 20 MB, as the app's default import limit. */
const IMPORT_LIMIT_BYTES = 20 * 1024 * 1024;

export function importerFor(
  core: MarginaliaCore,
  readers: DocumentImporterDeps['readers'],
  splitMbox?: DocumentImporterDeps['splitMbox'],
): DocumentImporter {
  return new DocumentImporter({
    db: core.db,
    documents: core.documents,
    annotations: core.annotations,
    events: core.events,
    maxImportBytes: () => IMPORT_LIMIT_BYTES,
    importLimitHint: '',
    readers,
    ...(splitMbox ? { splitMbox } : {}),
  });
}
