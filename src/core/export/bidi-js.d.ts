// The part of bidi-js (the Unicode Bidirectional Algorithm, without its own types) that the PDF export uses.
declare module 'bidi-js' {
  export interface EmbeddingLevels {
    /** One level per UTF-16 code unit: odd is right-to-left. */
    levels: Uint8Array;
    /** Inclusive code-unit ranges, each with its resolved base level. */
    paragraphs: Array<{ start: number; end: number; level: number }>;
  }
  export interface Bidi {
    getEmbeddingLevels(text: string, explicitDirection?: 'ltr' | 'rtl'): EmbeddingLevels;
    /** The mirrored form of a bracket-like character, or null. */
    getMirroredCharacter(character: string): string | null;
  }
  export default function bidiFactory(): Bidi;
}
