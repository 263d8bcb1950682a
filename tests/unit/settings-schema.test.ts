// The reading-width setting: its schema, its default, and how the store treats old or bad rows.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SettingsRepository } from '../../src/core/settings';
import { DEFAULT_SETTINGS, READING_WIDTHS } from '../../src/shared/model';
import { settingsSchema } from '../../src/shared/settings-schema';

/** A settings store on its own in-memory database, with the rows given already in it. */
function repository(rows: Record<string, string> = {}): SettingsRepository {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value_json TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO settings VALUES (?, ?)');
  for (const [key, json] of Object.entries(rows)) insert.run(key, json);
  return new SettingsRepository(db);
}

describe('the reading width setting', () => {
  it('accepts narrow, medium and wide and nothing else', () => {
    for (const width of READING_WIDTHS) {
      expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, readingWidth: width }).success).toBe(true);
    }
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, readingWidth: 'huge' }).success).toBe(false);
    expect(settingsSchema.partial().strict().safeParse({ readingWidth: 3 }).success).toBe(false);
  });

  it('defaults to medium, so a library from before the setting reads as it did', () => {
    expect(DEFAULT_SETTINGS.readingWidth).toBe('medium');
    expect(repository().read().readingWidth).toBe('medium');
  });

  it('is remembered by the store and a bad stored value falls back to medium without touching the rest', () => {
    const settings = repository();
    expect(settings.update({ readingWidth: 'wide', fontSize: 22 })).toMatchObject({ readingWidth: 'wide' });
    expect(settings.read()).toMatchObject({ readingWidth: 'wide', fontSize: 22 });
    expect(() => settings.update({ readingWidth: 'vast' as never })).toThrow();
    expect(repository({ readingWidth: '"vast"', fontSize: '22' }).read()).toMatchObject({
      readingWidth: 'medium',
      fontSize: 22,
    });
  });
});
