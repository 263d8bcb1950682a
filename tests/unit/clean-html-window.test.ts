// Whole-document HTML (e-mail bodies, Word and EPUB chapters) is cleaned in one shared window:
// each document's blocks are its own, and the sanitizer strips the same things on the
// thousandth document as on the first.
import { describe, expect, it } from 'vitest';
import { blocksFromCleanHtml, sanitizedHtmlBlocks } from '../../src/core/import/html';
import { inlineText } from '../../src/shared/document-blocks';
import type { Block } from '../../src/shared/document-blocks';

function text(blocks: readonly Block[]): string {
  return JSON.stringify(blocks.map((block) => ('children' in block ? inlineText(block.children) : block.kind)));
}

describe('cleaning many HTML documents in one window', () => {
  it('keeps each document apart and sanitizes every one alike', () => {
    const hostile =
      '<p>Visible <b>bold</b><img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=2</script></p>' +
      '<p style="display:none">hidden preheader</p><a href="javascript:alert(1)">bad link</a>';
    const first = sanitizedHtmlBlocks(`<html><body>${hostile}</body></html>`);
    for (let index = 0; index < 200; index++) {
      const blocks = blocksFromCleanHtml(`<p>Message ${index}</p>`);
      expect(text(blocks)).toBe(JSON.stringify([`Message ${index}`]));
    }
    const last = sanitizedHtmlBlocks(`<html><body>${hostile}</body></html>`);
    expect(last).toEqual(first);
    expect(text(last)).toContain('Visible bold');
    expect(JSON.stringify(last)).not.toMatch(/pwned|onerror|script|javascript|hidden preheader/);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});
