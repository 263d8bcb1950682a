// The person using the app: their name and author id (whose annotations they may edit),
// and whether they confirmed the name on the first start.
import type { Profile } from '../../../shared/annotations';
import type { MarginaliaClient } from '../../../shared/contract';
import { notifyFailure } from '../app/notifications/store';
import { Store } from '../app/store';

export type ConfirmedProfile = Profile & { confirmed: boolean };
export type ProfileClient = Pick<MarginaliaClient, 'updateProfile'>;

export class ProfileStore extends Store<{ profile: ConfirmedProfile | null }> {
  constructor(
    private readonly client: ProfileClient,
    private readonly failed: (what: string, message: string) => void = notifyFailure,
  ) {
    super({ profile: null });
  }

  loaded(profile: ConfirmedProfile): void {
    this.set({ profile });
  }

  /** Saves the name (which confirms it); says whether the core took it. */
  async saveName(displayName: string): Promise<boolean> {
    const result = await this.client.updateProfile({ displayName });
    if (!result.ok) {
      this.failed("Couldn't save your name", result.error.message);
      return false;
    }
    this.set({ profile: result.value });
    return true;
  }

  /** The local author, or null before the profile has loaded. */
  authorId(): string | null {
    return this.get().profile?.authorId ?? null;
  }
}
