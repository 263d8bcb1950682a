// One analysis as the matrix edits it: loaded through getAnalysis, reloaded when evidence
// changes elsewhere, and changed through the contract, each answer (the whole view, with its
// scores) replacing the last unless a later change already answered.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AchRating, AchView } from '../../../shared/evidence';
import type { Result } from '../../../shared/result';
import { notifications, reportFailure } from '../app/notifications/store';
import { useProfile, useStores } from '../app/stores';
import type { Ownership } from '../evidence/ownership';
import { useOwnership } from '../evidence/ownership';
import { withMyCell } from './ach-model';
import { inOrder } from './in-order';

/** After my own change the core announces it too: a reload that soon after would only repeat it. */
const OWN_ECHO_MS = 600;

export interface AnalysisState {
  view: AchView | null;
  failed: string | null;
  myAuthorId: string | null;
  /** Whether the matrix shows someone else's ratings, which only they can change. */
  readOnly: boolean;
  /** Whose the analysis is: only its author shapes it (question, hypotheses, rows); anyone rates it. */
  ownership: Ownership;
  /** Shows another analyst's ratings (their author id). */
  showAnalyst: (authorId: string) => void;
  reload: () => Promise<void>;
  /** Runs a change; its answer replaces the view. Says whether it worked. */
  change: (what: string, call: () => Promise<Result<AchView>>) => Promise<boolean>;
  rate: (rowId: string, hypothesisId: string, rating: AchRating | null, note?: string) => void;
}

function useLoadedAnalysis(id: string, analystId: string | null) {
  const { client } = useStores();
  const [view, setView] = useState<AchView | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const load = useCallback(async () => {
    const result = await client.getAnalysis(analystId === null ? { id } : { id, analystId });
    if (result.ok) {
      setView(result.value);
      setFailed(null);
    } else setFailed(result.error.message);
  }, [client, id, analystId]);
  return { view, setView, failed, load };
}

export function useAnalysis(id: string): AnalysisState {
  const { client } = useStores();
  const myAuthorId = useProfile()?.authorId ?? null;
  // null: the analyst the core picks (mine once I have rated, else the analysis's author's).
  const [analystId, setAnalystId] = useState<string | null>(null);
  const { view, setView, failed, load } = useLoadedAnalysis(id, analystId);
  const readOnly = view !== null && !view.analyst.you;
  const ownershipOf = useOwnership(view?.analysts);
  const ownership = ownershipOf(view?.authorId ?? '');
  const sent = useRef(0);
  const send = useRef(inOrder()).current;
  const lastOwn = useRef({ pending: 0, at: 0 });
  useEffect(() => {
    setView(null);
    setAnalystId(null);
  }, [id, setView]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(
    () =>
      client.on('evidenceChanged', ({ kinds }) => {
        if (!kinds.some((kind) => kind !== 'sources' && kind !== 'links')) return;
        const own = lastOwn.current;
        if (own.pending > 0 || Date.now() - own.at < OWN_ECHO_MS) return;
        void load();
      }),
    [client, load],
  );
  // Another program (the CLI) may have rated or changed the analysis.
  useEffect(() => client.on('libraryChanged', () => void load()), [client, load]);
  const change = useCallback(
    async (what: string, call: () => Promise<Result<AchView>>) => {
      const number = ++sent.current;
      lastOwn.current.pending += 1;
      const result = await send(call);
      lastOwn.current = { pending: lastOwn.current.pending - 1, at: Date.now() };
      if (!result.ok) {
        reportFailure(what, result.error);
        void load();
        return false;
      }
      // An answer about someone else than the analyst shown (the core's default) is asked again.
      if (number !== sent.current) return true;
      if (analystId === null || result.value.analyst.authorId === analystId) setView(result.value);
      else void load();
      return true;
    },
    [analystId, load, send, setView],
  );
  const rate = useCallback(
    (rowId: string, hypothesisId: string, rating: AchRating | null, note?: string) => {
      if (readOnly && view) {
        notifications.notify(`These are ${view.analyst.name}'s ratings: only they can change them.`, 'info', {
          action: { label: 'Show your ratings', run: () => setAnalystId(myAuthorId) },
        });
        return;
      }
      // Shown at once; the core's answer brings the scores.
      if (myAuthorId) setView((old) => old && withMyCell(old, myAuthorId, { rowId, hypothesisId, rating, note }));
      void change("Couldn't rate the cell", () =>
        client.rateAchCell({ analysisId: id, rowId, hypothesisId, rating, ...(note === undefined ? {} : { note }) }),
      );
    },
    [change, client, id, myAuthorId, readOnly, setView, view],
  );
  return { view, failed, myAuthorId, readOnly, ownership, showAnalyst: setAnalystId, reload: load, change, rate };
}
