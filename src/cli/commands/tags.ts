// `marginalia tags`: tags with their annotation counts; `tags rename` and `tags merge` change them.
import { Command } from 'commander';
import { countOf } from '../../shared/plural';
import type { CliSession } from '../session';

function renameCommand(session: CliSession): Command {
  return new Command('rename')
    .summary('rename or move a tag (children follow)')
    .description('Rename or move a tag; its children follow.')
    .argument('<old>', 'the tag path now')
    .argument('<new>', 'the tag path it becomes')
    .usage('OLD NEW')
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia tags rename Place Location\n  marginalia tags rename Actor/ISIS Group/IS',
    )
    .action(async (from: string, to: string) => {
      const result = await session.call('renameTag', { from, to });
      session.print(`Renamed ${countOf(result.renamed, 'tag')}.\n`, result);
    });
}

function mergeCommand(session: CliSession): Command {
  return new Command('merge')
    .summary('merge a tag into another')
    .description("Merge a tag into another: FROM's annotations get INTO, and FROM is gone.")
    .argument('<from>', 'the tag to merge away')
    .argument('<into>', 'the tag it merges into')
    .usage('FROM INTO')
    .addHelpText('after', '\nExamples:\n  marginalia tags merge Actor/ISIS Actor/IS')
    .action(async (from: string, into: string) => {
      const result = await session.call('mergeTags', { from, into });
      session.print(`Merged “${from}” into “${into}” (${countOf(result.annotations, 'annotation')}).\n`, result);
    });
}

export function tagsCommand(session: CliSession): Command {
  return new Command('tags')
    .summary('list tags with their annotation counts; rename or merge them')
    .description('List tags with their annotation counts, or rename or merge them.')
    .usage('[rename OLD NEW | merge FROM INTO]')
    .addCommand(renameCommand(session))
    .addCommand(mergeCommand(session))
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia tags\n  marginalia tags rename Place Location\n  marginalia tags merge Actor/ISIS Actor/IS',
    )
    .action(async () => {
      const tags = await session.call('listTags', {});
      session.print(
        tags.length === 0
          ? 'No tags yet.\n'
          : `${tags.map((tag) => `${String(tag.count).padStart(5)}  ${tag.path}${tag.color ? `  (${tag.color})` : ''}`).join('\n')}\n`,
        tags,
      );
    });
}
