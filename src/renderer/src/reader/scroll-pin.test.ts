import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerScrollPin } from './scroll-pin';

/** A reader's scrolling element: 10,000 px of text in a 600 px view, scrolled to `scrollTop`. */
function fakeScroller(scrollTop: number) {
  const listeners: (() => void)[] = [];
  const scroller = {
    scrollTop,
    scrollHeight: 10_000,
    clientHeight: 600,
    addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
    removeEventListener: () => undefined,
  };
  return { scroller, scroll: () => listeners.forEach((listener) => listener()) };
}

let relayout: (() => void) | undefined;

beforeEach(() => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        relayout = callback;
      }
      observe() {}
      disconnect() {}
    },
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  relayout = undefined;
});

const article = {} as HTMLElement;

describe('the pin that keeps a freshly opened document at its top', () => {
  it('puts a new document back at its top when its blocks settle, until it is scrolled', () => {
    const { scroller, scroll } = fakeScroller(0);
    const onScrolled = vi.fn();
    registerScrollPin(scroller as unknown as HTMLElement, article, () => undefined, { pinned: true, onScrolled });
    scroller.scrollTop = 40; // scroll anchoring's drift as the blocks lay out
    relayout?.();
    expect(scroller.scrollTop).toBe(0);
    scroller.scrollTop = 4_000;
    scroll();
    relayout?.();
    expect(scroller.scrollTop).toBe(4_000);
    expect(onScrolled).toHaveBeenCalledTimes(1);
  });

  it('leaves a document already scrolled where it is when the reader registers it again and the window resizes', () => {
    const { scroller } = fakeScroller(4_000);
    const progress: number[] = [];
    registerScrollPin(scroller as unknown as HTMLElement, article, (percent) => progress.push(percent), {
      pinned: false,
      onScrolled: () => undefined,
    });
    relayout?.();
    expect(scroller.scrollTop).toBe(4_000);
    expect(progress).toEqual([43]);
  });
});
