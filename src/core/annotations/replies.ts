// Kept only so the sync engine compiles until it imports from ./index (replies' rows now
// live in reply-repository.ts); remove once nothing imports this path.
export { replyRowFrom } from './reply-repository';
