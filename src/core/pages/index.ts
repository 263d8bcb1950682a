// A document's original pages as pictures (the original page view), with an annotation's
// regions found on them. Each source type with pages draws its own (PAGE_SOURCES); an
// encrypted PDF's password, once typed, is kept in memory for the session (PagePasswords).
import type { Annotation } from '../../shared/annotations';
import type { ContractHandlers } from '../../shared/contract';
import type { DocumentSummary, OcrLanguages, OriginalPage, PageRegion, SourceType } from '../../shared/model';
import { pageRange } from '../../shared/page-map';
import { UserFacingError } from '../../shared/result';
import type { DocumentRepository } from '../documents';
import { PageCache, PagePasswords } from './page-cache';
import type { PageRenderJob, RenderedPage } from '../import';
import { findRegions, occurrenceIn } from './page-regions';
import { PageWorker, imagePage, recognizedWordsOn } from '../import';

/** The picture's longer side: sharp on a laptop screen, a few hundred KB of PNG. */
export const PAGE_PICTURE_SIDE = 1600;

export interface PageRequest {
  document: DocumentSummary;
  bytes: Uint8Array;
  page: number;
  password?: string;
}

/** Draws one page of a stored original of one type. */
export type PageSource = (request: PageRequest) => Promise<RenderedPage>;

export interface OriginalPageDeps {
  documents: DocumentRepository;
  annotation: (id: string) => Annotation;
  /** Draws a PDF page; a worker thread unless a test says otherwise. */
  render?: (job: PageRenderJob) => Promise<RenderedPage>;
  /** Where OCR may make its two-language model folder (the app's data folder). */
  ocrModelsDir?: string;
  /** The worker entry that draws pages; by default the reader worker's (see defaultReaderWorkerEntry). */
  workerEntry?: URL | undefined;
}

/** The words for an encrypted PDF's page: the reader's own speak of importing. */
function passwordProblem(error: unknown, document: DocumentSummary): unknown {
  if (!(error instanceof UserFacingError)) return error;
  if (error.code === 'PASSWORD_REQUIRED') {
    return new UserFacingError(
      'PASSWORD_REQUIRED',
      `“${document.sourceName}” is encrypted: its pages can be shown only with its password.`,
    );
  }
  if (error.code === 'PASSWORD_WRONG') {
    return new UserFacingError('PASSWORD_WRONG', `That is not the password of “${document.sourceName}”.`);
  }
  return error;
}

/** The source types whose originals have pages to show: a PDF's pages, an image's picture (a TIFF's frames). */
function pageSources(render: (job: PageRenderJob) => Promise<RenderedPage>): Partial<Record<SourceType, PageSource>> {
  return {
    pdf: ({ document, bytes, page, password }) =>
      render({
        kind: 'renderPage',
        fileName: document.sourceName,
        bytes,
        page,
        maxSide: PAGE_PICTURE_SIDE,
        ...(password === undefined ? {} : { password }),
      }).catch((error: unknown) => {
        throw passwordProblem(error, document);
      }),
    image: ({ document, bytes, page }) => imagePage(document.sourceName, bytes, page, PAGE_PICTURE_SIDE),
  };
}

/**
 * A page without a text layer (a scan, an image) has its words found by OCR, once, when an
 * annotation is to be outlined on it: the reflowed text came from OCR too.
 */
async function withWords(
  rendered: RenderedPage,
  languages: OcrLanguages | undefined,
  modelsDir: string | undefined,
): Promise<RenderedPage> {
  if (rendered.text.length > 0) return rendered;
  const choice = { languages: languages ?? 'eng', ...(modelsDir === undefined ? {} : { modelsDir }) };
  rendered.text = await recognizedWordsOn(rendered.png, rendered.width, rendered.height, choice);
  return rendered;
}

/** The language(s) the document's text was recognized in, to find its words again on the page. */
function ocrLanguagesOf(deps: OriginalPageDeps, documentId: string): OcrLanguages | undefined {
  const languages = deps.documents.source(documentId).provenance?.ocr?.languages;
  return languages === 'eng' || languages === 'fra' || languages === 'eng+fra' ? languages : undefined;
}

function noPages(document: DocumentSummary): UserFacingError {
  return new UserFacingError(
    'UNSUPPORTED_TYPE',
    `“${document.title}” was imported from a ${document.sourceType.toUpperCase()} file, which has no original pages to show.`,
  );
}

/** The annotation's words on this page: the part of its text that lies on the page, and which match of it. */
function regionsOn(deps: OriginalPageDeps, document: DocumentSummary, rendered: RenderedPage, annotation: Annotation) {
  const target = annotation.target;
  if (!target || annotation.anchor.status === 'orphan') return [];
  const text = deps.documents.canonicalText(document.id);
  const range = pageRange(deps.documents.pageMap(document.id), rendered.page, text.length);
  // Without a page map (imported before pages were kept) the whole quote is looked for.
  if (!range) return findRegions(rendered.text, target.quote.exact);
  const from = Math.max(target.position.start, range.start);
  const to = Math.min(target.position.end, range.end);
  if (from >= to) return [];
  const part = text.slice(from, to);
  return findRegions(rendered.text, part, occurrenceIn(text.slice(range.start, from), part));
}

function annotationOf(deps: OriginalPageDeps, documentId: string, annotationId: string | undefined) {
  if (annotationId === undefined) return undefined;
  const annotation = deps.annotation(annotationId);
  if (annotation.documentId !== documentId) {
    throw new UserFacingError('NOT_FOUND', `Annotation ${annotationId} is not on document ${documentId}.`);
  }
  return annotation;
}

export function originalPageHandlers(deps: OriginalPageDeps): Pick<ContractHandlers, 'getOriginalPage'> {
  const worker = new PageWorker(undefined, deps.workerEntry);
  const sources = pageSources(deps.render ?? ((job) => worker.render(job)));
  const cache = new PageCache();
  const passwords = new PagePasswords();
  const draw = async (document: DocumentSummary, sha256: string, page: number, typed: string | undefined) => {
    const password = typed ?? passwords.get(sha256);
    const bytes = new Uint8Array(deps.documents.sourceBytes(document.id));
    const rendered = await sources[document.sourceType]!({
      document,
      bytes,
      page,
      ...(password === undefined ? {} : { password }),
    });
    // Only a password that opened the file is kept, and only in memory, for the next pages.
    if (typed !== undefined) passwords.set(sha256, typed);
    return rendered;
  };
  return {
    getOriginalPage: async ({ documentId, page, annotationId, password }): Promise<OriginalPage> => {
      const document = deps.documents.summary(documentId);
      if (!sources[document.sourceType]) throw noPages(document);
      const annotation = annotationOf(deps, documentId, annotationId);
      const sha256 = deps.documents.sourceSha256(documentId);
      const key = `${sha256}:${page}`;
      const rendered = cache.get(key) ?? cache.put(key, await draw(document, sha256, page, password));
      const regions: PageRegion[] = annotation
        ? regionsOn(
            deps,
            document,
            await withWords(rendered, ocrLanguagesOf(deps, documentId), deps.ocrModelsDir),
            annotation,
          )
        : [];
      return {
        documentId,
        page: rendered.page,
        ...(rendered.label ? { label: rendered.label } : {}),
        pageCount: rendered.pageCount,
        width: rendered.width,
        height: rendered.height,
        pngBase64: Buffer.from(rendered.png).toString('base64'),
        regions,
      };
    },
  };
}
