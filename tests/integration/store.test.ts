import BetterSqlite3 from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { openDatabase } from '../../src/core/store/database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate, schemaVersionOf } from '../../src/core/store/migrations';
import { UserFacingError } from '../../src/shared/result';
import { mergeFieldsOf } from '../../src/shared/sidecar';
import { idFromUrn, toWebAnnotation } from '../../src/shared/web-annotation';
import { SAMPLE_REPORT, HTML_SAMPLES, makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

function newCore(): MarginaliaCore {
  return new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
}

describe('the store', () => {
  it('opens in WAL mode with foreign keys and a busy timeout, at the latest schema version', () => {
    const db = openDatabase(join(temp.path, 'm.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersionOf(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('keeps every column NOT NULL and names tables in snake_case', () => {
    const db = openDatabase(join(temp.path, 'm.db'));
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'",
      )
      .all();
    for (const { name } of tables) {
      expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
      const columns = db.prepare<[], { name: string; notnull: number; pk: number }>(`PRAGMA table_info(${name})`).all();
      for (const column of columns) {
        expect(column.name).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(column.notnull || column.pk, `${name}.${column.name}`).toBeTruthy();
      }
    }
    db.close();
  });

  it('migrates to the latest version from every earlier version, keeping the data', () => {
    const starts = [0, ...MIGRATIONS.map((migration) => migration.version).filter((v) => v < LATEST_SCHEMA_VERSION)];
    for (const start of starts) {
      const path = join(temp.path, `from-${start}.db`);
      const db = openDatabase(path, { targetVersion: start });
      expect(schemaVersionOf(db)).toBe(start);
      if (start >= 1) {
        db.prepare(
          `INSERT INTO documents (id, title, source_name, source_type, source_bytes, source_sha256, lexical_json,
             canonical_text, text_sha256, word_count, imported_at, updated_at)
           VALUES ('d1', 'Old doc', 'old.txt', 'txt', x'41', 'abc', '{}', 'old text here', 'def', 3, '2026-01-01', '2026-01-01')`,
        ).run();
      }
      expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
      if (start >= 1) {
        expect(db.prepare("SELECT title FROM documents WHERE id = 'd1'").get()).toEqual({ title: 'Old doc' });
      }
      db.close();
    }
    // Numbers only rise (a gap is another branch's migration still to land).
    const versions = MIGRATIONS.map((migration) => migration.version);
    expect(versions.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, index) => index + 1));
    versions.forEach((version, index) => index > 0 && expect(version).toBeGreaterThan(versions[index - 1]!));
    expect(versions.at(-1)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('carries the sync base of version 5 into one row per document of the fields merges compare', () => {
    const db = openDatabase(join(temp.path, 'v5.db'), { targetVersion: 5 });
    db.prepare(
      `INSERT INTO documents (id, title, source_name, source_type, source_bytes, source_sha256, lexical_json,
         canonical_text, text_sha256, word_count, imported_at, updated_at)
       VALUES ('d1', 'Old doc', 'old.txt', 'txt', x'41', 'abc', '{}', 'old text here', 'def', 3, '2026-01-01', '2026-01-01')`,
    ).run();
    const core = new MarginaliaCore({ dataDir: join(temp.path, 'source'), host: 'cli', version: 'test' });
    const document = core.importPath(SAMPLE_REPORT).document;
    const noted = core.annotations.create({
      documentId: document.id,
      start: 0,
      end: 8,
      noteMarkdown: 'first **note**',
      tags: ['Places/Libya'],
    });
    const plain = core.annotations.create({ documentId: document.id, start: 20, end: 30, color: 'green' });
    const items = [toWebAnnotation(noted), toWebAnnotation(plain)];
    core.close();
    const insert = db.prepare('INSERT INTO sync_base (annotation_id, document_id, base_json) VALUES (?, ?, ?)');
    for (const item of items) insert.run(idFromUrn(item.id), 'd1', JSON.stringify(item));
    migrate(db);
    const row = db
      .prepare<[], { document_id: string; fields_json: string }>('SELECT document_id, fields_json FROM sync_bases')
      .get()!;
    expect(row.document_id).toBe('d1');
    expect(JSON.parse(row.fields_json)).toEqual({
      [noted.id]: mergeFieldsOf(items[0]!),
      [plain.id]: mergeFieldsOf(items[1]!),
    });
    expect(JSON.parse(row.fields_json)[noted.id].note).toBe('first **note**');
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'sync_base'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a database from a newer Marginalia instead of damaging it', () => {
    const path = join(temp.path, 'future.db');
    const raw = new BetterSqlite3(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(/newer than this Marginalia understands/);
  });

  it('indexes document text for full-text search', () => {
    const core = newCore();
    core.importPath(SAMPLE_REPORT);
    const hits = core.db
      .prepare<[string], { title: string }>(
        'SELECT d.title FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid WHERE documents_fts MATCH ?',
      )
      .all('beheading');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.title).toMatch(/^Reports of western/);
    core.close();
  });

  it('does not duplicate an identical file imported twice', () => {
    const core = newCore();
    const first = core.importPath(SAMPLE_REPORT);
    const second = core.importPath(SAMPLE_REPORT);
    expect(first.created).toBe(true);
    expect(second).toEqual({ document: first.document, created: false });
    expect(core.documents.count()).toBe(1);
    core.close();
  });

  it('keeps the original source bytes, canonical text, hash and metadata', () => {
    const core = newCore();
    const source = join(HTML_SAMPLES, 'aclu/source.html');
    const { document } = core.importPath(source);
    expect(core.documents.sourceBytes(document.id).equals(readFileSync(source))).toBe(true);
    const detail = core.documents.detail(document.id);
    expect(detail).toMatchObject({
      title: 'Facebook Is Tracking Me Even Though I’m Not on Facebook',
      byline: 'Daniel Kahn Gillmor',
      siteName: 'American Civil Liberties Union',
      publishedAt: '2018-04-05T06:00',
      sourceName: 'source.html',
      sourceType: 'html',
    });
    expect(detail.textSha256).toMatch(/^[0-9a-f]{64}$/);
    core.close();
  });

  it('writes nothing when a file is refused', () => {
    const core = newCore();
    core.importPath(SAMPLE_REPORT);
    core.settings.update({ maxImportMegabytes: 1 });
    const changes = () => (core.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = { count: core.documents.count(), changes: changes() };
    const bad: Array<[string, Uint8Array]> = [
      ['empty.txt', new Uint8Array()],
      ['binary.txt', new Uint8Array([0, 1, 2, 3, 255, 0])],
      ['latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a, 0x41])],
      ['slides.pptx', new Uint8Array([80, 75, 3, 4])],
      ['nothing.html', new TextEncoder().encode('<html><body><script>1</script></body></html>')],
    ];
    for (const [name, bytes] of bad) {
      const path = join(temp.path, name);
      writeFileSync(path, bytes);
      expect(() => core.importPath(path)).toThrow(UserFacingError);
    }
    const big = join(temp.path, 'big.txt');
    writeFileSync(big, 'x'.repeat(1024 * 1024 + 10));
    expect(() => core.importPath(big)).toThrow(/over the import limit of 1\.0 MB/);
    expect(core.documents.count()).toBe(before.count);
    expect(changes()).toBe(before.changes);
    core.close();
  });

  it('lets two processes share one library: a write from one is seen by the other', async () => {
    const desktop = newCore();
    const cli = newCore();
    const seen: string[] = [];
    desktop.events.subscribe((envelope) => seen.push(`${envelope.event}:${JSON.stringify(envelope.payload)}`));
    desktop.startWatchingExternalChanges();
    cli.importPath(SAMPLE_REPORT);
    expect(desktop.documents.list()).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(seen).toContain('libraryChanged:{"reason":"external"}');
    cli.close();
    desktop.close();
  });

  it('seeds the sample only on the very first start', () => {
    const core = newCore();
    core.seedSampleOnFirstRun(SAMPLE_REPORT);
    const [sample] = core.documents.list();
    expect(sample?.title).toMatch(/^Reports of western/);
    expect(core.settings.read().lastOpenedDocumentId).toBe(sample?.id);
    core.documents.remove(sample!.id);
    core.seedSampleOnFirstRun(SAMPLE_REPORT);
    expect(core.documents.count()).toBe(0);
    core.close();
  });

  it('repairs settings a hand edit broke, keeping the valid ones', () => {
    const core = newCore();
    core.settings.update({ fontSize: 22, theme: 'dark' });
    core.db.prepare("UPDATE settings SET value_json = '\"huge\"' WHERE key = 'fontSize'").run();
    expect(core.settings.read()).toMatchObject({ fontSize: 19, theme: 'dark' });
    core.close();
  });
});
