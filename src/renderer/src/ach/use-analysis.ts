// One analysis as the matrix edits it: loaded through getAnalysis, reloaded when evidence
// changes elsewhere, and changed through the contract, each answer (the whole view, with its
// scores) replacing the last unless a later change already answered.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AchRating, AchView } from '../../../shared/evidence';
import type { Result } from '../../../shared/result';
import { reportFailure } from '../app/notifications/store';
import { useProfile, useStores } from '../app/stores';
import { withMyCell } from './ach-model';

/** After my own change the core announces it too: a reload that soon after would only repeat it. */
const OWN_ECHO_MS = 600;

export interface AnalysisState {
  view: AchView | null;
  failed: string | null;
  myAuthorId: string | null;
  reload: () => Promise<void>;
  /** Runs a change; its answer replaces the view. Says whether it worked. */
  change: (what: string, call: () => Promise<Result<AchView>>) => Promise<boolean>;
  rate: (rowId: string, hypothesisId: string, rating: AchRating | null, note?: string) => void;
}

function useLoadedAnalysis(id: string) {
  const { client } = useStores();
  const [view, setView] = useState<AchView | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const load = useCallback(async () => {
    const result = await client.getAnalysis({ id });
    if (result.ok) {
      setView(result.value);
      setFailed(null);
    } else setFailed(result.error.message);
  }, [client, id]);
  return { view, setView, failed, load };
}

export function useAnalysis(id: string): AnalysisState {
  const { client } = useStores();
  const myAuthorId = useProfile()?.authorId ?? null;
  const { view, setView, failed, load } = useLoadedAnalysis(id);
  const sent = useRef(0);
  const lastOwn = useRef({ pending: 0, at: 0 });
  useEffect(() => {
    setView(null);
    void load();
  }, [load, setView]);
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
  const change = useCallback(
    async (what: string, call: () => Promise<Result<AchView>>) => {
      const number = ++sent.current;
      lastOwn.current.pending += 1;
      const result = await call();
      lastOwn.current = { pending: lastOwn.current.pending - 1, at: Date.now() };
      if (!result.ok) {
        reportFailure(what, result.error);
        void load();
        return false;
      }
      if (number === sent.current) setView(result.value);
      return true;
    },
    [load, setView],
  );
  const rate = useCallback(
    (rowId: string, hypothesisId: string, rating: AchRating | null, note?: string) => {
      // Shown at once; the core's answer brings the scores.
      if (myAuthorId) setView((old) => old && withMyCell(old, myAuthorId, { rowId, hypothesisId, rating, note }));
      void change("Couldn't rate the cell", () =>
        client.rateAchCell({ analysisId: id, rowId, hypothesisId, rating, ...(note === undefined ? {} : { note }) }),
      );
    },
    [change, client, id, myAuthorId, setView],
  );
  return { view, failed, myAuthorId, reload: load, change, rate };
}
