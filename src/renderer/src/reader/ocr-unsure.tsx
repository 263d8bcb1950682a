// The words OCR was unsure of in the open document, from its provenance (getDocumentSource),
// placed in its current text; and the legend that says what their dotted underline means.
import { useEffect, useMemo, useState } from 'react';
import { canonicalTextOf } from '../../../shared/lexical-document';
import type { DocumentDetail, OcrFacts } from '../../../shared/model';
import type { TextSpan } from '../../../shared/ocr-uncertain';
import { uncertainSpans } from '../../../shared/ocr-uncertain';
import { useClient } from '../app/stores';
import styles from './Reader.module.css';

const NONE: readonly TextSpan[] = [];

/** The unsure words' spans in the document's text as it is now (none for a document not read with OCR). */
export function useOcrUnsure(document: DocumentDetail): readonly TextSpan[] {
  const client = useClient();
  const [facts, setFacts] = useState<{ of: string; ocr: OcrFacts | undefined } | null>(null);
  useEffect(() => {
    let current = true;
    void client.getDocumentSource({ id: document.id }).then((result) => {
      // A document without provenance, or a failed look-up, simply has no marks.
      if (current)
        setFacts({ of: document.id, ocr: result.ok ? (result.value.provenance?.ocr ?? undefined) : undefined });
    });
    return () => {
      current = false;
    };
  }, [client, document.id]);
  const ocr = facts?.of === document.id ? facts.ocr : undefined;
  return useMemo(
    () => (ocr?.uncertain?.length ? uncertainSpans(ocr, canonicalTextOf(document.lexicalJson)) : NONE),
    [ocr, document.lexicalJson],
  );
}

/** Says, above the text, what the dotted underlines mark and how to fix them. */
export function OcrLegend({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p className={styles.ocrLegend} data-testid="ocr-legend">
      <span className={styles.ocrSample}>Underlined with dots</span>: words the OCR was unsure of ({count}). Correct
      them with Edit text.
    </p>
  );
}
