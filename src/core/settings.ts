// Settings persisted in the store, merged over the defaults and validated on the way in
// and out, so a hand-edited or older row can never break the app.
import type { Database } from 'better-sqlite3';
import type { Settings } from '../shared/model';
import { DEFAULT_SETTINGS } from '../shared/model';
import { settingsSchema } from '../shared/settings-schema';

export class SettingsRepository {
  constructor(private readonly db: Database) {}

  read(): Settings {
    const rows = this.db.prepare<[], { key: string; value_json: string }>('SELECT key, value_json FROM settings').all();
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const row of rows) {
      if (!Object.hasOwn(DEFAULT_SETTINGS, row.key)) continue;
      try {
        merged[row.key] = JSON.parse(row.value_json);
      } catch {
        // A corrupt value falls back to the default below.
      }
    }
    const parsed = settingsSchema.safeParse(merged);
    if (parsed.success) return parsed.data;
    // Keep every valid field; reset only the ones that fail.
    const repaired: Record<string, unknown> = { ...merged };
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (typeof key === 'string' && Object.hasOwn(DEFAULT_SETTINGS, key)) {
        repaired[key] = DEFAULT_SETTINGS[key as keyof Settings];
      }
    }
    return settingsSchema.parse(repaired);
  }

  update(changes: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.read(), ...changes });
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json',
    );
    this.db.transaction(() => {
      for (const key of Object.keys(changes) as Array<keyof Settings>) {
        upsert.run(key, JSON.stringify(next[key]));
      }
    })();
    return next;
  }
}
