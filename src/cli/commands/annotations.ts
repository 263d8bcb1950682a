// `marginalia annotations DOC`: a document's annotations in reading order, with their authors.
import { Command } from 'commander';
import type { Annotation } from '../../shared/annotations';
import { annotationJson } from '../annotation-json';
import { resolveDocument } from '../document-reference';
import type { CliSession } from '../session';
import { UsageError } from '../usage';

function annotationLine(annotation: Annotation): string {
  const where = annotation.target
    ? `${annotation.target.position.start}-${annotation.target.position.end}`
    : 'document';
  const tags = annotation.tags.length ? ` [${annotation.tags.join(', ')}]` : '';
  const quote = annotation.target
    ? `“${annotation.target.quote.exact.replace(/\s+/g, ' ').slice(0, 80)}”`
    : '(document note)';
  const note = annotation.note.text ? `\n    ${annotation.note.text.replace(/\s+/g, ' ').slice(0, 120)}` : '';
  return `${annotation.id}  ${where}  ${annotation.color}  ${annotation.anchor.status}  by ${annotation.author.name}${tags}\n    ${quote}${note}`;
}

export function annotationsCommand(session: CliSession): Command {
  return new Command('annotations')
    .summary("list a document's annotations in reading order, with their authors")
    .description(
      "List a document's annotations in reading order: where, color, anchoring, author, tags, quote and note. With --json: " +
        'selectors, anchoring, tags, color, note as text and Markdown, author, times.',
    )
    .argument('<doc>', 'a document id or a unique, case-insensitive prefix of its title')
    .usage('DOC')
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia annotations "reports of"\n  marginalia --json annotations "reports of"',
    )
    .action(async (reference: string) => {
      if (reference.trim() === '') throw new UsageError('usage: marginalia annotations DOC');
      const doc = await resolveDocument(session, reference);
      const annotations = await session.call('listAnnotations', { documentId: doc.id });
      session.print(
        annotations.length === 0
          ? `“${doc.title}” has no annotations.\n`
          : `${annotations.map(annotationLine).join('\n')}\n`,
        annotations.map(annotationJson),
      );
    });
}
