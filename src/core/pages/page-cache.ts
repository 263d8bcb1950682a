// The last few pages drawn, so paging back and forth in the original page view does not
// start a worker each time (bounded by count and by bytes), and the passwords that opened
// encrypted PDFs this session (in memory only, never written anywhere).
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

/** The most passwords kept: one per encrypted original opened this session, oldest forgotten first. */
const MAX_PASSWORDS = 64;

/** Passwords typed in the original page view, by the original's SHA-256; gone when the app closes. */
export class PagePasswords {
  private readonly byOriginal = new Map<string, string>();

  get(sha256: string): string | undefined {
    return this.byOriginal.get(sha256);
  }

  set(sha256: string, password: string): void {
    this.byOriginal.delete(sha256);
    this.byOriginal.set(sha256, password);
    for (const [oldest] of this.byOriginal) {
      if (this.byOriginal.size <= MAX_PASSWORDS) break;
      this.byOriginal.delete(oldest);
    }
  }
}
