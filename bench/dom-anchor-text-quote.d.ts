// Types for the part of dom-anchor-text-quote the anchoring benchmark uses as its baseline.
declare module 'dom-anchor-text-quote' {
  export function toTextPosition(
    root: Node,
    selector: { exact: string; prefix?: string; suffix?: string },
    options?: { hint?: number },
  ): { start: number; end: number } | null;
}
