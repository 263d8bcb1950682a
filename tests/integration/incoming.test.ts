import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { EventContext } from '../../src/core/events';
import { readWebAnnotation, toWebAnnotation } from '../../src/shared/web-annotation';
import type { EventEnvelope } from '../../src/shared/contract';
import { SAMPLE_REPORT, makeTempDir } from '../support/temp';

// The one path for incoming annotations: what it writes, and that every change says where it came from.

let temp: ReturnType<typeof makeTempDir>;
let analyst: MarginaliaCore;
let reviewer: MarginaliaCore;
let documentId: string;
let heard: Array<{ event: EventEnvelope['event']; source: EventContext['source'] }>;

function highlight(core: MarginaliaCore, quote: string) {
  const text = core.documents.canonicalText(documentId);
  const start = text.indexOf(quote);
  return core.annotations.create({ documentId, start, end: start + quote.length, noteMarkdown: `on ${quote}` });
}

function localText(core: MarginaliaCore, id: string) {
  return { id, text: core.documents.canonicalText(id), textSha256: core.documents.textSha256(id) };
}

beforeEach(() => {
  temp = makeTempDir();
  analyst = new MarginaliaCore({ dataDir: join(temp.path, 'analyst'), host: 'cli', version: '1' });
  reviewer = new MarginaliaCore({ dataDir: join(temp.path, 'reviewer'), host: 'cli', version: '1' });
  documentId = analyst.importPath(SAMPLE_REPORT).document.id;
  heard = [];
  reviewer.events.subscribe((envelope, context) => heard.push({ event: envelope.event, source: context.source }));
});

afterEach(() => {
  analyst.close();
  reviewer.close();
  temp.remove();
});

describe('incoming annotations', () => {
  it('say they came from a bundle, while local edits say they are local', async () => {
    highlight(analyst, 'Tripoli');
    const bytes = Buffer.from(analyst.exportBundle({ documentIds: [documentId] }).bytes);
    await reviewer.importBundle(bytes, { allowUnsigned: false, apply: true });
    expect(heard.filter((each) => each.event !== 'libraryChanged')).toEqual([
      { event: 'annotationsChanged', source: 'bundle' },
      { event: 'tagsChanged', source: 'bundle' },
      { event: 'repliesChanged', source: 'bundle' },
    ]);
    heard = [];
    highlight(reviewer, 'coastal city');
    expect(heard).toEqual([{ event: 'annotationsChanged', source: 'local' }]);
  });

  it('writes a change set in one transaction: the fields asked for, replies by last writer wins, the author’s tombstones', () => {
    const note = highlight(analyst, 'beheading 11 people');
    const gone = highlight(analyst, 'Tripoli');
    const sent = readWebAnnotation(toWebAnnotation(note));
    const mine = reviewer.importPath(SAMPLE_REPORT).document.id;
    const into = localText(reviewer, mine);
    reviewer.incoming.apply(
      {
        annotations: [
          { into, annotation: sent },
          { into, annotation: readWebAnnotation(toWebAnnotation(gone)) },
        ],
      },
      { source: 'sync' },
    );
    expect(reviewer.annotations.get(note.id)).toMatchObject({
      note: { markdown: note.note.markdown },
      anchor: { status: 'exact' },
    });

    const later = new Date(Date.parse(note.updatedAt) + 1000).toISOString();
    const reply = {
      id: 'r1',
      annotation_id: note.id,
      document_id: mine,
      body_markdown: 'newer',
      body_text: 'newer',
      author_id: 'someone',
      author_name: 'Someone',
      created_at: later,
      updated_at: later,
    };
    const batch = reviewer.incoming.apply(
      {
        // Only the color is taken: the note stays as it is here.
        annotations: [
          {
            into,
            annotation: { ...sent, color: 'green', markdown: 'ignored', updatedAt: later },
            fields: ['color'],
          },
        ],
        replies: [reply, { ...reply, body_markdown: 'older', updated_at: note.updatedAt }],
        tombstones: [{ id: gone.id, documentId: mine, authorId: gone.author.id, deletedAt: later }],
      },
      { source: 'sync' },
    );
    expect(batch.touchedDocuments).toEqual(new Set([mine]));
    expect(reviewer.annotations.get(note.id)).toMatchObject({
      color: 'green',
      note: { markdown: note.note.markdown },
      updatedAt: later,
    });
    expect(reviewer.annotations.listReplies(mine).map((each) => each.markdown)).toEqual(['newer']);
    expect(reviewer.annotations.getMany([gone.id])).toEqual([]);
    expect(reviewer.annotations.store.tombstone(gone.id)?.deleted_at).toBe(later);
    expect(heard.filter((each) => each.event === 'annotationsChanged').map((each) => each.source)).toEqual([
      'sync',
      'sync',
    ]);
    expect(reviewer.searchService.search('ignored').total).toBe(0);
  });
});
