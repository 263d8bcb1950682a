// Mouse and keyboard helpers that act as a person would: select text by dragging across
// it, where it is rendered.
import type { Page } from '@playwright/test';

/** Drags the mouse across the `occurrence`-th rendering of `text` in the reader. */
export async function selectText(page: Page, text: string, occurrence = 1): Promise<void> {
  // A person waits until they can see the words.
  await page.waitForFunction(
    (wanted) => document.querySelector('[data-testid="reader-content"]')?.textContent?.includes(wanted) ?? false,
    text,
  );
  const box = await page.evaluate(
    ({ text: wanted, occurrence: nth }) => {
      const root = document.querySelector('[data-testid="reader-content"]');
      if (!root) throw new Error('no reader');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        let index = node.data.indexOf(wanted);
        while (index !== -1) {
          seen += 1;
          if (seen === nth) {
            const range = document.createRange();
            range.setStart(node, index);
            range.setEnd(node, index + wanted.length);
            (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
            const rects = Array.from(range.getClientRects());
            const first = rects[0]!;
            const last = rects[rects.length - 1]!;
            return {
              x1: first.left + 1,
              y1: first.top + first.height / 2,
              x2: last.right - 1,
              y2: last.top + last.height / 2,
            };
          }
          index = node.data.indexOf(wanted, index + 1);
        }
      }
      throw new Error(`“${wanted}” is not in the reader`);
    },
    { text, occurrence },
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

/** The painted highlight ranges, by highlight name, as text. */
export async function paintedHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const result: Record<string, string[]> = {};
    CSS.highlights.forEach((highlight, name) => {
      if ((highlight as unknown as Set<AbstractRange>).size === 0) return;
      result[name] = Array.from(highlight as unknown as Iterable<AbstractRange>, (painted) => {
        const range = document.createRange();
        range.setStart(painted.startContainer, painted.startOffset);
        range.setEnd(painted.endContainer, painted.endOffset);
        return range.toString();
      });
    });
    return result;
  });
}

/**
 * A point over the first rendering of `text` in the reader (the middle of its second letter), to
 * hover or click it; `scroll` first scrolls it to the middle of the reader, as a person would.
 */
export async function pointOf(page: Page, text: string, { scroll = false } = {}): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ wanted, scrollTo }) => {
      const walker = document.createTreeWalker(
        document.querySelector('[data-testid="reader-content"]')!,
        NodeFilter.SHOW_TEXT,
      );
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        const index = node.data.indexOf(wanted);
        if (index === -1) continue;
        if (scrollTo) node.parentElement!.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, index + 1);
        range.setEnd(node, index + 2);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error(`“${wanted}” is not in the reader`);
    },
    { wanted: text, scrollTo: scroll },
  );
}

/**
 * The box of the first line of the first rendering of `text` in the reader; `scroll` first
 * scrolls that line (not its whole block, which may be taller than the view) to the middle.
 */
export async function textBox(
  page: Page,
  text: string,
  { scroll = false } = {},
): Promise<{ x: number; y: number; width: number; height: number }> {
  const measure = (scrollTo: boolean) =>
    page.evaluate(
      ({ wanted, scrollTo: scrolling }) => {
        const walker = document.createTreeWalker(
          document.querySelector('[data-testid="reader-content"]')!,
          NodeFilter.SHOW_TEXT,
        );
        while (walker.nextNode()) {
          const node = walker.currentNode as Text;
          const index = node.data.indexOf(wanted);
          if (index === -1) continue;
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + wanted.length);
          const rect = range.getClientRects()[0]!;
          if (scrolling) {
            let scroller: HTMLElement | null = node.parentElement;
            while (scroller && scroller.scrollHeight <= scroller.clientHeight + 1) scroller = scroller.parentElement;
            scroller?.scrollBy(0, rect.top - window.innerHeight / 2);
          }
          return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
        }
        throw new Error(`“${wanted}” is not in the reader`);
      },
      { wanted: text, scrollTo },
    );
  if (scroll) await measure(true);
  return measure(false);
}
