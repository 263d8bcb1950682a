// A signed bundle from a modified client whose document carries a full-window overlay in
// its text styles: after import the document opens and the app still takes every click.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { MarginaliaCore } from '../../src/core/core';
import { makeTempDir } from '../support/temp';
import { expect, test } from './fixtures';
import { chooseFromMenu } from './toolbar-helpers';

const OVERLAY = 'position:fixed;inset:0;z-index:2147483647;background:red;opacity:0.5';

test('a document whose text styles cover the window is imported without them, and the toolbar still takes clicks', async ({
  page,
  app,
}) => {
  const temp = makeTempDir('marginalia-mallory-');
  const sender = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: 'e2e' });
  sender.profile.rename('Mallory');
  const { document } = sender.importBytes(
    'overlay.md',
    Buffer.from('# Harmless brief\n\nThe convoy left at dawn.\n\nIt reached the coast by noon.\n'),
  );
  // The sender's own store is tampered with, so the bundle it signs carries the overlay.
  const detail = sender.documents.detail(document.id);
  const hostile = detail.lexicalJson.replaceAll('"style":""', `"style":"${OVERLAY}"`);
  const text = sender.documents.canonicalText(document.id);
  sender.documents.replaceContent(document.id, {
    lexicalJson: hostile,
    canonicalText: text,
    textSha256: detail.textSha256,
    wordCount: 9,
  });
  const file = join(temp.path, 'overlay.mnb');
  writeFileSync(file, sender.exportBundle({ documentIds: [document.id] }).bytes);
  sender.close();

  await page.goto(app.url);
  const chooser = page.waitForEvent('filechooser');
  await chooseFromMenu(page, 'Share', 'Import notes…');
  await (await chooser).setFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Import notes' });
  await expect(dialog.getByRole('list', { name: 'What importing changes' })).toContainText(
    'New document: Harmless brief',
  );
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();

  await page
    .getByRole('list', { name: 'Documents' })
    .getByRole('listitem')
    .filter({ hasText: 'Harmless brief' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Harmless brief' })).toBeVisible();
  await expect(page.getByText('The convoy left at dawn.')).toBeVisible();
  expect(await page.locator('[style*="position"]').count()).toBe(0);
  // Nothing lies over the toolbar: a click on it reaches its button (Playwright refuses a covered one).
  const again = page.waitForEvent('filechooser', { timeout: 5000 });
  await page.getByRole('banner').getByRole('button', { name: 'Share', exact: true }).click({ timeout: 5000 });
  await page.getByRole('menuitem', { name: 'Import notes…' }).click({ timeout: 5000 });
  await again;
  temp.remove();
});
