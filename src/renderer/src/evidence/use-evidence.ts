// The window's evidence store, one per contract client, read in components by a selector.
import type { MarginaliaClient } from '../../../shared/contract';
import { useStore } from '../app/store';
import { useClient } from '../app/stores';
import type { EvidenceState } from './evidence-store';
import { EvidenceStore } from './evidence-store';

const stores = new WeakMap<MarginaliaClient, EvidenceStore>();

export function evidenceStoreFor(client: MarginaliaClient): EvidenceStore {
  let store = stores.get(client);
  if (!store) {
    store = new EvidenceStore(client);
    stores.set(client, store);
  }
  return store;
}

export function useEvidenceStore(): EvidenceStore {
  return evidenceStoreFor(useClient());
}

export function useEvidence<Part>(select: (state: EvidenceState) => Part): Part {
  return useStore(useEvidenceStore(), select);
}
