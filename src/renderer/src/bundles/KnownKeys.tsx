// In Settings: the fingerprint of the key that signs your bundles, and the keys of the
// people whose bundles you have imported (trust on first use), each of which can be forgotten.
import { useCallback, useEffect, useState } from 'react';
import type { KnownKey } from '../../../shared/bundles';
import type { MarginaliaClient } from '../../../shared/contract';

export function KnownKeysSection({ client }: { client: MarginaliaClient }) {
  const [fingerprint, setFingerprint] = useState('');
  const [keys, setKeys] = useState<KnownKey[]>([]);
  const refresh = useCallback(async () => {
    const [identity, known] = await Promise.all([client.getIdentity({}), client.listKnownKeys({})]);
    if (identity.ok) setFingerprint(identity.value.fingerprint);
    if (known.ok) setKeys(known.value);
  }, [client]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return (
    <section className="known-keys" aria-labelledby="known-keys-heading">
      <p className="known-keys__mine">
        Your signing key: <code>{fingerprint}</code>
      </p>
      <h3 id="known-keys-heading">Keys you have imported notes from</h3>
      {keys.length === 0 ? (
        <p className="known-keys__empty">None yet.</p>
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
                onClick={() => void client.forgetKnownKey({ fingerprint: key.fingerprint }).then(refresh)}
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
