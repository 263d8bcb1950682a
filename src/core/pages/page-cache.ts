// The last few pages drawn, so paging back and forth in the original page view does not
// start a worker each time. Bounded by count and by bytes.
import type { RenderedPage } from '../import';

const MAX_PAGES = 12;
const MAX_BYTES = 24 * 1024 * 1024;

export class PageCache {
  private readonly pages = new Map<string, RenderedPage>();
  private bytes = 0;

  get(key: string): RenderedPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      // Most recently used last.
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  put(key: string, page: RenderedPage): RenderedPage {
    this.drop(key);
    this.pages.set(key, page);
    this.bytes += page.png.byteLength;
    for (const [oldest] of this.pages) {
      if (this.pages.size <= MAX_PAGES && this.bytes <= MAX_BYTES) break;
      this.drop(oldest);
    }
    return page;
  }

  private drop(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.bytes -= page.png.byteLength;
    this.pages.delete(key);
  }
}
