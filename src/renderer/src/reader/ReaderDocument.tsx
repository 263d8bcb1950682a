// The document's article: its details line and the Lexical composer with the reader's plugins,
// one behaviour each. The composer remounts for each document, text version and discarded edit.
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { EditorThemeClasses, LexicalEditor } from 'lexical';
import { useCallback, useMemo, useState } from 'react';
import type { Annotation } from '../../../shared/annotations';
import { DOCUMENT_NODES } from '../../../shared/lexical-document';
import type { DocumentDetail } from '../../../shared/model';
import type { AnnotationController } from '../annotations/controller';
import type { DomTextMap } from './dom-map';
import type { TextChange } from './live-edit';
import type { PaintableSpan } from './paint';
import { PageMarkersPlugin } from '../pages/PageMarkersPlugin';
import { LinkTargetsPlugin } from './LinkTargetsPlugin';
import { joinMarksToWords } from './mark-joins';
import { ReaderBridgePlugin } from './ReaderBridgePlugin';
import type { ReaderElements } from './Reader';
import { AnnotationCommandsPlugin } from './plugins/AnnotationCommandsPlugin';
import { SavedPlacePlugin } from './plugins/SavedPlacePlugin';
import { CaretPlugin } from './plugins/CaretPlugin';
import { EditablePlugin } from './plugins/EditablePlugin';
import { HighlightPaintPlugin } from './plugins/HighlightPaintPlugin';
import { LiveEditPlugin } from './plugins/LiveEditPlugin';
import { MarginMeasurePlugin } from './plugins/MarginMeasurePlugin';
import { OcrMarksPlugin } from './plugins/OcrMarksPlugin';
import { OcrLegend, useOcrUnsure } from './ocr-unsure';
import { ReaderKeysPlugin } from './plugins/ReaderKeysPlugin';
import { ReadingPlacePlugin } from './plugins/ReadingPlacePlugin';
import { ScrollTargetPlugin } from './plugins/ScrollTargetPlugin';
import { SearchMarksPlugin } from './plugins/SearchMarksPlugin';
import type { ReaderSelection } from './plugins/SelectionPlugin';
import { SelectionPlugin } from './plugins/SelectionPlugin';
import { TextIntegrityPlugin } from './plugins/TextIntegrityPlugin';
import styles from './Reader.module.css';

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
  table: 'doc-table',
  tableRow: 'doc-tr',
  tableCell: 'doc-td',
  tableCellHeader: 'doc-th',
  text: { bold: 'doc-bold', italic: 'doc-italic', code: 'doc-code', underline: 'doc-underline' },
};

/** What the plugins share with the reader around them. */
export interface ReaderPluginState {
  selection: ReaderSelection;
  setSelection: (selection: ReaderSelection) => void;
  paintable: readonly PaintableSpan[];
  cards: readonly Annotation[];
  setAnchorTops: (tops: Map<string, number>) => void;
  settled: boolean;
  follow: (change: TextChange | null) => void;
}

export interface ReaderDocumentProps {
  document: DocumentDetail;
  editing: boolean;
  editEpoch: number;
  controller: AnnotationController;
  report: (title: string, message: string) => void;
  details: string;
  settled: boolean;
  articleRef: (element: HTMLElement | null) => void;
  elements: ReaderElements | null;
  map: DomTextMap | null;
  onReady: (editor: LexicalEditor, map: DomTextMap) => void;
  plugins: ReaderPluginState;
  shown: readonly Annotation[];
}

interface PagePluginsProps {
  elements: ReaderElements;
  map: DomTextMap | null;
  controller: AnnotationController;
  editing: boolean;
  plugins: ReaderPluginState;
  shown: readonly Annotation[];
  documentId: string;
  pageMap: DocumentDetail['pageMap'];
  textLength: number;
}

/** The plugins that need the page's elements, mounted once those exist. */
function PagePlugins(props: PagePluginsProps) {
  const { elements, map, controller, editing, plugins, shown, documentId } = props;
  const { scroller, page, article, caret } = elements;
  const deselect = useCallback(() => controller.select(null), [controller]);
  const paintedFor = controller.loadedDocumentId ?? controller.spans?.documentId ?? null;
  return (
    <>
      <ReaderKeysPlugin scroller={scroller} deselect={deselect} />
      <ReadingPlacePlugin scroller={scroller} article={article} />
      <SavedPlacePlugin
        map={map}
        scroller={scroller}
        documentId={documentId}
        textLength={props.textLength}
        jumpAsked={controller.scrollTarget !== null}
      />
      <CaretPlugin elements={{ scroller, page, caret }} map={map} />
      <HighlightPaintPlugin
        map={map}
        spans={plugins.paintable}
        selectedId={controller.selectedId}
        scroller={scroller}
        article={article}
        paintedFor={paintedFor}
        settled={plugins.settled}
      />
      <MarginMeasurePlugin
        map={map}
        page={page}
        annotations={plugins.cards}
        settled={plugins.settled}
        onMeasured={plugins.setAnchorTops}
      />
      <AnnotationCommandsPlugin
        controller={controller}
        annotations={shown}
        selection={plugins.selection}
        map={map}
        scroller={scroller}
        editing={editing}
        documentId={documentId}
      />
      <SearchMarksPlugin
        map={map}
        spans={controller.searchMarks?.documentId === documentId ? controller.searchMarks.spans : null}
      />
      <PageMarkersPlugin
        map={map}
        page={page}
        scroller={scroller}
        documentId={documentId}
        pageMap={props.pageMap}
        settled={plugins.settled}
        selected={controller.annotations.find((annotation) => annotation.id === controller.selectedId)}
      />
    </>
  );
}

export function ReaderDocument(props: ReaderDocumentProps) {
  const { document: doc, editing, controller, map, plugins } = props;
  const [rendered, setRendered] = useState<{ of: string; hash: string } | null>(null);
  const onChecked = useCallback((hash: string) => setRendered({ of: doc.textSha256, hash }), [doc.textSha256]);
  const renderedHash = rendered?.of === doc.textSha256 ? rendered.hash : null;
  const unsure = useOcrUnsure(doc);
  const shownState = useMemo(() => joinMarksToWords(doc.lexicalJson), [doc.lexicalJson]);
  return (
    <article
      ref={props.articleRef}
      className={`${styles.article} ${props.settled ? styles.settled : ''} reader__article`}
      data-document-id={doc.id}
      data-rendered-text-sha256={renderedHash ?? undefined}
      data-stored-text-sha256={doc.textSha256}
    >
      <p className={`${styles.details} ${doc.pageMap[0]?.start === 0 ? styles.detailsOverPage : ''}`}>
        {props.details}
      </p>
      {!editing && <OcrLegend count={unsure.length} />}
      <LexicalComposer
        key={`${doc.id}:${doc.textSha256}:${props.editEpoch}`}
        initialConfig={{
          namespace: 'marginalia-reader',
          nodes: [...DOCUMENT_NODES],
          editable: false,
          editorState: shownState,
          theme: READER_THEME,
          onError: (error) => props.report('The document could not be shown', error.message),
        }}
      >
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className={styles.content}
              aria-label={`Text of ${doc.title}`}
              aria-multiline
              tabIndex={0}
              data-testid="reader-content"
              data-caret-links=""
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        {editing && <HistoryPlugin />}
        <EditablePlugin editable={editing} />
        <ReaderBridgePlugin onReady={props.onReady} />
        <LinkTargetsPlugin />
        <TextIntegrityPlugin expectedSha256={doc.textSha256} onChecked={onChecked} />
        <SelectionPlugin map={map} onChange={plugins.setSelection} />
        <LiveEditPlugin editing={editing} onChange={plugins.follow} />
        <ScrollTargetPlugin map={map} target={controller.scrollTarget} done={controller.clearScrollTarget} />
        <OcrMarksPlugin map={map} spans={unsure} editing={editing} />
        {props.elements && (
          <PagePlugins
            elements={props.elements}
            map={map}
            controller={controller}
            editing={editing}
            plugins={plugins}
            shown={props.shown}
            documentId={doc.id}
            pageMap={doc.pageMap}
            textLength={doc.textLength}
          />
        )}
      </LexicalComposer>
      {renderedHash !== null && renderedHash !== doc.textSha256 && (
        <p role="alert" className={styles.warning}>
          This document's text renders differently from its stored text; annotations may land in the wrong place.
        </p>
      )}
    </article>
  );
}
