// The generated libraries the scale benchmark measures: 10,000 documents with 1,000,000
// annotations, and the same generator at a tenth of that as the baseline, each with its
// workspace written once. Built through the core (imports, the annotation store and its
// search index, the sync engine), so they are libraries the app would have made, and
// cached under bench/.cache/ keyed by the generator and schema versions.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HIGHLIGHT_COLORS } from '../src/shared/annotations';
import { quoteSelectorFor } from '../src/shared/selectors';
import { MarginaliaCore } from '../src/core/core';
import { LATEST_SCHEMA_VERSION } from '../src/core/store/migrations';
import { highlightRow, seededRandom, sentence } from './support';

/** Raise whenever the generated library changes, so every cached copy is rebuilt. */
export const GENERATOR_VERSION = 1;
export const CACHE_ROOT = join(import.meta.dirname, '.cache');
export const HEAVY_ANNOTATIONS = 1000;
export const AUTHORS = ['Rania Haddad', 'Tom Okafor', 'Li Wei', 'Ana Souza'];
export const TAG_GROUPS = 8;
const TAGS = 60;
const DOCUMENTS_PER_TRANSACTION = 250;

export interface LibrarySize {
  name: string;
  documents: number;
  annotations: number;
}

export const SCALE: LibrarySize = { name: 'scale', documents: 10_000, annotations: 1_000_000 };
export const BASELINE: LibrarySize = { name: 'baseline', documents: 1_000, annotations: 100_000 };

export interface CachedLibrary {
  size: LibrarySize;
  dataDir: string;
  workspace: string;
  /** The document with HEAVY_ANNOTATIONS annotations, and one with the library's typical 100. */
  heavyDocumentId: string;
  typicalDocumentId: string;
  /** Seconds this run spent building it (0 when it came from the cache). */
  builtSeconds: number;
}

function cacheKey(size: LibrarySize): string {
  return `${size.name}-g${GENERATOR_VERSION}-s${LATEST_SCHEMA_VERSION}`;
}

/** Annotations on document `index`: document 0 has HEAVY_ANNOTATIONS, the rest share the others evenly. */
export function annotationsOn(size: LibrarySize, index: number): number {
  if (index === 0) return HEAVY_ANNOTATIONS;
  const others = size.annotations - HEAVY_ANNOTATIONS;
  const count = size.documents - 1;
  return Math.floor((index * others) / count) - Math.floor(((index - 1) * others) / count);
}

function documentText(random: () => number, index: number, annotations: number): string {
  // About one paragraph per 17 annotations, so highlights overlap as in a well-read report.
  const paragraphs = Array.from({ length: Math.max(6, Math.ceil(annotations / 17)) }, () =>
    Array.from({ length: 3 }, () => sentence(random, 10 + Math.floor(random() * 8))).join(' '),
  );
  return `Report ${index}\n\n${paragraphs.join('\n\n')}\n`;
}

function createTags(core: MarginaliaCore): string[] {
  const now = '2026-01-01T00:00:00.000Z';
  return Array.from({ length: TAGS }, (_, index) => {
    const id = `tag-${index}`;
    const path = `Group ${index % TAG_GROUPS}/Topic ${index}`;
    core.annotations.store.upsertTag({ id, path, color: '', description: '', created_at: now, updated_at: now });
    return id;
  });
}

function insertDocument(core: MarginaliaCore, size: LibrarySize, index: number, tagIds: string[]): string {
  const random = seededRandom(1_000_003 * GENERATOR_VERSION + index);
  const count = annotationsOn(size, index);
  const { document } = core.importBytes(`report-${index}.txt`, Buffer.from(documentText(random, index, count)));
  const text = core.documents.canonicalText(document.id);
  const hash = core.documents.textSha256(document.id);
  const own = core.profile.read();
  const ids: string[] = [];
  for (let item = 0; item < count; item += 1) {
    const start = Math.floor(random() * (text.length - 80));
    const end = start + 5 + Math.floor(random() * 70);
    const quote = quoteSelectorFor(text, start, end);
    const note = random() < 0.3 ? sentence(random, 8 + Math.floor(random() * 10)) : '';
    // Most notes are the analyst's own; a quarter come from colleagues (through bundles, say).
    const author = random() < 0.75 ? { id: own.authorId, name: own.displayName } : null;
    const colleague = item % AUTHORS.length;
    const serial = index * 1_000_000 + item;
    const at = new Date(Date.UTC(2026, 0, 1) + (index * HEAVY_ANNOTATIONS + item) * 1000).toISOString();
    const row = highlightRow({
      id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
      documentId: document.id,
      start: start,
      end: end,
      quote,
      textSha256: hash,
      anchorStatus: random() < 0.01 ? 'orphan' : 'exact',
      color: HIGHLIGHT_COLORS[Math.floor(random() * HIGHLIGHT_COLORS.length)]!,
      note: note,
      author: { id: author?.id ?? `author-${colleague}`, name: author?.name ?? AUTHORS[colleague]! },
      at: at,
    });
    core.annotations.store.insertRow(row);
    if (random() < 0.4) core.annotations.store.setTags(row.id, [tagIds[Math.floor(random() * tagIds.length)]!]);
    ids.push(row.id);
  }
  core.annotations.store.reindex(ids);
  return document.id;
}

async function build(size: LibrarySize, dir: string, log: (line: string) => void): Promise<void> {
  const dataDir = join(dir, 'data');
  const core = new MarginaliaCore({ dataDir, host: 'cli', version: 'bench' });
  core.profile.rename('Bench Analyst');
  const started = performance.now();
  const tagIds = core.db.transaction(() => createTags(core)).immediate();
  const ids: string[] = [];
  for (let first = 0; first < size.documents; first += DOCUMENTS_PER_TRANSACTION) {
    core.db
      .transaction(() => {
        const last = Math.min(size.documents, first + DOCUMENTS_PER_TRANSACTION);
        for (let index = first; index < last; index += 1) ids.push(insertDocument(core, size, index, tagIds));
      })
      .immediate();
    if ((first / DOCUMENTS_PER_TRANSACTION) % 8 === 7)
      log(
        `  ${size.name}: ${first + DOCUMENTS_PER_TRANSACTION} documents (${Math.round((performance.now() - started) / 1000)} s)`,
      );
  }
  log(`  ${size.name}: store built in ${Math.round((performance.now() - started) / 1000)} s; writing the workspace…`);
  const syncStarted = performance.now();
  const engine = await core.startSync(join(dir, 'workspace'), { watch: false });
  await engine.stop();
  log(`  ${size.name}: workspace written in ${Math.round((performance.now() - syncStarted) / 1000)} s`);
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  writeFileSync(join(dir, 'documents.json'), `${JSON.stringify({ heavy: ids[0], typical: ids[1] })}\n`);
}

/** The cached library of this size, built first if missing or made by another generator or schema. */
export async function cachedLibrary(size: LibrarySize, log: (line: string) => void): Promise<CachedLibrary> {
  const key = cacheKey(size);
  const dir = join(CACHE_ROOT, key);
  let builtSeconds = 0;
  if (!existsSync(join(dir, 'documents.json'))) {
    mkdirSync(CACHE_ROOT, { recursive: true });
    // Stale copies (other generator or schema versions, or a build cut short) go first.
    for (const name of readdirSync(CACHE_ROOT))
      if (name.startsWith(`${size.name}-`)) rmSync(join(CACHE_ROOT, name), { recursive: true, force: true });
    log(`bench: building the ${size.name} library (${size.documents} documents, ${size.annotations} annotations)…`);
    const started = performance.now();
    // Built in place (the sync records name the workspace folder); documents.json, written
    // last, marks it complete.
    await build(size, dir, log);
    builtSeconds = (performance.now() - started) / 1000;
  }
  const documents = JSON.parse(readFileSync(join(dir, 'documents.json'), 'utf8')) as { heavy: string; typical: string };
  return {
    size,
    dataDir: join(dir, 'data'),
    workspace: join(dir, 'workspace'),
    heavyDocumentId: documents.heavy,
    typicalDocumentId: documents.typical,
    builtSeconds,
  };
}
