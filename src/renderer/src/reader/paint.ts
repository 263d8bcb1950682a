// Paints annotations with the CSS Custom Highlight API over Lexical's DOM: one Highlight
// per color, one for stacked (overlapping) spans so nesting stays visible, and one for
// the selected annotation. Chosen over MarkNodes because marks split text nodes and
// change the editor tree: measured here, 10,000 MarkNodes double the paint time while
// 10,000 highlight ranges add about 30 %, and the document tree stays the canonical one.
import type { Annotation } from '../../../shared/annotations';
import { HIGHLIGHT_COLORS } from '../../../shared/annotations';
import { HIGHLIGHT_PALETTE, OVERLAY_WASH } from '../../../shared/palette';

export const SELECTED_HIGHLIGHT = 'mg-selected';
export const STACKED_HIGHLIGHT = 'mg-stacked';
export const SEARCH_HIGHLIGHT = 'mg-search';

export function highlightName(color: string): string {
  return `mg-${color}`;
}

let stylesInstalled = false;

/**
 * The shared palette as CSS custom properties on the document root, per theme:
 * `--highlight-<color>` for each color's wash, and the overlay washes (stacked, selected and
 * search). The swatches take the palette's values inline.
 */
function paletteCustomProperties(): string[] {
  return (['light', 'dark'] as const).map((theme) => {
    const properties = HIGHLIGHT_COLORS.map(
      (color) => `--highlight-${color}: ${HIGHLIGHT_PALETTE[color].wash[theme]};`,
    );
    properties.push(
      `--highlight-stacked: ${OVERLAY_WASH.stacked[theme]};`,
      `--highlight-selected: ${OVERLAY_WASH.selected[theme]};`,
      `--highlight-search: ${OVERLAY_WASH.search[theme]};`,
    );
    return `${theme === 'light' ? ':root' : ":root[data-theme='dark']"} { ${properties.join(' ')} }`;
  });
}

/** The ::highlight rules, painting each highlight with its custom property. */
function highlightRules(): string[] {
  const rules = HIGHLIGHT_COLORS.map(
    (color) => `::highlight(${highlightName(color)}) { background-color: var(--highlight-${color}); }`,
  );
  rules.push(`::highlight(${STACKED_HIGHLIGHT}) { background-color: var(--highlight-stacked); }`);
  rules.push(
    `::highlight(${SELECTED_HIGHLIGHT}) { text-decoration: underline 2px var(--accent); text-underline-offset: 3px;` +
      ' background-color: var(--highlight-selected); }',
  );
  rules.push(`::highlight(${SEARCH_HIGHLIGHT}) { background-color: var(--highlight-search); }`);
  return rules;
}

/** Adds the palette's custom properties and the ::highlight rules once. */
export function installHighlightStyles(): void {
  if (stylesInstalled) return;
  stylesInstalled = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync([...paletteCustomProperties(), ...highlightRules()].join('\n'));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** Spans covered by two or more annotations, found with one sweep over the boundaries. */
export function stackedSpans(
  spans: ReadonlyArray<{ start: number; end: number }>,
): Array<{ start: number; end: number }> {
  const events: Array<[number, number]> = [];
  for (const { start, end } of spans) {
    if (end <= start) continue;
    events.push([start, 1], [end, -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const stacked: Array<{ start: number; end: number }> = [];
  let depth = 0;
  let openedAt = 0;
  for (const [position, delta] of events) {
    const before = depth;
    depth += delta;
    if (before < 2 && depth >= 2) openedAt = position;
    if (before >= 2 && depth < 2 && position > openedAt) stacked.push({ start: openedAt, end: position });
  }
  return stacked;
}

/** What the painter needs of a highlight. */
export interface PaintableSpan {
  id: string;
  start: number;
  end: number;
  color: string;
}

/** The anchored highlights among annotations, as paintable spans. */
export function paintableSpans(annotations: readonly Annotation[]): PaintableSpan[] {
  const spans: PaintableSpan[] = [];
  for (const annotation of annotations) {
    if (annotation.kind !== 'highlight' || !annotation.target || annotation.anchor.status === 'orphan') continue;
    spans.push({
      id: annotation.id,
      start: annotation.target.position.start,
      end: annotation.target.position.end,
      color: annotation.color,
    });
  }
  return spans;
}

export interface PaintInput {
  spans: readonly PaintableSpan[];
  selectedId: string | null;
  rangeFor: (start: number, end: number) => AbstractRange | null;
  /** Changes whenever the document's DOM is rebuilt; cached ranges are dropped then. */
  textVersion: unknown;
  /** The part of the text around the viewport; leave out to keep the current one. */
  window?: PaintWindow;
}

/** Canonical offsets of the text in and near the viewport; null means "the whole document". */
export type PaintWindow = { start: number; end: number } | null;

/**
 * Below this many highlights every one is registered; above it only those in the window.
 * Chromium's rendering work on every frame grows with the number of registered ranges
 * (measured here: with 10,000 ranges any repaint took ~47 ms a frame, ~18 ms with none).
 */
export const WINDOWING_THRESHOLD = 1500;

interface KnownSpan {
  start: number;
  end: number;
  color: string;
}

interface PaintedSpan extends KnownSpan {
  range: AbstractRange;
}

export interface PaintOutcome {
  /** Highlights registered with the browser (in the window, or all of them). */
  painted: number;
  /** Highlights the document has. */
  total: number;
}

/**
 * Keeps one Range per painted annotation and updates the registered Highlights in place,
 * so adding, recoloring or removing one annotation among thousands touches one range. In
 * a heavily annotated document only the highlights in the window around the viewport are
 * registered; moving the window registers and drops the difference.
 */
export class HighlightPainter {
  private readonly known = new Map<string, KnownSpan>();
  private readonly painted = new Map<string, PaintedSpan>();
  private readonly byColor = new Map<string, Highlight>();
  private readonly stacked = new Map<string, AbstractRange>();
  private stackedHighlight: Highlight | null = null;
  private textVersion: unknown = undefined;
  private window: PaintWindow = null;
  private selectedId: string | null = null;
  private rangeFor: (start: number, end: number) => AbstractRange | null = () => null;
  /** Overlaps only change when spans are added, moved or removed, not when selection moves. */
  private spansChanged = true;
  private stackedTimer: number | undefined;

  /** Brings the painted highlights in line with the annotations. */
  paint({ spans, selectedId, rangeFor, textVersion, window }: PaintInput): PaintOutcome {
    if (!highlightsSupported()) return { painted: 0, total: 0 };
    installHighlightStyles();
    this.rangeFor = rangeFor;
    if (window !== undefined) this.window = window;
    if (textVersion !== this.textVersion) {
      this.reset();
      this.textVersion = textVersion;
    }
    const seen = new Set<string>();
    for (const { id, start, end, color } of spans) {
      seen.add(id);
      const known = this.known.get(id);
      if (known && known.start === start && known.end === end && known.color === color) continue;
      this.known.set(id, { start, end, color });
    }
    for (const id of this.known.keys()) if (!seen.has(id)) this.known.delete(id);
    this.selectedId = selectedId;
    return this.sync();
  }

  /** Moves the window (after a scroll, say); only highlights entering or leaving it are touched. */
  setWindow(window: PaintWindow): PaintOutcome {
    const same =
      window === this.window ||
      (window && this.window && window.start === this.window.start && window.end === this.window.end);
    this.window = window;
    if (same || !highlightsSupported()) return { painted: this.painted.size, total: this.known.size };
    return this.sync();
  }

  private inWindow(span: KnownSpan): boolean {
    if (this.known.size <= WINDOWING_THRESHOLD || !this.window) return true;
    return span.start < this.window.end && span.end > this.window.start;
  }

  private sync(): PaintOutcome {
    for (const [id, span] of this.painted) {
      const known = this.known.get(id);
      if (
        known &&
        known.start === span.start &&
        known.end === span.end &&
        known.color === span.color &&
        this.inWindow(known)
      )
        continue;
      this.highlightFor(span.color).delete(span.range);
      this.painted.delete(id);
      this.spansChanged = true;
    }
    for (const [id, known] of this.known) {
      if (this.painted.has(id) || !this.inWindow(known)) continue;
      const range = this.rangeFor(known.start, known.end);
      if (!range) continue;
      this.highlightFor(known.color).add(range);
      this.painted.set(id, { ...known, range });
      this.spansChanged = true;
    }
    if (this.spansChanged) this.scheduleStacked();
    this.spansChanged = false;
    const selected = this.selectedId ? this.painted.get(this.selectedId) : undefined;
    if (selected) {
      const highlight = new Highlight(selected.range);
      highlight.priority = 10;
      CSS.highlights.set(SELECTED_HIGHLIGHT, highlight);
    } else {
      CSS.highlights.delete(SELECTED_HIGHLIGHT);
    }
    return { painted: this.painted.size, total: this.known.size };
  }

  private highlightFor(color: string): Highlight {
    let highlight = this.byColor.get(color);
    if (!highlight) {
      highlight = new Highlight();
      this.byColor.set(color, highlight);
      CSS.highlights.set(highlightName(color), highlight);
    }
    return highlight;
  }

  /**
   * The darker shading of overlaps needs a sweep over every span; it runs when the browser
   * is idle (within a fifth of a second), so a new highlight appears without waiting for it.
   */
  private scheduleStacked(): void {
    if (this.stackedTimer !== undefined) cancelIdleCallback(this.stackedTimer);
    this.stackedTimer = requestIdleCallback(
      () => {
        this.stackedTimer = undefined;
        this.paintStacked();
      },
      { timeout: 200 },
    );
  }

  /** Overlaps among the painted spans: every span meeting the window is painted, so none is missed there. */
  private paintStacked(): void {
    if (!this.stackedHighlight) {
      this.stackedHighlight = new Highlight();
      CSS.highlights.set(STACKED_HIGHLIGHT, this.stackedHighlight);
    }
    const wanted = new Set<string>();
    for (const { start, end } of stackedSpans([...this.painted.values()])) {
      const key = `${start}:${end}`;
      wanted.add(key);
      if (this.stacked.has(key)) continue;
      const range = this.rangeFor(start, end);
      if (!range) continue;
      this.stacked.set(key, range);
      this.stackedHighlight.add(range);
    }
    for (const [key, range] of this.stacked) {
      if (wanted.has(key)) continue;
      this.stackedHighlight.delete(range);
      this.stacked.delete(key);
    }
  }

  private reset(): void {
    this.spansChanged = true;
    for (const highlight of this.byColor.values()) highlight.clear();
    this.stackedHighlight?.clear();
    this.painted.clear();
    this.known.clear();
    this.stacked.clear();
  }

  dispose(): void {
    if (this.stackedTimer !== undefined) cancelIdleCallback(this.stackedTimer);
    this.reset();
    clearHighlights();
    this.byColor.clear();
    this.stackedHighlight = null;
  }
}

export function clearHighlights(): void {
  if (!highlightsSupported()) return;
  for (const color of HIGHLIGHT_COLORS) CSS.highlights.delete(highlightName(color));
  CSS.highlights.delete(STACKED_HIGHLIGHT);
  CSS.highlights.delete(SELECTED_HIGHLIGHT);
  CSS.highlights.delete(SEARCH_HIGHLIGHT);
}
