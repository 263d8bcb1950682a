// Keeping notes in a workspace folder, as a person sets it up and lives with it: turned on
// in Settings, the indicator says synced, a highlight reaches the file, a broken file is
// reported with its line, and a conflicting edit is resolved from the sync dialog.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test, type RunningApp } from './fixtures';
import { chooseFromMenu } from './toolbar-helpers';
import { selectText } from './helpers';

const SAMPLE_TITLE = 'Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha';

/** Opens the sample and sets a workspace folder in Settings, as a person does; gives the sample's sidecar path. */
async function setWorkspaceInSettings(page: Page, app: RunningApp): Promise<{ sidecar: () => string }> {
  const workspace = join(app.dataDir, '..', 'workspace');
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await chooseFromMenu(page, 'Settings', 'Settings…');
  await page.getByRole('textbox', { name: /Workspace folder/ }).fill(workspace);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Synced' })).toBeVisible();
  const sidecar = () =>
    join(
      workspace,
      readdirSync(workspace).find((name) => name.endsWith('.annotations.json'))!,
    );
  return { sidecar };
}

test('a workspace folder set in Settings gets the notes as files, and problems and conflicts show in the sync dialog', async ({
  page,
  app,
}) => {
  const { sidecar } = await setWorkspaceInSettings(page, app);

  await selectText(page, 'beheading 11 people');
  await page.keyboard.press('h');
  await expect.poll(() => readFileSync(sidecar(), 'utf8')).toContain('"exact": "beheading 11 people"');

  // A broken file is reported with its line and column, and left as it is.
  const good = readFileSync(sidecar(), 'utf8');
  const broken = good.replace('"motivation": "highlighting"', '"motivation": "highlighting",,');
  writeFileSync(sidecar(), broken);
  const problem = page.getByRole('button', { name: 'Sync problem (1)' });
  await expect(problem).toBeVisible();
  await problem.click();
  const dialog = page.getByRole('dialog', { name: 'Workspace sync' });
  const line = broken.split('\n').findIndex((text) => text.includes(',,')) + 1;
  await expect(dialog.getByRole('list', { name: 'Files that could not be read' })).toContainText(
    `.annotations.json:${line}:`,
  );
  await screenshot(page, 'sync-problem');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Fixed, but with a different color than the app now has: a conflict to resolve.
  const id = app.core.annotations.list(app.core.documents.list()[0]!.id)[0]!.id;
  app.core.annotations.update({ id, color: 'green' });
  writeFileSync(sidecar(), good.replace('"color": "yellow"', '"color": "purple"'));
  const toResolve = page.getByRole('button', { name: 'Synced, 1 to resolve' });
  await expect(toResolve).toBeVisible();
  await toResolve.click();
  await expect(dialog.getByRole('list', { name: 'Conflicts' })).toContainText('An annotation changed both here and in');
  await dialog.getByRole('button', { name: 'Keep theirs' }).click();
  await expect(dialog.getByText('Everything is in sync.')).toBeVisible();
  await expect.poll(() => app.core.annotations.get(id).color).toBe('purple');
  await expect.poll(() => readFileSync(sidecar(), 'utf8')).toContain('"color": "purple"');
});

test('a copied sidecar is offered as a copy to merge, and a link out of the workspace is reported, never read', async ({
  page,
  app,
}) => {
  const workspace = join(app.dataDir, '..', 'workspace');
  const outside = join(app.dataDir, '..', 'outside');
  mkdirSync(outside);
  await page.goto(app.url);
  await chooseFromMenu(page, 'Settings', 'Settings…');
  await page.getByRole('textbox', { name: /Workspace folder/ }).fill(workspace);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Synced' })).toBeVisible();
  const name = readdirSync(workspace).find((file) => file.endsWith('.annotations.json'))!;
  const copy = name.replace('.annotations.json', ' (copy).annotations.json');
  copyFileSync(join(workspace, name), join(workspace, copy));
  const toResolve = page.getByRole('button', { name: 'Synced, 1 to resolve' });
  await expect(toResolve).toBeVisible();

  // A highlight made now is kept, in the library and in the document's own file, whatever the copy lacks.
  await selectText(page, 'beheading 11 people');
  await page.keyboard.press('h');
  await expect.poll(() => readFileSync(join(workspace, name), 'utf8')).toContain('"exact": "beheading 11 people"');
  await toResolve.click();
  const dialog = page.getByRole('dialog', { name: 'Workspace sync' });
  await expect(dialog.getByRole('heading', { name: 'Copies to merge' })).toBeVisible();
  const copies = dialog.getByRole('list', { name: 'Copies to merge' });
  await expect(copies).toContainText(copy);
  await screenshot(page, 'sync-copies-to-merge');
  await copies.getByRole('button', { name: 'Merge' }).click();
  await expect(dialog.getByText('Everything is in sync.')).toBeVisible();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: `Merged ${copy} into its document; the file is set aside as ${copy}.merged` }),
  ).toBeVisible();
  expect(readFileSync(join(workspace, name), 'utf8')).toContain('"exact": "beheading 11 people"');
  await dialog.getByRole('button', { name: 'Close' }).click();

  writeFileSync(join(outside, 'elsewhere.annotations.json'), readFileSync(join(workspace, name), 'utf8'));
  symlinkSync(join(outside, 'elsewhere.annotations.json'), join(workspace, 'leak.annotations.json'));
  const problem = page.getByRole('button', { name: 'Sync problem (1)' });
  await expect(problem).toBeVisible();
  await problem.click();
  await expect(dialog.getByRole('list', { name: 'Files that could not be read' })).toContainText(
    'leak.annotations.json:0:0 It is a symbolic link',
  );
});

test.describe('on the very first start', () => {
  test.use({ firstRun: true });

  test('the welcome dialog offers a workspace folder, off until ticked', async ({ page, app }) => {
    const workspace = join(app.dataDir, '..', 'chosen-workspace');
    await page.goto(app.url);
    const welcome = page.getByRole('dialog', { name: 'Welcome to Marginalia' });
    const offer = welcome.getByRole('checkbox', { name: /Also keep my notes as plain files/ });
    await expect(offer).not.toBeChecked();
    await welcome.getByRole('textbox', { name: 'Your name' }).fill('Wendy Workspace');
    await offer.check();
    await expect(welcome.getByRole('textbox', { name: 'Workspace folder' })).toHaveValue(/Documents[\\/]Marginalia$/);
    await welcome.getByRole('textbox', { name: 'Workspace folder' }).fill(workspace);
    await welcome.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('button', { name: 'Synced' })).toBeVisible();
    expect(readdirSync(workspace).filter((name) => name.endsWith('.annotations.json'))).toHaveLength(1);
  });
});

test('a note edited by hand in its file shows on its card at once, and writing there after keeps the file’s words', async ({
  page,
  app,
}) => {
  const { sidecar } = await setWorkspaceInSettings(page, app);

  await selectText(page, 'the main hospital');
  await page.keyboard.press('n');
  const note = page.getByRole('textbox', { name: 'Note on “the main hospital”' });
  await expect(note).toBeFocused();
  await page.keyboard.type('Ask the staff.');
  await expect.poll(() => readFileSync(sidecar(), 'utf8')).toContain('Ask the staff.');
  await page.getByRole('heading', { level: 1, name: SAMPLE_TITLE }).click();
  await expect(note).not.toBeFocused();

  writeFileSync(sidecar(), readFileSync(sidecar(), 'utf8').replace('Ask the staff.', 'Ask the doctors.'));
  await expect(note).toHaveText('Ask the doctors.');

  await note.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Today.');
  const id = app.core.annotations.list(app.core.documents.list()[0]!.id)[0]!.id;
  await expect.poll(() => app.core.annotations.get(id).note.markdown).toBe('Ask the doctors. Today.');
  await expect.poll(() => readFileSync(sidecar(), 'utf8')).toContain('Ask the doctors. Today.');
});

test('a grade made in the app lands in the sidecar as a W3C assessing body, and one changed there by hand shows on the card', async ({
  page,
  app,
}) => {
  const { sidecar } = await setWorkspaceInSettings(page, app);
  await selectText(page, 'beheading 11 people');
  await page.keyboard.press('h');
  await page.keyboard.press('g');
  const dialog = page.getByRole('dialog', { name: 'Grade annotation' });
  await dialog.getByRole('radio', { name: /^2 Probably true/ }).check();
  await dialog.getByRole('button', { name: 'Save grade' }).click();
  await expect(dialog).toBeHidden();

  const assessing = () => {
    const file = JSON.parse(readFileSync(sidecar(), 'utf8')) as {
      first?: { items: Array<{ body?: Array<{ purpose: string; marginalia?: { credibility: string } }> }> };
    };
    return file.first?.items.flatMap((item) => item.body ?? []).find((body) => body.purpose === 'assessing');
  };
  await expect
    .poll(assessing)
    .toMatchObject({ type: 'TextualBody', purpose: 'assessing', marginalia: { credibility: '2' } });

  // Changed by hand in the file (its time left as it was): the card follows.
  writeFileSync(sidecar(), readFileSync(sidecar(), 'utf8').replace('"credibility": "2"', '"credibility": "4"'));
  const card = page.getByRole('article', { name: 'Note on “beheading 11 people”' });
  await expect(card.getByRole('button', { name: /^Grade 4/ })).toBeVisible();
  await screenshot(page, 'sync-grade-from-file');
});
