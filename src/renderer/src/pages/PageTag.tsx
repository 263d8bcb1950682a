// "p. 3" where an annotation or a search hit sits in a document with pages, and on a margin
// card the button that opens that original page.
import type { Annotation } from '../../../shared/annotations';
import { PageIcon } from '../ui/icons';
import { annotationPages, openAnnotationPage, usePageMap } from './page-view-store';
import styles from './PageTag.module.css';

/** The page text on its own ("p. 3", "pp. 3–4"). */
export function PageTag({ text }: { text: string }) {
  return (
    <span className={styles.page} data-testid="page-tag">
      {text}
    </span>
  );
}

/** The page of an annotation in the open document; nothing for a document without pages. */
export function AnnotationPageTag({ annotation }: { annotation: Annotation }) {
  const pages = annotationPages(annotation, usePageMap());
  return pages ? <PageTag text={pages.text} /> : null;
}

/** On a card: the page, and the button that opens the original page with the words outlined. */
export function CardPage({ annotation, tabbable }: { annotation: Annotation; tabbable: boolean }) {
  const pages = annotationPages(annotation, usePageMap());
  if (!pages) return null;
  return (
    <span className={styles.cardPage}>
      <PageTag text={pages.text} />
      <button
        type="button"
        className={styles.open}
        aria-label="Open original page"
        title={`Open original page ${pages.first}`}
        tabIndex={tabbable ? 0 : -1}
        onMouseDown={(event) => event.stopPropagation()}
        onClick={() => openAnnotationPage(annotation, pages)}
      >
        <PageIcon size={14} />
      </button>
    </span>
  );
}
