// Reshapes converted HTML (from Word or an EPUB chapter) before it becomes blocks: what the
// block model has no place for is turned into text it does have, instead of being dropped.

interface ImageLike {
  getAttribute(name: string): string | null;
  remove(): void;
  replaceWith(...nodes: string[]): void;
}

/** A parsed document or element: a browser DOM's (EPUB chapters) or the light tree of mammoth's HTML. */
interface HoldsImages {
  querySelectorAll(selectors: 'img'): ArrayLike<ImageLike>;
}

/** Each image becomes its alt text (the only part of it a reader of text can use); images without one go. */
export function imagesToAltText(root: HoldsImages): void {
  for (const image of Array.from(root.querySelectorAll('img'))) {
    const alt = (image.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
    if (alt === '') image.remove();
    else image.replaceWith(` ${alt} `);
  }
}
