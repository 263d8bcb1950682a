// Annotations and replies as W3C Web Annotations (JSON-LD with the anno.jsonld context):
// the shape note bundles carry and workspace sidecars will. Marginalia's own fields (color,
// kind, how it anchored) sit under one namespaced key, "marginalia".
import type { Annotation, AnnotationKind, HighlightColor, Reply } from './annotations';
import type { LinkKind } from './evidence';
import type { PageMapEntry } from './model';
import { pageAt } from './page-map';
import type { AnchorStatus } from './selectors';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const MARGINALIA_NAMESPACE = 'https://marginalia.app/ns/annotation#';
export const JSONLD_CONTEXT = [ANNO_CONTEXT, { marginalia: MARGINALIA_NAMESPACE }] as const;

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format?: string;
  purpose: 'commenting' | 'tagging' | 'replying';
}

/**
 * A grade as an additional body of its annotation, with the W3C purpose "assessing": `value`
 * is the grade for people (B2); what is read back is under `marginalia` (docs/workspace-evidence.md).
 */
export interface AssessingBody {
  type: 'TextualBody';
  purpose: 'assessing';
  value: string;
  creator: { id: string; type: 'Person' };
  created: string;
  modified: string;
  marginalia: { credibility: string; sources: string[]; scheme?: string };
}

export type AnnotationBody = TextualBody | AssessingBody;

/** A link between two annotations: a W3C annotation "linking" the from-annotation (target) to the to-annotation (body). */
export interface LinkingAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'linking';
  created: string;
  modified: string;
  creator: { id: string; type: 'Person' };
  body: string;
  target: string;
  marginalia: { linkKind: LinkKind };
}

export interface WebTextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface WebTextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/**
 * The page an annotation is on, as a W3C FragmentSelector conforming to RFC 3778 (the PDF
 * fragment identifiers): `page=12`, the page's number from 1 in the original file.
 */
export interface WebFragmentSelector {
  type: 'FragmentSelector';
  conformsTo?: string;
  value: string;
}

export const PDF_FRAGMENT_SPEC = 'http://tools.ietf.org/rfc/rfc3778';

/** The selectors of a passage: its quote and position, and its page where the document has pages. */
export type WebSelectors =
  | [WebTextQuoteSelector, WebTextPositionSelector]
  | [WebTextQuoteSelector, WebTextPositionSelector, WebFragmentSelector];

/** An annotation as Marginalia reads it: `body` is always a list (empty when the file omits it). */
export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting' | 'replying';
  created: string;
  modified: string;
  creator: { id: string; type: 'Person'; name: string };
  /** Its note and tags; in a workspace sidecar, also its grade (an assessing body). */
  body: AnnotationBody[];
  /** A document (with selectors) for an annotation; another annotation's id for a reply. */
  target: string | { source: string; selector?: WebSelectors };
  marginalia?: {
    kind: AnnotationKind;
    color: HighlightColor;
    anchorStatus: AnchorStatus;
    anchorScore: number;
    textSha256: string;
  };
}

export function urn(id: string): string {
  return id.startsWith('urn:uuid:') ? id : `urn:uuid:${id}`;
}

export function idFromUrn(value: string): string {
  return value.startsWith('urn:uuid:') ? value.slice('urn:uuid:'.length) : value;
}

/** The FragmentSelector naming the page of the original a passage starts on, when the document has pages. */
export function pageSelector(pageMap: readonly PageMapEntry[], start: number): WebFragmentSelector | undefined {
  const page = pageAt(pageMap, start);
  return page ? { type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value: `page=${page.number}` } : undefined;
}

/**
 * An annotation with its tags as a W3C Web Annotation (without @context, which the
 * collection carries); with the document's page map, its target names its page too.
 */
export function toWebAnnotation(annotation: Annotation, pageMap: readonly PageMapEntry[] = []): WebAnnotation {
  const body: TextualBody[] = [];
  if (annotation.note.markdown.trim() !== '')
    body.push({ type: 'TextualBody', value: annotation.note.markdown, format: 'text/markdown', purpose: 'commenting' });
  for (const tag of annotation.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const page = annotation.target ? pageSelector(pageMap, annotation.target.position.start) : undefined;
  const target = annotation.target
    ? {
        source: urn(annotation.documentId),
        selector: (page
          ? [{ ...annotation.target.quote }, { ...annotation.target.position }, page]
          : [{ ...annotation.target.quote }, { ...annotation.target.position }]) as WebSelectors,
      }
    : // The whole document: W3C (model 3.2) wants its IRI; `{source}` without a selector is
      // neither a Specific Resource nor an External Web Resource. Older files wrote that and still read.
      urn(annotation.documentId);
  return {
    id: urn(annotation.id),
    type: 'Annotation',
    motivation:
      annotation.kind === 'highlight' && annotation.note.markdown.trim() === '' ? 'highlighting' : 'commenting',
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    creator: { id: urn(annotation.author.id), type: 'Person', name: annotation.author.name },
    body,
    target,
    marginalia: {
      kind: annotation.kind,
      color: annotation.color,
      anchorStatus: annotation.anchor.status,
      anchorScore: annotation.anchor.score,
      textSha256: annotation.target?.textSha256 ?? '',
    },
  };
}

export function replyToWebAnnotation(reply: Reply): WebAnnotation {
  return {
    id: urn(reply.id),
    type: 'Annotation',
    motivation: 'replying',
    created: reply.createdAt,
    modified: reply.updatedAt,
    creator: { id: urn(reply.author.id), type: 'Person', name: reply.author.name },
    body: [{ type: 'TextualBody', value: reply.markdown, format: 'text/markdown', purpose: 'replying' }],
    target: urn(reply.annotationId),
  };
}

/**
 * An annotation as written to a file: W3C says an annotation without a body has no `body`
 * key (an empty list is not "no body"), so a plain highlight omits it.
 */
export type W3CAnnotation = Omit<WebAnnotation, 'body'> & { body?: AnnotationBody[] };

export function annotationForFile(web: WebAnnotation | LinkingAnnotation): W3CAnnotation | LinkingAnnotation {
  if (web.motivation === 'linking' || web.body.length > 0) return web;
  const { body: _none, ...rest } = web;
  return rest;
}

export interface AnnotationPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: 0;
  items: Array<W3CAnnotation | LinkingAnnotation>;
}

/** The id of a collection's one page: the collection's IRI with a fragment. */
export function firstPageId(collectionId: string): string {
  return `${collectionId}#page-1`;
}

/**
 * The W3C form of a list of annotations: an AnnotationCollection with `total` and, when
 * there are any, its items on one embedded AnnotationPage (`first`), as the model requires
 * (a collection never lists items itself). `extra` keys go between `type` and `total`.
 */
export function annotationCollection<Extra extends object>(
  collectionId: string,
  items: ReadonlyArray<WebAnnotation | LinkingAnnotation>,
  extra: Extra,
): { '@context': typeof JSONLD_CONTEXT; id: string; type: 'AnnotationCollection' } & Extra & {
    total: number;
    first?: AnnotationPage;
  } {
  const page: AnnotationPage | undefined =
    items.length > 0
      ? {
          id: firstPageId(collectionId),
          type: 'AnnotationPage',
          partOf: collectionId,
          startIndex: 0,
          items: items.map(annotationForFile),
        }
      : undefined;
  return {
    '@context': JSONLD_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    ...extra,
    total: items.length,
    ...(page ? { first: page } : {}),
  };
}

export function isReply(web: WebAnnotation): boolean {
  return web.motivation === 'replying' && typeof web.target === 'string';
}

/** The note (Markdown), tags and selectors of an incoming annotation, in Marginalia's terms. */
export function readWebAnnotation(web: WebAnnotation): {
  id: string;
  documentId: string;
  kind: AnnotationKind;
  color: HighlightColor;
  markdown: string;
  tags: string[];
  quote: WebTextQuoteSelector | null;
  position: WebTextPositionSelector | null;
  textSha256: string;
  anchorStatus: AnchorStatus;
  anchorScore: number;
  author: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
} {
  const target = typeof web.target === 'string' ? { source: web.target } : web.target;
  const selectors = typeof web.target === 'string' ? undefined : web.target.selector;
  const kind: AnnotationKind = web.marginalia?.kind ?? (selectors ? 'highlight' : 'document');
  return {
    id: idFromUrn(web.id),
    documentId: idFromUrn(target.source),
    kind,
    color: web.marginalia?.color ?? 'yellow',
    markdown: web.body.find((body) => body.purpose === 'commenting')?.value ?? '',
    tags: web.body.filter((body) => body.purpose === 'tagging').map((body) => body.value),
    quote: selectors?.[0] ?? null,
    position: selectors?.[1] ?? null,
    textSha256: web.marginalia?.textSha256 ?? '',
    anchorStatus: web.marginalia?.anchorStatus ?? 'exact',
    anchorScore: web.marginalia?.anchorScore ?? 1,
    author: { id: idFromUrn(web.creator.id), name: web.creator.name },
    createdAt: web.created,
    updatedAt: web.modified,
  };
}
