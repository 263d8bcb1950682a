// `marginalia annotate DOC --quote TEXT`: highlights a quote, found however its spaces,
// quotes and dashes are typed; a quote found more than once needs --occurrence N.
import { Command } from 'commander';
import type { Annotation, HighlightColor } from '../../shared/annotations';
import { HIGHLIGHT_COLORS, annotationLabel, exactHighlight } from '../../shared/annotations';
import { annotationJson, pageMapOf } from '../annotation-json';
import { resolveDocument } from '../document-reference';
import { chooseQuoteSpan } from '../quote';
import type { CliSession } from '../session';
import { UsageError, oneOf, parsedOption, repeatable, valueOption, asText } from '../usage';

interface AnnotateOptions {
  quote?: string;
  occurrence?: number;
  color?: HighlightColor[];
  tag?: string[];
  note?: string;
}

/** Said once per write while the profile still has the login name nobody chose. */
const UNCHOSEN_NAME_HINT = (name: string): string =>
  `wrote this as “${name}”, your login name; set the name on your annotations with: marginalia profile --name "Your Name"`;

export const highlightColor = oneOf(
  HIGHLIGHT_COLORS,
  (color) => `unknown color “${color}”; colors are ${HIGHLIGHT_COLORS.join(', ')}.`,
);

function occurrenceOf(value: string): number {
  const occurrence = Number(value);
  if (!Number.isInteger(occurrence) || occurrence < 1)
    throw new UsageError(`--occurrence must be 1 or more, not “${value}”.`);
  return occurrence;
}

/** Your own highlight on exactly this span, if there is one (another analyst's does not count). */
async function ownHighlightOn(
  session: CliSession,
  documentId: string,
  span: { start: number; end: number },
): Promise<Annotation | undefined> {
  const { authorId } = await session.call('getIdentity', {});
  const annotations = await session.call('listAnnotations', { documentId });
  return exactHighlight(annotations, span, (annotation) => annotation.author.id === authorId);
}

/**
 * The span is already highlighted: nothing is made, as in the app, and the existing id is
 * printed as a new one would be (as `import` does for a file already in the library).
 */
async function reportAlreadyHighlighted(
  session: CliSession,
  existing: Annotation,
  options: AnnotateOptions,
): Promise<void> {
  const json = { ...annotationJson(existing, await pageMapOf(session, existing.documentId)), new: false };
  session.print(`${existing.id}\n`, json);
  if (session.json) return;
  const asked = options.color !== undefined || options.tag !== undefined || options.note !== undefined;
  const quote = annotationLabel(existing, 40);
  session.warn(
    `Already highlighted: “${quote}” is annotation ${existing.id}; nothing new was made` +
      (asked ? ' and its color, tags and note were left as they are.' : '.'),
  );
}

async function annotate(session: CliSession, reference: string, options: AnnotateOptions): Promise<void> {
  if (reference.trim() === '') throw new UsageError('usage: marginalia annotate DOC --quote TEXT');
  const doc = await resolveDocument(session, reference);
  if (options.quote === undefined || options.quote.trim() === '') throw new UsageError('annotate needs --quote TEXT.');
  if ((options.color?.length ?? 0) > 1) throw new UsageError('annotate takes one --color.');
  const color = options.color?.[0];
  const { text } = await session.call('getDocumentText', { id: doc.id });
  const { start, end } = chooseQuoteSpan(text, options.quote, options.occurrence, doc.title);
  const existing = await ownHighlightOn(session, doc.id, { start, end });
  if (existing) return reportAlreadyHighlighted(session, existing, options);
  const annotation = await session.call('createAnnotation', {
    documentId: doc.id,
    start,
    end,
    ...(color ? { color } : {}),
    tags: options.tag ?? [],
    ...(options.note !== undefined ? { noteMarkdown: options.note } : {}),
  });
  session.print(`${annotation.id}\n`, { ...annotationJson(annotation, await pageMapOf(session, doc.id)), new: true });
  if (!(await session.call('getProfile', {})).confirmed) session.warn(UNCHOSEN_NAME_HINT(annotation.author.name));
}

export function annotateCommand(session: CliSession): Command {
  const { argv } = session;
  return new Command('annotate')
    .summary('highlight a quote in a document; prints the new id')
    .description(
      'Highlight TEXT in DOC and print the new annotation id. Its spaces, quotes and dashes match any kind; capitals must ' +
        'match. A TEXT found more than once needs --occurrence N, counting in reading order.',
    )
    .argument('<doc>', 'a document id or a unique, case-insensitive prefix of its title')
    .usage('DOC --quote TEXT [--occurrence N] [--color C] [--tag T]... [--note TEXT]')
    .addOption(valueOption('--quote <text>', 'the text to highlight', argv))
    .addOption(
      parsedOption(
        '--occurrence <n>',
        'which place, counting from 1, when TEXT occurs more than once',
        argv,
        occurrenceOf,
      ),
    )
    .addOption(
      parsedOption('--color <color>', 'the highlight color', argv, repeatable(highlightColor), HIGHLIGHT_COLORS),
    )
    .addOption(parsedOption('--tag <tag>', 'a tag path like Place/Sabratha (may repeat)', argv, repeatable(asText)))
    .addOption(valueOption('--note <markdown>', 'a note, in Markdown', argv))
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia annotate "reports of" --quote "beheading 11 people" --tag Claim/Casualties --color red --note "Check **numbers**"\n' +
        '  marginalia annotate "reports of" --quote Sabratha --occurrence 3 --tag Place/Sabratha',
    )
    .action((reference: string, options: AnnotateOptions) => annotate(session, reference, options));
}
