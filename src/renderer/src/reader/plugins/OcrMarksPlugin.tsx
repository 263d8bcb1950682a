// Marks the words OCR was unsure of with a dotted underline (the CSS Custom Highlight API,
// like the search marks), so the analyst can find and fix them with Edit text. Nothing is
// marked while the text is being edited: the words' places hold only for the saved text.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import type { TextSpan } from '../../../../shared/ocr-uncertain';
import type { DomTextMap } from '../dom-map';
import { rangeForSpan } from '../dom-map';
import { highlightsSupported } from '../paint';

export const OCR_UNSURE_HIGHLIGHT = 'mg-ocr-unsure';

let stylesInstalled = false;

/** The dotted underline, in a color readable on the light and the dark page. */
function installOcrStyles(): void {
  if (stylesInstalled) return;
  stylesInstalled = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    [
      ':root { --ocr-unsure: #9b2c8f; }',
      ":root[data-theme='dark'] { --ocr-unsure: #ee9ae4; }",
      `::highlight(${OCR_UNSURE_HIGHLIGHT}) { text-decoration: underline dotted 2px var(--ocr-unsure);` +
        ' text-underline-offset: 4px; }',
    ].join('\n'),
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** Paints `spans` as unsure words; the returned function takes the marks away. */
export function registerOcrMarks(editor: LexicalEditor, map: DomTextMap, spans: readonly TextSpan[]): () => void {
  if (!highlightsSupported() || spans.length === 0) return () => undefined;
  installOcrStyles();
  const ranges = spans
    .map((span) => rangeForSpan(editor, map, span.start, span.end))
    .filter((range): range is Range => range !== null);
  CSS.highlights.set(OCR_UNSURE_HIGHLIGHT, new Highlight(...ranges));
  return () => {
    CSS.highlights.delete(OCR_UNSURE_HIGHLIGHT);
  };
}

export function OcrMarksPlugin({
  map,
  spans,
  editing,
}: {
  map: DomTextMap | null;
  spans: readonly TextSpan[];
  editing: boolean;
}) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!map || editing) return undefined;
    return registerOcrMarks(editor, map, spans);
  }, [editor, map, spans, editing]);
  return null;
}
