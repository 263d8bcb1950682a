// `marginalia annotations DOC`: a document's annotations in reading order, with their authors.
import { Command } from 'commander';
import type { Annotation } from '../../shared/annotations';
import { clipLine } from '../../shared/clip-text';
import type { PageMapEntry } from '../../shared/model';
import type { GradeOfAnnotation } from '../annotation-grades';
import { documentGrades, gradeSuffix } from '../annotation-grades';
import { annotationJson, annotationPages, pageMapOf } from '../annotation-json';
import { resolveDocument } from '../document-reference';
import type { CliSession } from '../session';
import { UsageError } from '../usage';

function annotationLine(annotation: Annotation, pageMap: readonly PageMapEntry[], graded: GradeOfAnnotation): string {
  const page = annotationPages(annotation, pageMap);
  const where = annotation.target
    ? `${annotation.target.position.start}-${annotation.target.position.end}${page ? `  ${page.text}` : ''}`
    : 'document';
  const tags = annotation.tags.length ? ` [${annotation.tags.join(', ')}]` : '';
  const quote = annotation.target ? `“${clipLine(annotation.target.quote.exact, 80)}”` : '(document note)';
  const note = annotation.note.text ? `\n    ${clipLine(annotation.note.text, 120)}` : '';
  const head = `${annotation.id}  ${where}  ${annotation.color}  ${annotation.anchor.status}  by ${annotation.author.name}`;
  return `${head}${tags}${gradeSuffix(graded)}\n    ${quote}${note}`;
}

export function annotationsCommand(session: CliSession): Command {
  return new Command('annotations')
    .summary("list a document's annotations in reading order, with their authors")
    .description(
      "List a document's annotations in reading order: where (and the page of the original, “p. 12”), color, " +
        'anchoring, author, tags, grade and sources (its own, else its document’s), quote and note. With --json: ' +
        'selectors, page, anchoring, tags, color, note as text and Markdown, author, times, grade and sources.',
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
      const pageMap = annotations.length === 0 ? [] : await pageMapOf(session, doc.id);
      const gradeOf = await documentGrades(session, doc.id);
      session.print(
        annotations.length === 0
          ? `“${doc.title}” has no annotations.\n`
          : `${annotations.map((annotation) => annotationLine(annotation, pageMap, gradeOf(annotation.id))).join('\n')}\n`,
        annotations.map((annotation) => ({ ...annotationJson(annotation, pageMap), ...gradeOf(annotation.id) })),
      );
    });
}
