// E-mail through the whole import: an .mbox made from known messages lands as documents,
// the same message from an .eml and from an .mbox is one document, and the library groups
// a mailbox's threads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { DocumentImporter } from '../../src/core/import';
import { FORMAT_READERS, MBOX_SPLITTER } from '../../src/core/import/formats';
import { CRLF, entity, mbox } from '../support/mime-fixtures';
import { makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
let importer: DocumentImporter;
beforeEach(() => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
  importer = new DocumentImporter({
    db: core.db,
    documents: core.documents,
    annotations: core.annotations,
    events: core.events,
    maxImportBytes: () => 20 * 1024 * 1024,
    importLimitHint: '',
    readers: FORMAT_READERS,
    splitMbox: MBOX_SPLITTER,
  });
});
afterEach(() => {
  core.close();
  temp.remove();
});

function message(id: string, subject: string, from: string, body: string, extra: Record<string, string> = {}) {
  return entity(
    { From: from, To: 'team@example.org', Subject: subject, 'Message-ID': `<${id}@example.org>`, ...extra },
    `${body}${CRLF}`,
  );
}

describe('the same message imported twice', () => {
  it('is one document whether it comes first as an .eml or from an .mbox', async () => {
    const plans = message('plans', 'Plans', 'Ada <ada@example.org>', 'The cistern holds four hundred cubic metres.', {
      Date: 'Mon, 1 Jan 2024 09:30:00 +0000',
    });
    const other = message('other', 'Other', 'Ada <ada@example.org>', 'Something else entirely.');
    const eml = await importer.importFile('plans.eml', Buffer.from(plans));
    const box = await importer.importFile('inbox.mbox', Buffer.from(mbox([other, plans])));
    expect(eml.created).toBe(true);
    expect(box.created).toBe(true);
    expect(box.also).toEqual([{ document: eml.document, created: false }]);
    const again = await importer.importFile(
      'copy.eml',
      Buffer.from(`From ada@example.org Mon Jan  1 09:30:00 2024\n${plans}\n\n`),
    );
    expect(again).toEqual({ document: eml.document, created: false });
    expect(core.documents.count()).toBe(2);
  });

  it('stays two documents when the Message-ID is shared but the messages differ', async () => {
    const first = message('same', 'Plans', 'Ada <ada@example.org>', 'The first text.');
    const forged = message('same', 'Plans', 'Ada <ada@example.org>', 'A different text under the same id.');
    await importer.importFile('a.eml', Buffer.from(first));
    const second = await importer.importFile('b.eml', Buffer.from(forged));
    expect(second.created).toBe(true);
    expect(core.documents.count()).toBe(2);
  });
});
