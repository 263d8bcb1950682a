// `marginalia show DOC`: a document's canonical text.
import { Command } from 'commander';
import { resolveDocument } from '../document-reference';
import type { CliSession } from '../session';
import { UsageError } from '../usage';

export function showCommand(session: CliSession): Command {
  return new Command('show')
    .summary("print a document's canonical text")
    .description("Print a document's canonical text: the text annotation offsets count in.")
    .argument('<doc>', 'a document id or a unique, case-insensitive prefix of its title')
    .usage('DOC')
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia show "reports of western"\n  marginalia --json show 7c46e669-3fa8-4456-b0e2-24549e88d83c',
    )
    .action(async (reference: string) => {
      if (reference.trim() === '') throw new UsageError('usage: marginalia show DOC');
      const doc = await resolveDocument(session, reference);
      const { text } = await session.call('getDocumentText', { id: doc.id });
      session.print(`${text}\n`, { ...doc, text });
    });
}
