// The CLI on a library in a test's temp folder, as the evidence tests type at it: a run, a run
// that must succeed, its --json, and the two reports of the same events imported and highlighted.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCliCaptured } from './cli-run';
import { FIRST_REPORT, SECOND_REPORT } from './evidence-library';

export interface ReportIds {
  /** "fishing boats left Zuwara at dawn" in the first report and in the second. */
  original: string;
  copy: string;
  /** "storm closed the harbour", in the second. */
  storm: string;
}

/** The CLI against `<dir()>/lib`; `dir` is read at each call, so it may name a folder made per test. */
export function cliAt(dir: () => string) {
  const cli = (...args: string[]) => runCliCaptured(['--data-dir', join(dir(), 'lib'), ...args]);
  const ok = async (...args: string[]): Promise<string> => {
    const result = await cli(...args);
    if (result.code !== 0) throw new Error(`${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    return result.stdout;
  };
  const jsonOf = async <T>(...args: string[]): Promise<T> => JSON.parse(await ok('--json', ...args)) as T;
  /** Both reports imported, and the same sentence highlighted in each, and the storm in the second. */
  const twoReports = async (): Promise<ReportIds> => {
    writeFileSync(join(dir(), 'harbour-radio.txt'), FIRST_REPORT);
    writeFileSync(join(dir(), 'coast-courier.txt'), SECOND_REPORT);
    await ok('import', join(dir(), 'harbour-radio.txt'), join(dir(), 'coast-courier.txt'));
    const quote = 'fishing boats left Zuwara at dawn';
    const original = (await ok('annotate', 'Harbour Radio reported', '--quote', quote)).trim();
    const copy = (await ok('annotate', 'The Coast Courier', '--quote', quote)).trim();
    const storm = (await ok('annotate', 'The Coast Courier', '--quote', 'storm closed the harbour')).trim();
    return { original, copy, storm };
  };
  return { cli, ok, jsonOf, twoReports };
}
