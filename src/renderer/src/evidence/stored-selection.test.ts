import { afterEach, describe, expect, it } from 'vitest';
import { annotationSelection } from '../annotations/controller';
import { storedSelection } from './useEvidenceCommands';

describe('a key pressed right after h', () => {
  afterEach(() => annotationSelection.select(null));

  it('acts on the highlight once the store has given it its id', async () => {
    annotationSelection.select('provisional-1');
    const waiting = storedSelection('provisional-1');
    annotationSelection.select('a-stored');
    await expect(waiting).resolves.toBe('a-stored');
  });

  it('acts at once on a stored annotation, and on none when the highlight was let go', async () => {
    await expect(storedSelection('a-1')).resolves.toBe('a-1');
    annotationSelection.select('provisional-2');
    const waiting = storedSelection('provisional-2');
    annotationSelection.select(null);
    await expect(waiting).resolves.toBeNull();
  });
});
