// The reader: the document's canonical Lexical state rendered read-only, with a header
// of its metadata and a reading-progress bar. The renderer recomputes the canonical text
// from the live editor and checks its hash against the store's, so offsets computed in
// Node and here can never silently disagree.
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { EditorThemeClasses } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { $canonicalText, DOCUMENT_NODES } from '../../../shared/lexical-document';
import type { DocumentDetail } from '../../../shared/model';

const READER_THEME: EditorThemeClasses = {
  paragraph: 'doc-p',
  quote: 'doc-quote',
  heading: { h1: 'doc-h1', h2: 'doc-h2', h3: 'doc-h3', h4: 'doc-h4', h5: 'doc-h5', h6: 'doc-h6' },
  list: {
    ul: 'doc-ul',
    ol: 'doc-ol',
    listitem: 'doc-li',
    nested: { listitem: 'doc-li--nested' },
  },
  link: 'doc-link',
  text: { bold: 'doc-bold', italic: 'doc-italic', code: 'doc-code', underline: 'doc-underline' },
};

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function TextIntegrityPlugin({ expectedSha256, onChecked }: { expectedSha256: string; onChecked: (hash: string) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let cancelled = false;
    // After the first paint: the check must never delay the text appearing.
    const timer = setTimeout(() => {
      const text = editor.getEditorState().read($canonicalText);
      void sha256Hex(text).then((hash) => {
        if (cancelled) return;
        if (hash !== expectedSha256) console.error('marginalia: the rendered text differs from the stored canonical text');
        onChecked(hash);
      });
    }, 50);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [editor, expectedSha256, onChecked]);
  return null;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/**
 * Scrolls to the very start or end and stays there while blocks laid out on the way
 * change the page's height (and scroll anchoring shifts the position), until it settles.
 */
function scrollToEdge(scroller: HTMLElement, edge: 'start' | 'end'): void {
  let frames = 0;
  let stableFrames = 0;
  let lastHeight = -1;
  const step = () => {
    scroller.scrollTop = edge === 'start' ? 0 : scroller.scrollHeight;
    frames += 1;
    stableFrames = scroller.scrollHeight === lastHeight ? stableFrames + 1 : 0;
    lastHeight = scroller.scrollHeight;
    if (stableFrames < 3 && frames < 120) requestAnimationFrame(step);
  };
  step();
}

function formatPublished(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

interface ReaderProps {
  document: DocumentDetail | null;
  loading: boolean;
  onImport: () => void;
  onOpenLink: (url: string) => void;
}

export function Reader({ document: doc, loading, onImport, onOpenLink }: ReaderProps) {
  const scrollRef = useRef<HTMLElement>(null);
  const [progress, setProgress] = useState(0);
  const [renderedHash, setRenderedHash] = useState<string | null>(null);
  const [settled, setSettled] = useState(false);

  // Lay out the whole document once the first screen has painted and the browser is idle.
  useEffect(() => {
    setSettled(false);
    if (!doc) return;
    const settle = () => setSettled(true);
    const idle = window.requestIdleCallback?.(settle, { timeout: 1000 });
    const timer = idle === undefined ? setTimeout(settle, 300) : undefined;
    return () => {
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [doc]);

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    scroller.scrollTop = 0;
    setRenderedHash(null);
    const update = () => {
      const range = scroller.scrollHeight - scroller.clientHeight;
      setProgress(range <= 0 ? 100 : Math.round((scroller.scrollTop / range) * 100));
    };
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(scroller);
    const article = scroller.querySelector('.reader__article');
    if (article) observer.observe(article);
    return () => {
      scroller.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, [doc?.id]);

  if (!doc) {
    return (
      <main className="reader reader--empty" aria-label="Reader">
        {!loading && (
          <div className="empty-state">
            <h1>Nothing open</h1>
            <p>Import a .txt, .md or .html file, or drop one on this window, to start reading.</p>
            <button type="button" className="button button--primary" onClick={onImport}>
              Import a document…
            </button>
          </div>
        )}
      </main>
    );
  }

  const details = [doc.siteName, doc.publishedAt ? formatPublished(doc.publishedAt) : '', doc.sourceName].filter(Boolean);

  return (
    <main
      className="reader"
      aria-label="Reader"
      ref={scrollRef}
      tabIndex={0}
      onKeyDown={(event) => {
        if ((event.key === 'End' || event.key === 'Home') && !event.ctrlKey && !event.metaKey && event.target === event.currentTarget) {
          event.preventDefault();
          scrollToEdge(event.currentTarget, event.key === 'Home' ? 'start' : 'end');
        }
      }}
      onClick={(event) => {
        const link = (event.target as HTMLElement).closest('a[href]');
        if (!link) return;
        event.preventDefault();
        onOpenLink(link.getAttribute('href') ?? '');
      }}
    >
      <div
        className="reader__progress"
        role="progressbar"
        aria-label="Reading progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress}
      >
        <div className="reader__progress-bar" style={{ width: `${progress}%` }} />
      </div>
      <article
        className={settled ? 'reader__article reader__article--settled' : 'reader__article'}
        data-document-id={doc.id}
        data-rendered-text-sha256={renderedHash ?? undefined}
        data-stored-text-sha256={doc.textSha256}
      >
        <p className="reader__details">{details.join(' · ')}</p>
        <LexicalComposer
          key={doc.id}
          initialConfig={{
            namespace: 'marginalia-reader',
            nodes: [...DOCUMENT_NODES],
            editable: false,
            editorState: doc.lexicalJson,
            theme: READER_THEME,
            onError: (error) => {
              throw error;
            },
          }}
        >
          <RichTextPlugin
            contentEditable={<ContentEditable className="reader__content" aria-label={`Text of ${doc.title}`} />}
            ErrorBoundary={LexicalErrorBoundary}
          />
          <TextIntegrityPlugin expectedSha256={doc.textSha256} onChecked={setRenderedHash} />
        </LexicalComposer>
        {renderedHash !== null && renderedHash !== doc.textSha256 && (
          <p role="alert" className="reader__warning">
            This document's text renders differently from its stored text; annotations may land in the wrong place.
          </p>
        )}
      </article>
    </main>
  );
}
