// `marginalia remove DOC`: takes a document and its annotations out of the library.
import { Command } from 'commander';
import { resolveDocument } from '../document-reference';
import type { CliSession } from '../session';
import { UsageError } from '../usage';

export function removeCommand(session: CliSession): Command {
  return new Command('remove')
    .summary('remove a document from the library')
    .description('Remove a document, with its annotations, from the library.')
    .argument('<doc>', 'a document id or a unique, case-insensitive prefix of its title')
    .usage('DOC')
    .addHelpText('after', '\nExamples:\n  marginalia remove 7c46e669-3fa8-4456-b0e2-24549e88d83c')
    .action(async (reference: string) => {
      if (reference.trim() === '') throw new UsageError('usage: marginalia remove DOC');
      const doc = await resolveDocument(session, reference);
      await session.call('removeDocument', { id: doc.id });
      session.print(`Removed “${doc.title}” (${doc.id}).\n`, { removed: doc.id, title: doc.title });
    });
}
