// Asks for a password on the terminal without showing it (no echo, no stars), for an
// encrypted PDF imported without --password-file; only when stdin is a terminal.
import type { ReadStream } from 'node:tty';

/** Reads one line from the terminal with echo off; null on Ctrl+C or Ctrl+D. */
export function askHiddenOnTerminal(
  stdin: ReadStream,
  write: (text: string) => void,
  prompt: string,
): Promise<string | null> {
  return new Promise((resolve) => {
    let value = '';
    const finish = (result: string | null): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      write('\n');
      resolve(result);
    };
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish(value);
        if (char === '\u0003' || char === '\u0004') return finish(null);
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    write(prompt);
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
