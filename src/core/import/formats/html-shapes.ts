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

const FLATTENED = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE']);

/** A cell's content as inline nodes: its paragraphs and list items run on, a space apart. */
function inlineNodes(document: Document, node: Node, into: Node[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 1 && FLATTENED.has((child as Element).tagName)) {
      inlineNodes(document, child, into);
      into.push(document.createTextNode(' '));
    } else {
      into.push(child);
    }
  }
}

/**
 * The block model has no table, so each row becomes one paragraph with its cells joined by
 * " | " (the caption stays a paragraph of its own). Inner tables go first, so a table inside
 * a cell becomes lines of that cell.
 */
export function tableRowsToLines(document: Document): void {
  for (const table of Array.from(document.querySelectorAll('table')).reverse()) {
    const lines: Node[] = [];
    for (const caption of Array.from(table.querySelectorAll(':scope > caption'))) {
      const line = document.createElement('p');
      line.append(...Array.from(caption.childNodes));
      lines.push(line);
    }
    for (const row of Array.from(table.querySelectorAll(':scope > tr, :scope > * > tr'))) {
      const cells = Array.from(row.children).filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH');
      if (cells.every((cell) => (cell.textContent ?? '').trim() === '')) continue;
      const line = document.createElement('p');
      cells.forEach((cell, index) => {
        if (index > 0) line.append(document.createTextNode(' | '));
        const parts: Node[] = [];
        inlineNodes(document, cell, parts);
        line.append(...parts);
      });
      lines.push(line);
    }
    table.replaceWith(...lines);
  }
}
