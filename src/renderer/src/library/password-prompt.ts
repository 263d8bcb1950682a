// Asking for an encrypted file's password: an import that meets PASSWORD_REQUIRED waits on
// ask(), the dialog answers with the password or null (Cancel). The password lives only in
// that one promise and the retried call: it is never stored, logged or shown.
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
