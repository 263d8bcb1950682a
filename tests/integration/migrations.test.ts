import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/store/database';
import { migrate } from '../../src/core/store/migrations';
import { makeTempDir } from '../support/temp';

// Released migrations run frozen code: their results on a fixture are recorded here, so a
// change to live code (merge fields, author ids) that leaked into a migration would show.

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const FIXTURE = join(__dirname, '..', 'fixtures', 'migrations', 'sync-base-v5.json');

/** What migration 6 wrote for the fixture when it was released. */
const RECORDED_V6_FIELDS =
  '{"0b6c1f3e-8f0e-4c39-9d44-1d7e3e0a0001":{"color":"red","note":"first **note**","tags":"[\\"Actor/IS\\",\\"Places/Libya\\"]","target":"[\\"highlight\\",0,8,\\"old text\\"]"},' +
  '"0b6c1f3e-8f0e-4c39-9d44-1d7e3e0a0002":{"color":"yellow","note":"","tags":"[]","target":"[\\"highlight\\",9,13,\\"here\\"]"},' +
  '"0b6c1f3e-8f0e-4c39-9d44-1d7e3e0a0003":{"color":"yellow","note":"About the whole report","tags":"[]","target":"[\\"document\\",-1,-1,\\"\\"]"},' +
  '"0b6c1f3e-8f0e-4c39-9d44-1d7e3e0a0005":{"color":"blue","note":"pinned","tags":"[]","target":"[\\"point\\",-1,-1,\\"\\"]"}}';

const PUBLIC_KEY = 'MCowBQYDK2VwAyEAiC+WRKEETEYPQcHdVhcHY7uxUloqg5YhE+xJ6epnizo=';
/** The author id migration 7 derived from PUBLIC_KEY when it was released. */
const RECORDED_V7_AUTHOR_ID = '0b46dea1-deba-8e65-adf6-af7565946ff1';

function insertDocument(db: ReturnType<typeof openDatabase>): void {
  db.prepare(
    `INSERT INTO documents (id, title, source_name, source_type, source_bytes, source_sha256, lexical_json,
       canonical_text, text_sha256, word_count, imported_at, updated_at)
     VALUES ('d1', 'Old doc', 'old.txt', 'txt', x'41', 'abc', '{}', 'old text here', 'def', 3, '2026-01-01', '2026-01-01')`,
  ).run();
}

describe('released migrations', () => {
  it('6 writes the sync base of a fixture exactly as when it was released', () => {
    const db = openDatabase(join(temp.path, 'v5.db'), { targetVersion: 5 });
    insertDocument(db);
    const items = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Array<{ id: string }>;
    const insert = db.prepare('INSERT INTO sync_base (annotation_id, document_id, base_json) VALUES (?, ?, ?)');
    for (const item of items) insert.run(item.id.replace('urn:uuid:', ''), 'd1', JSON.stringify(item));
    expect(migrate(db, 6)).toBe(6);
    const rows = db.prepare('SELECT document_id, fields_json FROM sync_bases').all();
    expect(rows).toEqual([{ document_id: 'd1', fields_json: RECORDED_V6_FIELDS }]);
    db.close();
  });

  it("7 moves the profile's items to the author id of its key, derived as when it was released", () => {
    const db = openDatabase(join(temp.path, 'v6.db'), { targetVersion: 6 });
    db.prepare(
      `INSERT INTO profile (id, author_id, display_name, confirmed, created_at, public_key, private_key)
       VALUES (1, 'old-local-id', 'Ada', 1, '2026-01-01T00:00:00.000Z', ?, '')`,
    ).run(PUBLIC_KEY);
    insertDocument(db);
    db.prepare(
      `INSERT INTO tombstones (id, document_id, author_id, deleted_at) VALUES ('t1', 'd1', 'old-local-id', '2026-01-01T00:00:00.000Z')`,
    ).run();
    expect(migrate(db, 7)).toBe(7);
    expect(db.prepare('SELECT author_id FROM profile').get()).toEqual({ author_id: RECORDED_V7_AUTHOR_ID });
    expect(db.prepare('SELECT author_id FROM tombstones').get()).toEqual({ author_id: RECORDED_V7_AUTHOR_ID });
    db.close();
  });
});
