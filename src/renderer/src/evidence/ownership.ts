// Whose an evidence item is: only its author may change or delete it (the core refuses anyone
// else), so the window offers those controls on one's own items and names the owner on others'.
import { useCallback, useMemo } from 'react';
import { useController, useProfile } from '../app/stores';

export interface Ownership {
  /** Whether the local analyst may change or delete the item. */
  mine: boolean;
  /** Whose it is: their name, "another analyst" when it is unknown here, "you" for one's own. */
  owner: string;
}

const NO_NAMES: ReadonlyArray<{ authorId: string; name: string }> = [];

export type OwnershipOf = (authorId: string) => Ownership;

/** The core's rule (EvidenceContext.assertOwn): an item with no author, or with mine, is mine. */
export function ownershipOf(
  authorId: string,
  myAuthorId: string | null,
  names: ReadonlyMap<string, string>,
): Ownership {
  const mine = myAuthorId === null || authorId === '' || authorId === myAuthorId;
  return { mine, owner: mine ? 'you' : names.get(authorId) || 'another analyst' };
}

/** “Rania's claim”. */
export function ownedBy(ownership: Ownership, noun: string): string {
  return `${ownership.owner}'s ${noun}`;
}

/** “Rania's claim: only they can change or delete it.” */
export function onlyTheirs(ownership: Ownership, noun: string): string {
  const whose = ownedBy(ownership, noun);
  return `${whose.charAt(0).toUpperCase()}${whose.slice(1)}: only they can change or delete it.`;
}

/**
 * The ownership of items by author id, naming other analysts as their annotations in the open
 * document (and `known`, such as an analysis's raters) name them.
 */
export function useOwnership(known: ReadonlyArray<{ authorId: string; name: string }> = NO_NAMES): OwnershipOf {
  const myAuthorId = useProfile()?.authorId ?? null;
  const { annotations } = useController();
  const names = useMemo(() => {
    const byId = new Map<string, string>();
    for (const annotation of annotations) byId.set(annotation.author.id, annotation.author.name);
    for (const entry of known) byId.set(entry.authorId, entry.name);
    return byId;
  }, [annotations, known]);
  return useCallback((authorId: string) => ownershipOf(authorId, myAuthorId, names), [myAuthorId, names]);
}
