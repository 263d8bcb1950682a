// pdfjs's legacy build must not leave its slow core-js polyfills in place of the engine's own built-ins.
import { describe, expect, it } from 'vitest';

describe('loading pdfjs', () => {
  it("leaves the engine's own Array.prototype.push and JSON.parse in place, and keeps what it adds", async () => {
    const push = Array.prototype.push;
    const parse = JSON.parse;
    const { pdfjsLibrary } = await import('../../src/core/import/formats/pdf-library');
    const pdfjs = await pdfjsLibrary();
    expect(Array.prototype.push).toBe(push);
    expect(JSON.parse).toBe(parse);
    expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe('function');
    expect(typeof pdfjs.getDocument).toBe('function');
  });
});
