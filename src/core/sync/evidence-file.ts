// The workspace's evidence file (evidence.jsonld): the library's sources, grades, links,
// claims and analyses with every analyst's cells, written when they change here and merged
// back when the file changes, by the rules bundles use (per item and per author, the last
// writer wins), with the change source 'sync'. A bad file is reported and nothing of it applied.
import { EVIDENCE_FILE, evidenceEntryIsEmpty, evidenceFileText } from '../../shared/bundle-evidence';
import type { EvidenceEntry } from '../../shared/bundle-evidence';
import { emptyEvidenceCounts } from '../../shared/bundles';
import { acceptedTime } from '../../shared/merge';
import { mergeEvidence } from '../bundles/bundle-evidence-merge';
import type { EvidenceTouched } from '../bundles/evidence-merge-context';
import { writeFileAtomic } from '../files/atomic-write';
import { SharedEvidenceReader } from '../evidence/shared-evidence-reader';
import { JSON_FILE_LIMIT, messageOf } from './session';
import type { SyncSession } from './session';
import { parseEvidenceFile } from './sidecar-file';
import { decodeUtf8, readWorkspaceFile } from './workspace-files';
import { join } from 'node:path';

export class EvidenceFileSync {
  constructor(private readonly session: SyncSession) {}

  private refuse(message: string): void {
    this.session.refuse(EVIDENCE_FILE, { line: 0, column: 0, message });
  }

  /** Reads the file and merges it into the library in one transaction; then writes back what the library has more. */
  importEvidence(): void {
    const read = readWorkspaceFile(this.session.dir, EVIDENCE_FILE, JSON_FILE_LIMIT);
    if (!read.ok) {
      if (read.missing) this.session.problems.delete(EVIDENCE_FILE);
      else this.refuse(read.message);
      return;
    }
    const parsed = parseEvidenceFile(read.bytes);
    if (!parsed.ok) {
      this.session.refuse(EVIDENCE_FILE, parsed.fault);
      return;
    }
    let touched: EvidenceTouched;
    try {
      touched = this.apply(parsed.value);
    } catch (error) {
      this.refuse(messageOf(error));
      return;
    }
    this.session.problems.delete(EVIDENCE_FILE);
    if (touched.kinds.size > 0)
      this.session.deps.events.emit(
        'evidenceChanged',
        { kinds: [...touched.kinds], documentIds: [...touched.documentIds] },
        'sync',
      );
    this.writeEvidence();
  }

  private apply(entry: EvidenceEntry): EvidenceTouched {
    const { deps } = this.session;
    const store = deps.annotations.store;
    const nowMs = Date.now();
    let latest = '';
    const batch = deps.incoming.begin({ source: 'sync', announceTags: false });
    return deps.db
      .transaction(() => {
        const touched = mergeEvidence(
          {
            db: deps.db,
            signer: { authorId: '', verified: true },
            trustAuthors: true,
            plan: { evidence: emptyEvidenceCounts(), evidenceSkipped: 0, refused: 0 },
            apply: true,
            authorOf: (claimed) => claimed,
            time: (iso) => {
              const kept = acceptedTime(iso, nowMs);
              if (kept > latest) latest = kept;
              return kept;
            },
            annotationHere: (id) => (store.row(id) ? id : undefined),
            documentHere: (id) => (deps.documents.exists(id) ? id : undefined),
          },
          entry,
        );
        if (latest !== '') batch.observe(latest);
        batch.finish();
        return touched;
      })
      .immediate();
  }

  /** Writes the file when it differs from the library's evidence; never over a file still to be fixed. */
  writeEvidence(): void {
    if (this.session.problems.has(EVIDENCE_FILE)) return;
    const entry = new SharedEvidenceReader(this.session.deps.db).readAll();
    const read = readWorkspaceFile(this.session.dir, EVIDENCE_FILE, JSON_FILE_LIMIT);
    if (!read.ok && !read.missing) return this.refuse(read.message);
    if (!read.ok && evidenceEntryIsEmpty(entry)) return;
    const text = evidenceFileText(entry);
    if (read.ok && decodeUtf8(read.bytes) === text) return;
    try {
      writeFileAtomic(join(this.session.dir, EVIDENCE_FILE), text);
      this.session.counters.writes++;
      this.session.problems.delete(`write:${EVIDENCE_FILE}`);
    } catch (error) {
      const problem = { file: EVIDENCE_FILE, line: 0, column: 0, message: messageOf(error) };
      this.session.problems.set(`write:${EVIDENCE_FILE}`, problem);
    }
  }
}
