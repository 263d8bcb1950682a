// Asking for an encrypted file's password: an import that meets PASSWORD_REQUIRED waits on
// ask(), the dialog answers with the password or null (Cancel). withPassword is that loop for
// every import that may meet one (a chosen file, a web address, an e-mail's attachment). The
// password lives only in that one promise and the retried call: it is never stored, logged or shown.
import type { Result } from '../../../shared/result';
import { Store } from '../app/store';

export interface PasswordRequest {
  fileName: string;
  /** The last password given did not open the file. */
  wrong: boolean;
  answer: (password: string | null) => void;
}

interface PromptState {
  /** The request shown; others wait their turn behind it. */
  queue: readonly PasswordRequest[];
}

export class PasswordPromptStore extends Store<PromptState> {
  constructor() {
    super({ queue: [] });
  }

  ask(fileName: string, wrong: boolean): Promise<string | null> {
    return new Promise((resolve) => {
      const request: PasswordRequest = {
        fileName,
        wrong,
        answer: (password) => {
          this.set((state) => ({ queue: state.queue.filter((each) => each !== request) }));
          resolve(password);
        },
      };
      this.set((state) => ({ queue: [...state.queue, request] }));
    });
  }
}

export const passwordPrompt = new PasswordPromptStore();

/** What a call that may meet an encrypted file gives back: its result, or the person's Cancel at the password. */
export type PasswordAnswered<T> = Result<T> | 'cancelled';

/**
 * Calls until the file opens or fails for another reason, asking for its password (again
 * when the last was wrong) while it wants one: the one loop of a chosen file's import and
 * an e-mail attachment's. `asking` runs before each question; `cancelled` says whether the
 * import was stopped meanwhile (Cancel import), which counts as Cancel at the password.
 */
export async function withPassword<T>(
  fileName: string,
  call: (password: string | undefined) => Promise<Result<T>>,
  hooks: { asking?: () => void; cancelled?: () => boolean } = {},
): Promise<PasswordAnswered<T>> {
  let password: string | undefined;
  for (;;) {
    const result = await call(password);
    const code = result.ok ? undefined : result.error.code;
    if (code !== 'PASSWORD_REQUIRED' && code !== 'PASSWORD_WRONG') return result;
    hooks.asking?.();
    const answer = await passwordPrompt.ask(fileName, code === 'PASSWORD_WRONG');
    if (answer === null || hooks.cancelled?.()) return 'cancelled';
    password = answer;
  }
}
