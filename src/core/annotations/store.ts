// Kept only so the sync engine compiles until it imports from ./index (the rows now live in
// annotation-repository.ts); remove once nothing imports this path.
export type { AnnotationRow } from './annotation-repository';
