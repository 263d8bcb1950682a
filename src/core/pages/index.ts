// A document's original pages as pictures (the original page view), with an annotation's
// regions found on them.
import type { ContractHandlers } from '../../shared/contract';
import { UserFacingError } from '../../shared/result';

export function originalPageHandlers(): Pick<ContractHandlers, 'getOriginalPage'> {
  return {
    getOriginalPage: () => {
      throw new UserFacingError('UNSUPPORTED_TYPE', 'The original page view is being built.');
    },
  };
}
