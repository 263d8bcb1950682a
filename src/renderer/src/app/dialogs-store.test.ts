import { describe, expect, it } from 'vitest';
import { DEFAULT_PDF_EXPORT_OPTIONS } from '../../../shared/export-options';
import { DialogsStore } from './dialogs-store';

describe('DialogsStore', () => {
  it('opens one dialog at a time and closes it by name', () => {
    const dialogs = new DialogsStore();
    dialogs.show('export');
    dialogs.show('share');
    expect(dialogs.get().open).toBe('share');
    dialogs.close('export');
    expect(dialogs.get().open).toBe('share');
    dialogs.close('share');
    expect(dialogs.get().open).toBeNull();
  });

  it('keeps the last export’s choices when dialogs close, even all at once after a failure', () => {
    const dialogs = new DialogsStore();
    dialogs.show('export');
    const choices = {
      documentIds: ['doc-1', 'doc-2'],
      options: { ...DEFAULT_PDF_EXPORT_OPTIONS, paper: 'letter' as const },
    };
    dialogs.rememberExport(choices);
    dialogs.close('export');
    dialogs.closeAll();
    expect(dialogs.get().lastExport).toEqual(choices);
  });

  it('runs a confirmation’s action only when the answer is yes, and closes it either way', () => {
    const dialogs = new DialogsStore();
    let ran = 0;
    dialogs.confirm({ title: 'Delete?', body: '', confirmLabel: 'Delete', onConfirm: () => (ran += 1) });
    dialogs.answer(false);
    expect(dialogs.get().confirmation).toBeNull();
    expect(ran).toBe(0);
    dialogs.confirm({ title: 'Delete?', body: '', confirmLabel: 'Delete', onConfirm: () => (ran += 1) });
    dialogs.answer(true);
    expect(dialogs.get().confirmation).toBeNull();
    expect(ran).toBe(1);
    dialogs.answer(true);
    expect(ran).toBe(1);
  });

  it('closes every dialog, preview and confirmation at once after a dialog failed', () => {
    const dialogs = new DialogsStore();
    dialogs.show('settings');
    dialogs.previewBundle({ fileName: 'notes.mnb', dataBase64: '' });
    dialogs.confirm({ title: 'Delete?', body: '', confirmLabel: 'Delete', onConfirm: () => undefined });
    dialogs.closeAll();
    expect(dialogs.get()).toEqual({ open: null, incomingBundle: null, confirmation: null, lastExport: null });
  });
});
