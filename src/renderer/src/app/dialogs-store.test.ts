import { describe, expect, it } from 'vitest';
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

  it('keeps the documents ticked for export when dialogs close, even all at once after a failure', () => {
    const dialogs = new DialogsStore();
    dialogs.show('export');
    dialogs.rememberExportSelection(['doc-1', 'doc-2']);
    dialogs.close('export');
    dialogs.closeAll();
    expect(dialogs.get().exportSelection).toEqual(['doc-1', 'doc-2']);
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
    expect(dialogs.get()).toEqual({ open: null, incomingBundle: null, confirmation: null, exportSelection: [] });
  });
});
