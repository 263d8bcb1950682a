// Entry point of the marginalia command. An import's reader worker starts first, already
// reading its first file when that is a Word or EPUB file, else warming the reader its files'
// names call for (mammoth, pdf.js), while the rest of the command line and its core load
// here, which takes most of a short command's time.
import { startReaderStandby } from '../core/import/standby';
import { importedFileNames } from './import-arguments';

const readerStandby = startReaderStandby(importedFileNames(process.argv.slice(2)));
const { runCommandLine } = await import('./run');
process.exitCode = await runCommandLine(readerStandby);
readerStandby?.close();
