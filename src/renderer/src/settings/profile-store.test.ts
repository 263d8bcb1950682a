import { describe, expect, it } from 'vitest';
import { fail } from '../../../shared/result';
import type { ProfileClient } from './profile-store';
import { ProfileStore } from './profile-store';

const accepting: ProfileClient = {
  updateProfile: async ({ displayName }) => ({ ok: true, value: { authorId: 'a1', displayName, confirmed: true } }),
};

describe('ProfileStore', () => {
  it('has no author until the profile loads', () => {
    const profile = new ProfileStore(accepting);
    expect(profile.authorId()).toBeNull();
    profile.loaded({ authorId: 'a1', displayName: 'Analyst', confirmed: false });
    expect(profile.authorId()).toBe('a1');
  });

  it('confirms the name the core saved', async () => {
    const profile = new ProfileStore(accepting);
    profile.loaded({ authorId: 'a1', displayName: 'Analyst', confirmed: false });
    expect(await profile.saveName('Rana')).toBe(true);
    expect(profile.get().profile).toEqual({ authorId: 'a1', displayName: 'Rana', confirmed: true });
  });

  it('keeps the old name and says why when the core refuses the new one', async () => {
    const failures: string[] = [];
    const profile = new ProfileStore(
      { updateProfile: async () => fail('INVALID_INPUT', 'A name is needed.') },
      (what, message) => failures.push(`${what}: ${message}`),
    );
    profile.loaded({ authorId: 'a1', displayName: 'Analyst', confirmed: false });
    expect(await profile.saveName('')).toBe(false);
    expect(profile.get().profile?.displayName).toBe('Analyst');
    expect(failures).toEqual(["Couldn't save your name: A name is needed."]);
  });
});
