// What the Tags panel does to one tag (rename or move, merge, recolor, describe, delete),
// each one undoable call through the contract; failures are reported, successes announced.
import type { HighlightColor } from '../../../shared/annotations';
import type { MarginaliaClient } from '../../../shared/contract';
import { countOf } from '../../../shared/plural';
import type { AnnotationController } from '../annotations/controller';
import { notifications } from '../app/notifications/store';
import { commands } from '../commands';

export interface TagActionDependencies {
  client: MarginaliaClient;
  controller: AnnotationController;
  confirm: (title: string, body: string, label: string, action: () => void) => void;
  report: (title: string, message: string) => void;
  /** Closes the tag's editor. */
  close: () => void;
}

export function tagActions(path: string, deps: TagActionDependencies) {
  const { client, controller, report, close } = deps;
  const after = async (done: boolean, message: string) => {
    if (!done) return;
    // Every tag change is one undoable step: the message offers it.
    notifications.notify(message, 'info', { action: { label: 'Undo', run: () => void commands.run('undo') } });
    await controller.refreshTags();
    await controller.refresh();
  };
  return {
    rename: async (to: string) => {
      const result = await client.renameTag({ from: path, to });
      if (!result.ok) report(`Couldn't rename ${path}`, result.error.message);
      else close();
      await after(result.ok, `Renamed ${path} to ${to} (Ctrl+Z to undo)`);
    },
    merge: async (into: string) => {
      const result = await client.mergeTags({ from: path, into });
      if (!result.ok) report(`Couldn't merge ${path}`, result.error.message);
      else close();
      await after(result.ok, `Merged ${path} into ${into} (Ctrl+Z to undo)`);
    },
    save: async (changes: { color?: HighlightColor | ''; description: string }) => {
      const result = await client.saveTag({ path, ...changes });
      if (!result.ok) report(`Couldn't change ${path}`, result.error.message);
      await after(result.ok, `Saved ${path}`);
    },
    /** Says what deleting would take away, and deletes once that is confirmed. */
    remove: async () => {
      const usage = await client.tagUsage({ path });
      if (!usage.ok) {
        report(`Couldn't delete ${path}`, usage.error.message);
        return;
      }
      const { tags, annotations } = usage.value;
      const removed = tags === 1 ? 'This tag' : `These ${countOf(tags, 'tag')} (“${path}” and everything under it)`;
      deps.confirm(
        `Delete tag “${path}”?`,
        `${removed} will be removed from ${countOf(annotations, 'annotation')}. The annotations themselves stay.`,
        'Delete tag',
        () =>
          void client.deleteTag({ path }).then(async (result) => {
            if (!result.ok) report(`Couldn't delete ${path}`, result.error.message);
            else {
              close();
              if (controller.tagFilter === path) controller.setTagFilter(null);
            }
            await after(result.ok, `Deleted ${path} (Ctrl+Z to undo)`);
          }),
      );
    },
  };
}
