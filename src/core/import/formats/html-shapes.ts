// Reshapes converted HTML (from Word or an EPUB chapter) before it becomes blocks: what the
// block model has no place for is turned into text it does have, instead of being dropped.

/** Each image becomes its alt text (the only part of it a reader of text can use); images without one go. */
export function imagesToAltText(document: Document): void {
  for (const image of Array.from(document.querySelectorAll('img'))) {
    const alt = (image.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
    if (alt === '') image.remove();
    else image.replaceWith(document.createTextNode(` ${alt} `));
  }
}
