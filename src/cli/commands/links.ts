// `marginalia links [DOC]` lists the links touching a document's annotations (or every document's); `marginalia unlink LINK` removes one.
import { Command } from 'commander';
import type { LinkKind, LinkView } from '../../shared/evidence';
import type { DocumentSummary } from '../../shared/model';
import { UserFacingError } from '../../shared/result';
import { resolveDocument } from '../document-reference';
import { chooseById } from '../evidence-reference';
import type { CliSession } from '../session';

/** How a link reads from its far end: "FROM repeats TO" is "TO repeated by FROM". */
const SEEN_FROM_ITS_TARGET: Record<LinkKind, string> = {
  supports: 'supported by',
  contradicts: 'contradicted by',
  'same-event': 'same event as',
  cites: 'cited by',
  repeats: 'repeated by',
};

function quoted(text: string): string {
  return `“${text.replace(/\s+/g, ' ').slice(0, 60)}”`;
}

/** The quote (or note) of each annotation at this side of the links, by annotation id. */
async function nearQuotes(session: CliSession, links: readonly LinkView[]): Promise<Map<string, string>> {
  const ids = [...new Set(links.map((link) => (link.direction === 'outgoing' ? link.fromId : link.toId)))];
  const annotations = ids.length === 0 ? [] : await session.call('getAnnotations', { ids });
  return new Map(annotations.map((item) => [item.id, item.target?.quote.exact || item.note.text || '(document note)']));
}

/** `“this” repeats “other” (Other report, p. 3)`: the link read from this document's side. */
function linkSentence(link: LinkView, near: ReadonlyMap<string, string>): string {
  const nearId = link.direction === 'outgoing' ? link.fromId : link.toId;
  const verb = link.direction === 'outgoing' ? link.kind : SEEN_FROM_ITS_TARGET[link.kind];
  const where = [link.other.documentTitle, link.other.page].filter(Boolean).join(', ');
  return `${quoted(near.get(nearId) ?? nearId)} ${verb} ${quoted(link.other.quote)} (${where})`;
}

async function linkLines(session: CliSession, links: readonly LinkView[]): Promise<string> {
  const near = await nearQuotes(session, links);
  return links.map((link) => `${link.id}  ${linkSentence(link, near)}\n`).join('');
}

async function oneDocumentsLinks(session: CliSession, document: DocumentSummary): Promise<void> {
  const links = await session.call('listLinks', { documentId: document.id });
  session.print(links.length === 0 ? `“${document.title}” has no links.\n` : await linkLines(session, links), links);
}

async function everyDocumentsLinks(session: CliSession): Promise<void> {
  const found: Array<{ documentId: string; documentTitle: string; links: LinkView[] }> = [];
  for (const document of await session.call('listDocuments', {})) {
    const links = await session.call('listLinks', { documentId: document.id });
    if (links.length > 0) found.push({ documentId: document.id, documentTitle: document.title, links });
  }
  const blocks: string[] = [];
  for (const item of found) blocks.push(`${item.documentTitle}\n${await linkLines(session, item.links)}`);
  session.print(found.length === 0 ? 'No links yet.\n' : blocks.join('\n'), found);
}

export function linksCommand(session: CliSession): Command {
  return new Command('links')
    .summary("list the links touching a document's annotations, or every document's")
    .description(
      "List the links touching a document's annotations, each with its id and read from that document's side " +
        "(“this” repeats “that”, or “this” repeated by “that”), with the other end's quote and document. Without DOC, " +
        'every document with links, each under its title (a link across two documents shows under both).',
    )
    .argument('[doc]', 'a document id or a unique, case-insensitive prefix of its title')
    .usage('[DOC]')
    .addHelpText('after', '\nExamples:\n  marginalia links "Harbour Radio"\n  marginalia links')
    .action(async (reference: string | undefined) => {
      if (reference === undefined) await everyDocumentsLinks(session);
      else await oneDocumentsLinks(session, await resolveDocument(session, reference));
    });
}

/** Every link in the library once, labelled as `links` reads it from its `from` end. */
async function allLinks(session: CliSession): Promise<Array<{ id: string; label: string; link: LinkView }>> {
  const byId = new Map<string, LinkView>();
  for (const document of await session.call('listDocuments', {}))
    for (const link of await session.call('listLinks', { documentId: document.id }))
      if (link.direction === 'outgoing' || !byId.has(link.id)) byId.set(link.id, link);
  const links = [...byId.values()];
  const near = await nearQuotes(session, links);
  return links.map((link) => ({ id: link.id, label: linkSentence(link, near), link }));
}

export function unlinkCommand(session: CliSession): Command {
  return new Command('unlink')
    .summary('remove one of your links between two annotations')
    .description(
      "Remove a link between two annotations (the annotations stay). Another analyst's link is refused, saying whose it is.",
    )
    .argument('<link>', 'a link id or a unique prefix of one (as marginalia links prints them)')
    .usage('LINK')
    .addHelpText('after', '\nExamples:\n  marginalia unlink 3f2a9c1d')
    .action(async (reference: string) => {
      const links = await allLinks(session);
      const wanted = reference.trim().toLowerCase();
      if (wanted === '' || !links.some((item) => item.id.toLowerCase().startsWith(wanted)))
        throw new UserFacingError(
          'NOT_FOUND',
          `No link has an id starting with “${reference}”. \`marginalia links\` lists the links.`,
        );
      const chosen = chooseById(links, reference, 'link');
      await session.call('unlinkAnnotations', { id: chosen.id });
      session.print(`Removed link ${chosen.id}  ${chosen.label}\n`, {
        deleted: true,
        id: chosen.id,
        link: chosen.link,
      });
    });
}
