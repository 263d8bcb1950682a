// Note bundles, for the rest of the core: build a signed bundle of notes, read and check
// one, and merge what it holds through the incoming write path. Zipping, document entries
// and the merge plan are internal.
export { buildBundle, bundleFileName } from './bundle-export';
export { readBundle } from './bundle-import';
export { mergeBundle } from './bundle-merge';
// The evidence merge is shared with the workspace sync, which merges evidence.jsonld the same way.
export { mergeEvidence } from './bundle-evidence-merge';
export type { EvidenceMergeHost, EvidenceTouched, ThreeWay } from './evidence-merge-context';
