// The evidence the window shows, kept fresh from the contract's evidenceChanged events: the
// grading scheme, the library's sources and claims, and the open document's default sources,
// grades and links. A load that fails is kept as a message for the panels to show.
import type { MarginaliaClient } from '../../../shared/contract';
import type { AnnotationGrade, ClaimSummary, EvidenceSource, GradingScheme, LinkView } from '../../../shared/evidence';
import { ADMIRALTY_SCHEME } from '../../../shared/evidence';
import type { EvidenceKind } from '../../../shared/evidence-contract';
import type { Result } from '../../../shared/result';
import { Store } from '../app/store';

export type EvidenceClient = Pick<
  MarginaliaClient,
  'getGradingScheme' | 'listSources' | 'getDocumentSources' | 'listGrades' | 'listLinks' | 'listClaims' | 'on'
>;

export interface EvidenceState {
  scheme: GradingScheme;
  /** Null until loaded. */
  sources: EvidenceSource[] | null;
  claims: ClaimSummary[] | null;
  /** Bumped on every change a claim's view may show (claims, grades, sources, links). */
  claimsVersion: number;
  documentId: string | null;
  documentSourceIds: string[];
  grades: ReadonlyMap<string, AnnotationGrade>;
  links: LinkView[];
  /** Why the last load of each kind failed; a kind that loads again is forgotten here. */
  failures: Partial<Record<EvidenceKind, string>>;
}

const NO_GRADES: ReadonlyMap<string, AnnotationGrade> = new Map();

export class EvidenceStore extends Store<EvidenceState> {
  private stop: (() => void) | null = null;
  /** The latest request of each kind (document kinds apart), so a slower, older answer is dropped. */
  private readonly tickets = new Map<string, number>();

  constructor(private readonly client: EvidenceClient) {
    super({
      scheme: ADMIRALTY_SCHEME,
      sources: null,
      claims: null,
      claimsVersion: 0,
      documentId: null,
      documentSourceIds: [],
      grades: NO_GRADES,
      links: [],
      failures: {},
    });
  }

  /** Loads the library's evidence and follows its changes; returns the cleanup. */
  start(): () => void {
    this.stop?.();
    void this.reload(['scheme', 'sources', 'claims']);
    const stops = [
      this.client.on('evidenceChanged', ({ kinds, documentIds }) => this.changed(kinds, documentIds)),
      // A deleted annotation takes its links and its place in claims with it.
      this.client.on('annotationsChanged', ({ documentId }) => this.changed(['links', 'claims'], [documentId])),
      // Another program (the CLI) may have changed anything, sources and the scheme included.
      this.client.on('libraryChanged', () => this.changed(['scheme', 'sources', 'claims', 'links', 'grades'], [])),
    ];
    this.stop = () => stops.forEach((stop) => stop());
    return () => {
      this.stop?.();
      this.stop = null;
    };
  }

  /** Shows a document's default sources, grades and links (or none). */
  open(documentId: string | null): void {
    if (documentId === this.get().documentId) return;
    this.set({ documentId, documentSourceIds: [], grades: NO_GRADES, links: [] });
    if (documentId) void this.reload(['grades', 'links', 'sources']);
  }

  private changed(kinds: readonly EvidenceKind[], documentIds: readonly string[]): void {
    const documentId = this.get().documentId;
    const mine = documentIds.length === 0 || (documentId !== null && documentIds.includes(documentId));
    const wanted = new Set<EvidenceKind>(kinds.filter((kind) => mine || (kind !== 'grades' && kind !== 'links')));
    // A claim's status and best grade follow its evidence's grades, sources and links.
    if (kinds.some((kind) => kind !== 'analyses' && kind !== 'scheme')) wanted.add('claims');
    this.set((state) => ({ claimsVersion: state.claimsVersion + 1 }));
    void this.reload([...wanted]);
  }

  /** Loads what the kinds name. */
  async reload(kinds: readonly EvidenceKind[]): Promise<void> {
    const documentId = this.get().documentId;
    const loads: Promise<void>[] = [];
    const load = <T>(
      kind: EvidenceKind,
      request: Promise<Result<T>>,
      apply: (value: T) => void,
      forDocument = false,
    ) => {
      // Answers can come back out of order: only the latest request of a kind is shown, and a
      // document's grades and links only while that document is still open.
      const key = forDocument ? `document ${kind}` : kind;
      const ticket = (this.tickets.get(key) ?? 0) + 1;
      this.tickets.set(key, ticket);
      loads.push(
        request.then((result) => {
          if (this.tickets.get(key) !== ticket) return;
          if (forDocument && documentId !== this.get().documentId) return;
          if (!result.ok) return this.failed(kind, result.error.message);
          apply(result.value);
          this.failed(kind, null);
        }),
      );
    };
    if (kinds.includes('scheme')) load('scheme', this.client.getGradingScheme({}), (scheme) => this.set({ scheme }));
    if (kinds.includes('sources')) load('sources', this.client.listSources({}), (sources) => this.set({ sources }));
    if (kinds.includes('claims')) load('claims', this.client.listClaims({}), (claims) => this.set({ claims }));
    if (documentId && kinds.includes('sources'))
      load(
        'sources',
        this.client.getDocumentSources({ documentId }),
        ({ sourceIds }) => this.set({ documentSourceIds: sourceIds }),
        true,
      );
    if (documentId && kinds.includes('grades'))
      load(
        'grades',
        this.client.listGrades({ documentId }),
        (grades) => this.set({ grades: new Map(grades.map((grade) => [grade.annotationId, grade])) }),
        true,
      );
    if (documentId && kinds.includes('links'))
      load('links', this.client.listLinks({ documentId }), (links) => this.set({ links }), true);
    await Promise.all(loads);
  }

  private failed(kind: EvidenceKind, message: string | null): void {
    const { [kind]: _was, ...others } = this.get().failures;
    if (message === null && _was === undefined) return;
    this.set({ failures: message === null ? others : { ...others, [kind]: message } });
  }

  /** After a call answered: a store that pushes no event for it still shows the change. */
  refreshAfter(kinds: readonly EvidenceKind[]): Promise<void> {
    return this.reload(kinds);
  }
}
