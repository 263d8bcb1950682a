// The original page view: a page of the document's original drawn as a picture, the
// annotation's words outlined on it, with previous/next page and zoom (fit width or the
// picture's own size). ← and → turn pages, Esc closes, focus goes back to what opened it.
// An encrypted PDF's page asks for its password first (PagePasswordForm).
import type { KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import type { OriginalPage } from '../../../shared/model';
import { useClient } from '../app/stores';
import { useStore } from '../app/store';
import { Modal } from '../ui/Dialogs';
import { PagePasswordForm } from './PagePasswordForm';
import type { PageViewRequest } from './page-view-store';
import { pageView } from './page-view-store';
import styles from './OriginalPage.module.css';

/** A password typed in the view, counted, so even the same one typed again is tried again. */
type Typed = { password: string; attempt: number } | undefined;

type Loaded = { request: PageViewRequest; typed: Typed } & ({ page: OriginalPage } | { error: string; code: string });

/**
 * Draws the asked-for page through the contract; the answer for an older request is dropped.
 * `password` (typed for an encrypted PDF) goes with the request; the core keeps it for the next pages.
 */
function useOriginalPage(request: PageViewRequest, typed: Typed): Loaded | null {
  const client = useClient();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let current = true;
    const password = typed === undefined ? {} : { password: typed.password };
    const { documentId, page, annotationId } = request;
    const annotation = annotationId === undefined ? {} : { annotationId };
    void client.getOriginalPage({ documentId, page, ...annotation, ...password }).then((result) => {
      if (!current) return;
      setLoaded(
        result.ok
          ? { request, typed, page: result.value }
          : { request, typed, error: result.error.message, code: result.error.code },
      );
    });
    return () => {
      current = false;
    };
  }, [client, request, typed]);
  return loaded;
}

function passwordProblem(loaded: Loaded | null): { message: string; wrong: boolean } | undefined {
  if (loaded === null || !('code' in loaded)) return undefined;
  if (loaded.code !== 'PASSWORD_REQUIRED' && loaded.code !== 'PASSWORD_WRONG') return undefined;
  return { message: loaded.error, wrong: loaded.code === 'PASSWORD_WRONG' };
}

function PageSheet({ page, zoom }: { page: OriginalPage; zoom: 'fit' | 'actual' }) {
  const name = `Page ${page.page} of ${page.pageCount}`;
  const firstRegion = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // In braces: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup.
    firstRegion.current?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [page]);
  return (
    <div className={styles.sheet} style={zoom === 'fit' ? { width: '100%' } : { width: page.width }}>
      <img
        className={styles.image}
        src={`data:image/png;base64,${page.pngBase64}`}
        alt={name}
        role="img"
        width={page.width}
        height={page.height}
      />
      {page.regions.map((region, index) => (
        <div
          key={index}
          ref={index === 0 ? firstRegion : undefined}
          className={styles.region}
          data-testid="page-region"
          aria-hidden="true"
          style={{
            left: `${region.x * 100}%`,
            top: `${region.y * 100}%`,
            width: `${region.width * 100}%`,
            height: `${region.height * 100}%`,
          }}
        />
      ))}
    </div>
  );
}

/** Whether the page shown is one the annotation is on (true when which pages is not known). */
function onAnnotationPage(request: PageViewRequest): boolean {
  const pages = request.annotationPages;
  return pages === undefined || (request.page >= pages.first && request.page <= pages.last);
}

/**
 * What the view says of the annotation's words on the page shown. Turned away from its pages,
 * only where it is ("The annotation is on p. 3."): its words are not expected there, and
 * "not found" would read as a failure. On its own page, whether they were found.
 */
function regionsNote(page: OriginalPage, request: PageViewRequest): string {
  if (request.annotationId === undefined) return '';
  if (!onAnnotationPage(request)) return `The annotation is on ${request.annotationPages!.text}.`;
  if (page.regions.length === 0) return 'The annotation’s words were not found on this page.';
  return 'The annotation’s words are outlined.';
}

export function OriginalPageDialog({ request }: { request: PageViewRequest }) {
  const headingId = useId();
  const [typed, setTyped] = useState<Typed>();
  const loaded = useOriginalPage(request, typed);
  const asking = passwordProblem(loaded);
  const frame = useRef<HTMLDivElement>(null);
  const drawn = loaded && 'page' in loaded ? loaded.page : null;
  useEffect(() => {
    // The password form is gone once its page is drawn: focus stays in the view, so ← and → turn pages.
    if (drawn && !frame.current?.contains(document.activeElement)) frame.current?.focus();
  }, [drawn]);
  const [zoom, setZoom] = useState<'fit' | 'actual'>('fit');
  const page = loaded && 'page' in loaded ? loaded.page : null;
  const current = loaded?.request === request && loaded.typed === typed;
  const count = page?.pageCount;
  const turn = (by: number) => {
    const next = request.page + by;
    if (next >= 1 && (count === undefined || next <= count)) pageView.turn(next);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      turn(event.key === 'ArrowLeft' ? -1 : 1);
    }
  };
  const title = count === undefined ? `Page ${request.page}` : `Page ${request.page} of ${count}`;
  return (
    <Modal labelledBy={headingId} onCancel={() => pageView.close()} className={styles.dialog}>
      <div ref={frame} tabIndex={-1} className={styles.frame} onKeyDown={onKeyDown}>
        <header className={styles.bar}>
          <h2 id={headingId}>{title}</h2>
          {page?.label && page.label !== String(page.page) && (
            <span className={styles.label}>printed as {page.label}</span>
          )}
          <div className={styles.tools} role="group" aria-label="Page">
            <button type="button" className="button" disabled={request.page <= 1} onClick={() => turn(-1)}>
              ← Previous page
            </button>
            <button
              type="button"
              className="button"
              disabled={count !== undefined && request.page >= count}
              onClick={() => turn(1)}
            >
              Next page →
            </button>
          </div>
          <div className={styles.tools} role="group" aria-label="Zoom">
            <button type="button" className="button" aria-pressed={zoom === 'fit'} onClick={() => setZoom('fit')}>
              Fit width
            </button>
            <button type="button" className="button" aria-pressed={zoom === 'actual'} onClick={() => setZoom('actual')}>
              100 %
            </button>
          </div>
          <button type="button" className="button" onClick={() => pageView.close()}>
            Close
          </button>
        </header>
        <div className={styles.noteRow}>
          <p className={styles.note} role="status">
            {!current ? `Drawing page ${request.page}…` : page ? regionsNote(page, request) : ''}
          </p>
          {request.annotationPages && !onAnnotationPage(request) && (
            <button type="button" className="button" onClick={() => pageView.turn(request.annotationPages!.first)}>
              Back to the annotation’s page
            </button>
          )}
        </div>
        <div className={styles.viewport} aria-busy={!current}>
          {asking && current && (
            // Keyed by the attempt, so a wrong password leaves an empty field to type again.
            <PagePasswordForm
              key={typed?.attempt ?? 0}
              message={asking.message}
              wrong={asking.wrong}
              onOpen={(password) => setTyped({ password, attempt: (typed?.attempt ?? 0) + 1 })}
            />
          )}
          {loaded && 'error' in loaded && !asking && current && (
            <p className={styles.error} role="alert">
              {loaded.error}
            </p>
          )}
          {page && <PageSheet page={page} zoom={zoom} />}
        </div>
      </div>
    </Modal>
  );
}

/** The dialog while a page is asked for. */
export function OriginalPageLayer() {
  const request = useStore(pageView, (state) => state.request);
  return request ? <OriginalPageDialog request={request} /> : null;
}
