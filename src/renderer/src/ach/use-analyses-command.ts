// "Show Analyses": the Analyses view takes the reader's place; opening a document gives the
// place back to the reader.
import { useEffect } from 'react';
import { useCommandHandler } from '../commands';
import { useSession } from '../app/stores';
import { analyses } from './analyses-store';

export function useAnalysesCommand(): void {
  useCommandHandler('showAnalyses', () => analyses.show(analyses.get().analysisId));
  const currentId = useSession((state) => state.current?.id ?? null);
  useEffect(() => {
    if (currentId !== null) analyses.close();
  }, [currentId]);
}
