// The workspace's evidence file (evidence.jsonld): the library's sources, claims and analyses
// with every analyst's cells (grades and links are in the sidecars; an older file's are still
// read), written when they change here and merged back when the file changes, by the rules bundles use (per item and per author, the last
// writer wins), with the change source 'sync'. A bad file is reported and nothing of it applied.
import { EVIDENCE_FILE, evidenceEntryIsEmpty, evidenceFileText } from '../../shared/bundle-evidence';
import type { EvidenceEntry } from '../../shared/bundle-evidence';
import { emptyEvidenceCounts } from '../../shared/bundles';
import { acceptedTime } from '../../shared/merge';
import { mergeEvidence } from '../bundles';
import type { EvidenceMergeHost, EvidenceTouched, ThreeWay } from '../bundles';
import { sha256Hex } from '../files/sha256';
import { writeFileAtomic } from '../files/atomic-write';
import { SharedEvidenceReader } from '../evidence';
import { JSON_FILE_LIMIT, messageOf } from './session';
import type { SyncSession } from './session';
import { parseEvidenceFile } from './sidecar-file';
import { decodeUtf8, readWorkspaceFile } from './workspace-files';
import { join } from 'node:path';

/** Where the last synced state of the file is kept: each item's content hash, by kind and key. */
const BASE_KEY = 'sync_evidence_base';
/** The base's entry for the whole file as last written or read: a file that differs has changes to merge first. */
const FILE_HASH = '#file';

export class EvidenceFileSync {
  constructor(private readonly session: SyncSession) {}

  private loadBase(): Map<string, string> {
    const row = this.session.deps.db
      .prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?')
      .get(BASE_KEY);
    try {
      return new Map(Object.entries(row ? (JSON.parse(row.value_json) as Record<string, string>) : {}));
    } catch {
      // A damaged base is no base: the next merge goes by the usual rule alone.
      return new Map();
    }
  }

  /** Records the file just written (or found equal) as the base of the next three-way merge. */
  private saveBase(entry: EvidenceEntry, text: string): void {
    const base = new Map<string, string>([[FILE_HASH, sha256Hex(text)]]);
    const record: ThreeWay = {
      changedSinceBase: () => undefined,
      record: (kind, key, content) => void base.set(`${kind}|${key}`, sha256Hex(content)),
    };
    mergeEvidence(
      this.host(false, () => '', record),
      entry,
    );
    this.session.deps.db
      .prepare('INSERT OR REPLACE INTO settings (key, value_json) VALUES (?, ?)')
      .run(BASE_KEY, JSON.stringify(Object.fromEntries(base)));
  }

  /** The merge's view of the library: every author trusted (the files are the library's own), ids as they are. */
  private host(apply: boolean, time: (iso: string) => string, threeWay: ThreeWay): EvidenceMergeHost {
    const { deps } = this.session;
    return {
      db: deps.db,
      signer: { authorId: '', verified: true },
      trustAuthors: true,
      plan: { evidence: emptyEvidenceCounts(), evidenceSkipped: 0, refused: 0 },
      apply,
      authorOf: (claimed) => claimed,
      time,
      annotationHere: (id) => (deps.annotations.store.row(id) ? id : undefined),
      documentHere: (id) => (deps.documents.exists(id) ? id : undefined),
      threeWay,
    };
  }

  private refuse(message: string): void {
    this.session.refuse(EVIDENCE_FILE, { line: 0, column: 0, message });
  }

  /**
   * Reads the file and merges it into the library in one transaction; then writes back what
   * the library has more. Returns the documents whose grades or links an older file changed
   * (their sidecars, which carry them now, are to be written).
   */
  importEvidence(): string[] {
    const read = readWorkspaceFile(this.session.dir, EVIDENCE_FILE, JSON_FILE_LIMIT);
    if (!read.ok) {
      if (read.missing) this.session.problems.delete(EVIDENCE_FILE);
      else this.refuse(read.message);
      return [];
    }
    const parsed = parseEvidenceFile(read.bytes);
    if (!parsed.ok) {
      this.session.refuse(EVIDENCE_FILE, parsed.fault);
      return [];
    }
    let touched: EvidenceTouched;
    try {
      touched = this.apply(parsed.value);
    } catch (error) {
      this.refuse(messageOf(error));
      return [];
    }
    this.session.problems.delete(EVIDENCE_FILE);
    if (touched.kinds.size > 0)
      this.session.deps.events.emit(
        'evidenceChanged',
        { kinds: [...touched.kinds], documentIds: [...touched.documentIds] },
        'sync',
      );
    this.writeEvidence(true);
    return touched.kinds.has('grades') || touched.kinds.has('links') ? [...touched.documentIds] : [];
  }

  private apply(entry: EvidenceEntry): EvidenceTouched {
    const { deps } = this.session;
    const nowMs = Date.now();
    let latest = '';
    const time = (iso: string) => {
      const kept = acceptedTime(iso, nowMs);
      if (kept > latest) latest = kept;
      return kept;
    };
    const base = this.loadBase();
    const threeWay: ThreeWay = {
      changedSinceBase: (kind, key, content) => {
        const hash = base.get(`${kind}|${key}`);
        return hash === undefined ? undefined : hash !== sha256Hex(content);
      },
      record: () => undefined,
    };
    const batch = deps.incoming.begin({ source: 'sync', announceTags: false });
    return deps.db
      .transaction(() => {
        const touched = mergeEvidence(this.host(true, time, threeWay), entry);
        if (latest !== '') batch.observe(latest);
        batch.finish();
        return touched;
      })
      .immediate();
  }

  /**
   * Writes the file when it differs from the library's evidence; never over a file still to be
   * fixed, and a file changed since the last sync is merged first (`merged` once it has been).
   */
  writeEvidence(merged = false): void {
    if (this.session.problems.has(EVIDENCE_FILE)) return;
    const read = readWorkspaceFile(this.session.dir, EVIDENCE_FILE, JSON_FILE_LIMIT);
    if (!read.ok && !read.missing) return this.refuse(read.message);
    if (!merged && read.ok && sha256Hex(decodeUtf8(read.bytes) ?? '') !== this.loadBase().get(FILE_HASH))
      return void this.importEvidence();
    // Grades and links (and their removals) are in the sidecars; the file keeps the rest.
    const {
      gradeTombstones: _grades,
      linkTombstones: _links,
      ...all
    } = new SharedEvidenceReader(this.session.deps.db).readAll();
    const entry: EvidenceEntry = { ...all, grades: [], links: [] };
    if (!read.ok && evidenceEntryIsEmpty(entry)) return;
    const text = evidenceFileText(entry);
    if (read.ok && decodeUtf8(read.bytes) === text) return this.saveBase(entry, text);
    try {
      writeFileAtomic(join(this.session.dir, EVIDENCE_FILE), text);
      this.session.counters.writes++;
      this.session.problems.delete(`write:${EVIDENCE_FILE}`);
      this.saveBase(entry, text);
    } catch (error) {
      const problem = { file: EVIDENCE_FILE, line: 0, column: 0, message: messageOf(error) };
      this.session.problems.set(`write:${EVIDENCE_FILE}`, problem);
    }
  }
}
