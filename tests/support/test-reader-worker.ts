// A reader worker entry over the test readers: the pipeline's worker seam, for crash,
// memory and timeout tests.
import { serveReader } from '../../src/core/import/reader-worker-serve';
import { TEST_READERS } from './test-readers';

void serveReader(TEST_READERS);
