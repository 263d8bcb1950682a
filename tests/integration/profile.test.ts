import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { EventEnvelope } from '../../src/shared/contract';
import { SAMPLE_REPORT, makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
let documentId: string;

beforeEach(() => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
  documentId = core.importPath(SAMPLE_REPORT).document.id;
});

afterEach(() => {
  core.close();
  temp.remove();
});

const highlight = (quote: string) => {
  const start = core.documents.canonicalText(documentId).indexOf(quote);
  return core.annotations.create({ documentId, start, end: start + quote.length });
};

describe('renaming the profile', () => {
  it('puts the new name on your own annotations and replies, keeping their times, and leaves other authors alone', () => {
    const mine = highlight('the main hospital');
    const reply = core.annotations.createReply(mine.id, 'Which one?');
    const theirs = highlight('beheading 11 people');
    core.db
      .prepare("UPDATE annotations SET author_id = 'someone-else', author_name = 'Rania' WHERE id = ?")
      .run(theirs.id);
    const heard: EventEnvelope[] = [];
    core.events.subscribe((envelope) => heard.push(envelope));

    core.profile.rename('Ada Analyst');

    expect(core.annotations.get(mine.id)).toMatchObject({ author: { name: 'Ada Analyst' }, updatedAt: mine.updatedAt });
    expect(core.annotations.listReplies(documentId)).toMatchObject([
      { id: reply.id, author: { name: 'Ada Analyst' }, updatedAt: reply.updatedAt },
    ]);
    expect(core.annotations.get(theirs.id).author.name).toBe('Rania');
    expect(core.searchService.search('author:"Ada Analyst"').total).toBe(1);
    expect(heard).toEqual([
      { event: 'annotationsChanged', payload: { documentId, annotationIds: [] } },
      { event: 'repliesChanged', payload: { documentId } },
    ]);
  });

  it('keeps the new name when an edit made before the rename is undone or redone', () => {
    const mine = highlight('the main hospital');
    core.annotations.update({ id: mine.id, color: 'green' });
    core.profile.rename('Ada Analyst');
    core.annotations.undo();
    expect(core.annotations.get(mine.id)).toMatchObject({ color: 'yellow', author: { name: 'Ada Analyst' } });
    core.annotations.undo();
    core.annotations.redo();
    expect(core.annotations.get(mine.id).author.name).toBe('Ada Analyst');
    expect(core.searchService.search('author:"Ada Analyst"').total).toBe(1);
  });
});
