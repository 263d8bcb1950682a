import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/model';
import { DialogsStore } from '../app/dialogs-store';
import { confirmDeletion } from './deletion';

const summary: Pick<DocumentSummary, 'id' | 'title'> = { id: 'd1', title: 'Field briefing' };

describe('confirmDeletion', () => {
  it('asks first, naming the document, and deletes it only on yes', () => {
    const dialogs = new DialogsStore();
    const removed: string[] = [];
    const session = { removeDocument: async (target: Pick<DocumentSummary, 'id'>) => void removed.push(target.id) };
    confirmDeletion({ session, dialogs }, summary);
    expect(dialogs.get().confirmation).toMatchObject({ title: 'Delete “Field briefing”?', confirmLabel: 'Delete' });
    expect(removed).toEqual([]);
    dialogs.answer(false);
    expect(removed).toEqual([]);
    confirmDeletion({ session, dialogs }, summary);
    dialogs.answer(true);
    expect(removed).toEqual(['d1']);
  });
});
