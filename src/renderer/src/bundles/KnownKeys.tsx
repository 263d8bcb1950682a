// In Settings: the fingerprint of the key that signs your bundles, and the keys of the
// people whose bundles you have imported (trust on first use), each of which can be forgotten.
import { useCallback, useEffect, useState } from 'react';
import type { KnownKey } from '../../../shared/bundles';
import type { MarginaliaClient } from '../../../shared/contract';
import { reportFailure } from '../app/notifications/store';
import styles from './KnownKeys.module.css';

export function KnownKeysSection({ client }: { client: MarginaliaClient }) {
  const [fingerprint, setFingerprint] = useState('');
  const [keys, setKeys] = useState<KnownKey[]>([]);
  const refresh = useCallback(async () => {
    const [identity, known] = await Promise.all([client.getIdentity({}), client.listKnownKeys({})]);
    if (identity.ok) setFingerprint(identity.value.fingerprint);
    else reportFailure("Couldn't read your signing key", identity.error);
    if (known.ok) setKeys(known.value);
    else reportFailure("Couldn't list the keys you have imported notes from", known.error);
  }, [client]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const forget = async (key: KnownKey) => {
    const result = await client.forgetKnownKey({ fingerprint: key.fingerprint });
    if (!result.ok) reportFailure(`Couldn't forget the key of ${key.displayName}`, result.error);
    await refresh();
  };
  return (
    <section className={styles.keys} aria-labelledby="known-keys-heading">
      <p>
        Your signing key: <code>{fingerprint}</code>
      </p>
      <h3 id="known-keys-heading">Keys you have imported notes from</h3>
      {keys.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ul aria-label="Known keys">
          {keys.map((key) => (
            <li key={key.fingerprint}>
              <span>
                {key.displayName} <code>{key.fingerprint}</code>
              </span>
              <button
                type="button"
                className="link-button"
                aria-label={`Forget the key of ${key.displayName}`}
                onClick={() => void forget(key)}
              >
                Forget
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
