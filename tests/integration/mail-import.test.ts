// E-mail through the whole import: an .mbox made from known messages lands as documents,
// the same message from an .eml and from an .mbox is one document, and the library groups
// a mailbox's threads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { DocumentImporter } from '../../src/core/import';
import { prepareDocument } from '../../src/core/import';
import type { DocumentProvenance } from '../../src/shared/model';
import { FORMAT_READERS, MBOX_SPLITTER } from '../../src/core/import/formats';
import { CRLF, entity, mbox, messageWithAttachment } from '../support/mime-fixtures';
import { cutShortReason } from '../../src/core/import/formats/mbox-truncation';
import { importerFor } from '../support/importer';
import { makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
let importer: DocumentImporter;
beforeEach(() => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
  importer = importerFor(core, FORMAT_READERS, MBOX_SPLITTER);
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

const ADA = 'Ada <ada@example.org>';
const CHARLES = 'Charles <charles@example.org>';

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

describe('threads in the library', () => {
  it('lists an .mbox’s two threads as threads, in date order, and its lone message without one', async () => {
    const date = (day: number) => ({ Date: `Mon, ${day} Jan 2024 09:30:00 +0000` });
    const box = mbox([
      message('c1', 'Cistern', ADA, 'How large is the cistern?', date(1)),
      message('b1', 'Baths', CHARLES, 'When were the baths built?', date(2)),
      message('c2', 'Re: Cistern', CHARLES, 'Four hundred cubic metres.', {
        ...date(3),
        'In-Reply-To': '<c1@example.org>',
      }),
      message('lone', 'Lunch', ADA, 'Lunch at noon?', date(4)),
      message('b2', 'AW: Baths', ADA, 'In the second century.', { ...date(5), References: '<b1@example.org>' }),
      message('c3', 'Re: Re: Cistern', ADA, 'Then it served the baths.', {
        ...date(6),
        References: '<c1@example.org> <c2@example.org>',
      }),
    ]);
    await importer.importFile('inbox.mbox', Buffer.from(box));
    const listed = core.documents.list();
    const threadOf = (title: string) => listed.find((document) => document.title === title)?.thread;
    expect(threadOf('Re: Re: Cistern')).toMatchObject({ subject: 'Cistern', position: 2, size: 3 });
    expect(threadOf('Cistern')).toMatchObject({ position: 0, size: 3 });
    expect(threadOf('AW: Baths')).toMatchObject({ subject: 'Baths', position: 1, size: 2 });
    expect(threadOf('Cistern')!.key).toBe(threadOf('Re: Cistern')!.key);
    expect(threadOf('Cistern')!.key).not.toBe(threadOf('Baths')!.key);
    expect(threadOf('Lunch')).toBeUndefined();
  });
});

describe('exporting a thread', () => {
  it('puts its messages oldest first, together, however they were imported, as the library shows them', async () => {
    const date = (day: number) => ({ Date: `Mon, ${day} Jan 2024 09:30:00 +0000` });
    const first = message('c1', 'Cistern', ADA, 'How large is the cistern?', date(1));
    const reply = message('c2', 'Re: Cistern', CHARLES, 'Four hundred.', {
      ...date(3),
      'In-Reply-To': '<c1@example.org>',
    });
    const lone = message('lone', 'Lunch', ADA, 'Lunch at noon?', date(2));
    // Imported newest first, and another document between them: the library's newest-import-first order alone reads the thread backwards.
    const ids: Record<string, string> = {};
    for (const [name, bytes] of [
      ['reply.eml', reply],
      ['lunch.eml', lone],
      ['first.eml', first],
    ] as const)
      ids[name] = (await importer.importFile(name, Buffer.from(bytes))).document.id;
    const order = core.documents.inListOrder([ids['reply.eml']!, ids['lunch.eml']!, ids['first.eml']!]);
    const titles = order.map((id) => core.documents.summary(id).title);
    expect(titles).toEqual(['Cistern', 'Re: Cistern', 'Lunch']);
  });
});

describe('listing a large library with threads', () => {
  it('lists 10,000 documents, 4,000 of them messages in threads, in one query and well under a second', () => {
    const base = prepareDocument('x.txt', Buffer.from('Body.\n'), 1024 * 1024);
    core.db.transaction(() => {
      for (let index = 0; index < 10_000; index++) {
        const mail = index < 4000;
        const headers = {
          From: `Sender ${index % 50} <s${index % 50}@example.org>`,
          Subject: `${index % 4 === 0 ? '' : 'Re: '}Topic ${Math.floor(index / 4)}`,
          'Message-ID': `<m${index}@example.org>`,
          ...(index % 4 === 0 ? {} : { References: `<m${index - (index % 4)}@example.org>` }),
        };
        core.documents.insert({
          ...base,
          title: `Document ${index}`,
          sourceType: mail ? 'eml' : 'txt',
          sourceSha256: `${index}`.padStart(64, '0'),
          ...(mail ? { provenance: { ...provenanceFor(index), headers } } : {}),
        });
      }
    })();
    const started = performance.now();
    const listed = core.documents.list();
    const elapsed = performance.now() - started;
    expect(listed).toHaveLength(10_000);
    expect(listed.filter((document) => document.thread?.size === 4)).toHaveLength(4000);
    expect(elapsed).toBeLessThan(1000);
  });
});

function provenanceFor(index: number): DocumentProvenance {
  return {
    fileName: `m${index}.eml`,
    sourceType: 'eml',
    mimeType: 'message/rfc822',
    size: 6,
    sha256: `${index}`.padStart(64, '0'),
    origin: { kind: 'upload' },
    importedAt: '2024-01-01T00:00:00.000Z',
    importer: 'test',
    pageMap: [],
  };
}

describe('a mailbox cut off in the middle of its last message', () => {
  const report = { fileName: 'survey.pdf', mimeType: 'application/pdf', bytes: Buffer.alloc(6000, 7) };
  const whole = messageWithAttachment('Survey of the terrace', 'The survey is attached.', report).toString('latin1');
  const first = message('m1', 'Cistern', ADA, 'How large is the cistern?');

  it('imports the complete messages and refuses the cut one, naming it and why', async () => {
    const box = mbox([first, whole]);
    const cut = box.slice(0, box.indexOf('--b1--') - 3000);
    const outcome = await importer.importFile('inbox.mbox', Buffer.from(cut, 'latin1'));
    expect([outcome, ...(outcome.also ?? [])].map((item) => item.document.title)).toEqual(['Cistern']);
    expect(outcome.leftOut).toEqual([
      '“inbox.mbox”: its last message, message 2 (“Survey of the terrace”), was not imported: the file ends in ' +
        'the middle of it (its multipart section “b1” is never closed), as a download or copy that did not ' +
        'finish does. Download or copy the mailbox again to import it whole.',
    ]);
    expect(core.documents.count()).toBe(1);
    const complete = await importer.importFile('full.mbox', Buffer.from(box, 'latin1'));
    expect(complete.leftOut).toBeUndefined();
    expect(core.documents.count()).toBe(2);
  });

  it('imports nothing when the cut message is the mailbox’s only one', async () => {
    const box = mbox([whole]);
    const attempt = importer.importFile('one.mbox', Buffer.from(box.slice(0, box.length - 2500), 'latin1'));
    await expect(attempt).rejects.toThrow(
      /“one\.mbox” holds one message and the file ends in the middle of it \(its multipart section “b1” is never closed\).*Nothing was imported\./,
    );
    expect(core.documents.count()).toBe(0);
  });

  it('sees a base64 body stopped mid-way, and no sign in whole messages, an HTML body its client never closed among them', () => {
    const single = (type: string, encoding: string, body: string): Uint8Array =>
      Buffer.from(
        `From: a@example.org${CRLF}Subject: s${CRLF}Content-Type: ${type}${CRLF}` +
          `Content-Transfer-Encoding: ${encoding}${CRLF}${CRLF}${body}`,
        'latin1',
      );
    const base64 = Buffer.alloc(700, 9).toString('base64').replace(/.{76}/g, `$&${CRLF}`);
    expect(cutShortReason(single('application/pdf', 'base64', base64.slice(0, 301)))).toBe(
      'its last part, in base64, stops in the middle of a character group',
    );
    expect(cutShortReason(single('application/pdf', 'base64', base64))).toBeUndefined();
    const page = '<html><body><p>The terrace.</p><p>The cistern.</p></body></html>';
    expect(cutShortReason(single('text/html; charset=utf-8', '8bit', page))).toBeUndefined();
    // Clients that never write the closing tags are common: a missing </html> is no sign of a cut.
    expect(cutShortReason(single('text/html; charset=utf-8', '8bit', page.slice(0, 40)))).toBeUndefined();
    expect(cutShortReason(single('text/plain', '7bit', 'Write <html> at the top.'))).toBeUndefined();
    expect(cutShortReason(Buffer.from(whole, 'latin1'))).toBeUndefined();
  });
});
