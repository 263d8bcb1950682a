// An import's OCR progress on stderr, since recognizing takes seconds a page and the command
// would otherwise sit silent: one line redrawn in place on a terminal, a plain line a page elsewhere.
import type { ImportProgress } from '../shared/model';
import type { CliIo } from './cli';

export type ProgressListener = (done: number, total: number, stage?: ImportProgress['stage']) => void;

export interface ProgressLine {
  onProgress: ProgressListener;
  /** Clears the line a terminal shows, so what follows starts on a clean line. */
  end: () => void;
}

/** Back to the line's start and erase it (ANSI "erase in line"). */
const CLEAR = '\r\u001b[K';

/**
 * The progress of importing `name`. With --json and no terminal, nothing: stderr is then a
 * script's channel for the one JSON failure, and a line before it would make it unreadable.
 */
export function importProgressLine(io: CliIo, name: string, json: boolean): ProgressLine {
  const terminal = io.stderrIsTerminal === true;
  let shown: string | undefined;
  const onProgress: ProgressListener = (done, total, stage) => {
    // Only recognition is slow enough to need it; `done` of `total` is the page being read next.
    if (stage !== 'recognizing' || done >= total || (json && !terminal)) return;
    const line = `Recognizing text in “${name}”: page ${done + 1} of ${total}`;
    if (line === shown) return;
    io.stderr(terminal ? `${CLEAR}${line}` : `marginalia: ${line}\n`);
    shown = line;
  };
  const end = (): void => {
    if (terminal && shown !== undefined) io.stderr(CLEAR);
    shown = undefined;
  };
  return { onProgress, end };
}
