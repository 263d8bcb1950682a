// Sharing notes with a reviewer and merging the review back, as the analyst does it in
// the app; the reviewer's side runs on a second library, as on their own machine.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { MarginaliaCore } from '../../src/core/core';
import type { Page } from '@playwright/test';
import { SAMPLE_REPORT as SAMPLE_PATH, makeTempDir } from '../support/temp';
import { expect, screenshot, test } from './fixtures';
import { chooseFromMenu } from './toolbar-helpers';

const SAMPLE_TITLE = 'Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha';

test('the analyst imports a signed review, sees the reply threaded under the note, replies, and shares a review back', async ({
  page,
  app,
}) => {
  const documentId = app.core.documents.list()[0]!.id;
  const text = app.core.documents.canonicalText(documentId);
  const quote = 'Islamic State militants stormed the centre of Sabratha';
  const start = text.indexOf(quote);
  const note = app.core.annotations.create({
    documentId,
    start,
    end: start + quote.length,
    noteMarkdown: 'Who confirmed this?',
  });

  // The reviewer, on their own machine: imports the analyst's notes, replies, adds a highlight, exports a review.
  const temp = makeTempDir('marginalia-reviewer-');
  const reviewer = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: 'e2e' });
  reviewer.profile.rename('Rui Reviewer');
  await reviewer.importBundle(Buffer.from(app.core.exportBundle({ documentIds: [documentId] }).bytes), {
    allowUnsigned: false,
    apply: true,
  });
  reviewer.annotations.createReply(note.id, 'Two wire services confirm it. <b>not bold</b>');
  const reviewerQuote = 'beheading 11 people';
  const reviewerStart = text.indexOf(reviewerQuote);
  reviewer.annotations.create({
    documentId,
    start: reviewerStart,
    end: reviewerStart + reviewerQuote.length,
    color: 'pink',
    noteMarkdown: 'Is 11 right?',
  });
  const reviewFile = join(temp.path, 'review.mnb');
  writeFileSync(reviewFile, reviewer.exportBundle({ documentIds: [documentId], reviewOnly: true }).bytes);
  const reviewerFingerprint = reviewer.identity.identity().fingerprint;

  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await chooseFromMenu(page, 'Share', 'Import notes…');
  await (await chooser).setFiles(reviewFile);
  const dialog = page.getByRole('dialog', { name: 'Import notes' });
  await expect(dialog.getByRole('status')).toHaveText(
    `Signed by Rui Reviewer (${reviewerFingerprint}) — the first time you see this key.`,
  );
  const plan = dialog.getByRole('list', { name: 'What importing changes' });
  await expect(plan).toContainText(`Document: ${SAMPLE_TITLE}`);
  await expect(plan).toContainText('Annotations: 1 new, 0 updated, 0 unchanged');
  await expect(plan).toContainText('Replies: 1 new');
  await expect(plan).toContainText('By Rui Reviewer: 1 annotation, 1 reply');
  await screenshot(page, 'bundle-import-preview');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  const imported = page.getByRole('status').filter({ hasText: 'Imported notes from Rui Reviewer: 2 new, 0 updated.' });
  await expect(imported).toBeVisible();
  // The notes are on the document shown: the message offers no Open of it.
  await expect(imported.getByRole('button', { name: 'Open', exact: true })).toHaveCount(0);

  // The reply sits under the analyst's note, markup shown as text.
  const card = page.getByRole('article', { name: `Note on “${quote}”` });
  const thread = card.getByRole('list', { name: `Replies to “${quote}”` });
  await expect(thread.getByRole('listitem', { name: 'Reply by Rui Reviewer' })).toContainText(
    'Two wire services confirm it. <b>not bold</b>',
  );
  // The reviewer's own note is theirs: no editing, no delete.
  const theirs = page.getByRole('article', { name: 'Note on “beheading 11 people”' });
  await expect(theirs).toContainText('their note');
  await theirs.click();
  await expect(theirs.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expect(theirs.getByRole('textbox', { name: 'Note on “beheading 11 people”' })).toHaveAttribute(
    'contenteditable',
    'false',
  );

  // The analyst answers in the thread.
  await card.click();
  await card.getByRole('textbox', { name: `Reply to “${quote}”` }).fill('Thanks, adding the sources.');
  await card.getByRole('button', { name: 'Reply' }).click();
  await expect(thread.getByRole('listitem', { name: 'Reply by Test Reader' })).toContainText(
    'Thanks, adding the sources.',
  );
  await screenshot(page, 'bundle-thread');

  // Filter to the reviewer's layer.
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await page.getByRole('combobox', { name: 'Author' }).selectOption({ label: 'Rui Reviewer' });
  await expect(page.getByRole('list', { name: 'Annotations in this document' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Author' }).selectOption({ label: 'Everyone' });

  // Share my review back.
  await chooseFromMenu(page, 'Share', 'Share notes…');
  const share = page.getByRole('dialog', { name: 'Share notes' });
  await share.getByRole('checkbox', { name: 'Only my review (my annotations and replies)' }).check();
  await screenshot(page, 'share-notes-dialog');
  const downloading = page.waitForEvent('download');
  await share.getByRole('button', { name: 'Save bundle' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\(review\)\.mnb$/);
  const merged = await reviewer.importBundle(readFileSync((await download.path())!), {
    allowUnsigned: false,
    apply: true,
  });
  expect(merged.signer).toMatchObject({ name: 'Test Reader', signed: true });
  expect(reviewer.annotations.listReplies(documentId).map((reply) => reply.text)).toEqual(
    expect.arrayContaining(['Two wire services confirm it. <b>not bold</b>', 'Thanks, adding the sources.']),
  );

  // Settings lists the reviewer's key.
  await chooseFromMenu(page, 'Settings', 'Settings…');
  await expect(page.getByRole('list', { name: 'Known keys' })).toContainText(`Rui Reviewer ${reviewerFingerprint}`);
  await screenshot(page, 'settings-known-keys');
  reviewer.close();
  temp.remove();
});

test('an unsigned bundle is refused until the person says they trust it; a tampered one is refused outright', async ({
  page,
  app,
}) => {
  const documentId = app.core.documents.list()[0]!.id;
  const temp = makeTempDir('marginalia-sender-');
  const sender = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: 'e2e' });
  sender.profile.rename('Sam Sender');
  const { document } = sender.importBytes('brief.md', Buffer.from('# Field brief\n\nThe convoy left at dawn.\n'));
  const text = sender.documents.canonicalText(document.id);
  sender.annotations.create({
    documentId: document.id,
    start: text.indexOf('convoy'),
    end: text.indexOf('convoy') + 6,
    noteMarkdown: 'Which convoy?',
  });
  const files = unzipSync(sender.exportBundle({ documentIds: [document.id] }).bytes);
  const tampered = {
    ...files,
    'annotations.jsonld': strToU8(strFromU8(files['annotations.jsonld']!).replace('Which convoy?', 'Forged')),
  };
  delete files['signature.json'];
  writeFileSync(join(temp.path, 'unsigned.mnb'), zipSync(files));
  writeFileSync(join(temp.path, 'tampered.mnb'), zipSync(tampered));
  sender.close();
  void documentId;
  // Anyone can type a name: here the unsigned bundle's claimed name is this profile's own.
  app.core.profile.rename('Sam Sender');

  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  let chooser = page.waitForEvent('filechooser');
  await chooseFromMenu(page, 'Share', 'Import notes…');
  await (await chooser).setFiles(join(temp.path, 'tampered.mnb'));
  const dialog = page.getByRole('dialog', { name: 'Import notes' });
  await expect(dialog.getByRole('alert')).toHaveText(
    'This bundle was changed after Sam Sender signed it (its signature does not match its contents). It was not imported.',
  );
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  chooser = page.waitForEvent('filechooser');
  await chooseFromMenu(page, 'Share', 'Import notes…');
  await (await chooser).setFiles(join(temp.path, 'unsigned.mnb'));
  await expect(dialog.getByRole('alert')).toContainText('This bundle is not signed');
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: /Import it anyway/ }).check();
  await expect(dialog.getByRole('status')).toHaveText(
    'Not signed; it says it is from Sam Sender. It claims to be from you, but it is not signed with your key.',
  );
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, `bundle-unsigned-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Imported unsigned notes claimed to be from Sam Sender: 1 new, 0 updated.' }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(2);
  temp.remove();
});

test('dropping a note bundle on the window opens its import preview', async ({ page, app }) => {
  const temp = makeTempDir('marginalia-sender-');
  const sender = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: 'e2e' });
  sender.profile.rename('Dana Dropper');
  const { document } = sender.importBytes('brief.md', Buffer.from('# Dropped brief\n\nThe convoy left at dawn.\n'));
  const text = sender.documents.canonicalText(document.id);
  sender.annotations.create({ documentId: document.id, start: text.indexOf('dawn'), end: text.indexOf('dawn') + 4 });
  const base64 = Buffer.from(sender.exportBundle({ documentIds: [document.id] }).bytes).toString('base64');
  sender.close();
  temp.remove();

  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  const dataTransfer = await page.evaluateHandle((data) => {
    const bytes = Uint8Array.from(atob(data), (character) => character.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'dropped.mnb', { type: 'application/zip' }));
    return transfer;
  }, base64);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByText('or a .mnb note bundle to merge its notes')).toBeVisible();
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  const dialog = page.getByRole('dialog', { name: 'Import notes' });
  await expect(dialog.getByRole('status')).toContainText('Signed by Dana Dropper');
  await expect(dialog.getByRole('list', { name: 'What importing changes' })).toContainText(
    'New document: Dropped brief',
  );
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(2);
  expect(app.core.annotations.list(document.id).map((annotation) => annotation.author.name)).toEqual(['Dana Dropper']);
});

/** Library A on its own machine: fixes a typo with Edit text, notes it, and shares with the original files. */
async function editedShareFromA(
  appSampleId: string,
  fileDir: string,
): Promise<{ file: string; quote: string; version: string }> {
  const analyst = new MarginaliaCore({ dataDir: join(fileDir, 'a'), host: 'cli', version: 'e2e' });
  analyst.profile.rename('Ana Analyst');
  const id = analyst.importPath(SAMPLE_PATH).document.id;
  expect(id).not.toBe(appSampleId);
  analyst.updateDocumentText(
    id,
    analyst.documents.detail(id).lexicalJson.replace('were we expected', 'where we expected'),
  );
  const text = analyst.documents.canonicalText(id);
  const quote = 'beheading 11 people';
  const start = text.indexOf(quote);
  analyst.annotations.create({
    documentId: id,
    start,
    end: start + quote.length,
    noteMarkdown: 'Count confirmed after the fix',
  });
  const file = join(fileDir, 'edited.mnb');
  writeFileSync(file, analyst.exportBundle({ documentIds: [id], includeSources: true }).bytes);
  const version = analyst.documents.textSha256(id).slice(0, 7);
  analyst.close();
  return { file, quote, version };
}

async function openImportPreview(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await chooseFromMenu(page, 'Share', 'Import notes…');
  await (await chooser).setFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Import notes' });
  await expect(dialog.getByRole('group', { name: `“${SAMPLE_TITLE}” differs from your copy` })).toBeVisible();
  return dialog;
}

test('an edited document shared with its original file applies to my copy of the original, re-anchored', async ({
  page,
  app,
}) => {
  const temp = makeTempDir('marginalia-a-');
  const mine = app.core.documents.list()[0]!;
  const { file, quote, version } = await editedShareFromA(mine.id, temp.path);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  const dialog = await openImportPreview(page, file);
  const versions = `theirs: version ${version}, yours: version ${mine.textVersion}`;
  const choice = dialog.getByRole('group', { name: `“${SAMPLE_TITLE}” differs from your copy (${versions})` });
  await expect(
    choice.getByRole('radio', { name: 'Apply their notes to my copy (keep my text, re-anchor their notes on it)' }),
  ).toBeChecked();
  await expect(choice).toContainText('their text, with any corrections they made, is not adopted');
  await expect(dialog.getByRole('list', { name: 'What importing changes' })).toContainText(
    `Document (your text differs; ${versions}): ${SAMPLE_TITLE}`,
  );
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, `bundle-preview-differs-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('article', { name: `Note on “${quote}”` })).toContainText(
    'Count confirmed after the fix',
  );
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(1);
  temp.remove();
});

test('an edited document can be added beside my copy instead: it opens, and the library tells the two apart', async ({
  page,
  app,
}) => {
  const temp = makeTempDir('marginalia-a-');
  const { file, quote } = await editedShareFromA(app.core.documents.list()[0]!.id, temp.path);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  const dialog = await openImportPreview(page, file);
  await dialog.getByRole('radio', { name: 'Add their copy as a new document beside mine (with their text)' }).check();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  // The new document opens: its text has the fix and the note.
  await expect(page.getByRole('article', { name: `Note on “${quote}”` })).toContainText(
    'Count confirmed after the fix',
  );
  await expect(page.getByRole('main')).toContainText('where we expected');
  const rows = page.getByRole('list', { name: 'Documents' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'From Ana Analyst' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Imported here' })).toHaveCount(1);
  await expect(
    rows
      .filter({ hasText: 'From Ana Analyst' })
      .getByRole('button', { name: new RegExp(`^${SAMPLE_TITLE.slice(0, 20)}`) }),
  ).toHaveAttribute('aria-current', 'true');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, `library-two-versions-${scheme}`);
  }
  temp.remove();
});

test('a bundle signed by a reviewer that rewrites the analyst’s note is refused item by item, and the preview says so', async ({
  page,
  app,
}) => {
  const documentId = app.core.documents.list()[0]!.id;
  const text = app.core.documents.canonicalText(documentId);
  const quote = 'beheading 11 people';
  const start = text.indexOf(quote);
  const note = app.core.annotations.create({
    documentId,
    start,
    end: start + quote.length,
    noteMarkdown: 'My own reading',
  });
  // The reviewer's patched app rewrites the analyst's note in its copy and shares everything, signed with the reviewer's key.
  const temp = makeTempDir('marginalia-reviewer-');
  const reviewer = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: 'e2e' });
  reviewer.profile.rename('Rui Reviewer');
  await reviewer.importBundle(Buffer.from(app.core.exportBundle({ documentIds: [documentId] }).bytes), {
    allowUnsigned: false,
    apply: true,
  });
  const row = reviewer.annotations.store.row(note.id)!;
  reviewer.annotations.store.updateRow({
    ...row,
    note_markdown: 'Forged words',
    note_text: 'Forged words',
    updated_at: new Date(Date.now() + 60_000).toISOString(),
  });
  const file = join(temp.path, 'forged.mnb');
  writeFileSync(file, reviewer.exportBundle({ documentIds: [documentId] }).bytes);
  reviewer.close();

  await page.goto(app.url);
  const chooser = page.waitForEvent('filechooser');
  await chooseFromMenu(page, 'Share', 'Import notes…');
  await (await chooser).setFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Import notes' });
  const plan = dialog.getByRole('list', { name: 'What importing changes' });
  await expect(plan).toContainText(
    "1 change claimed for other authors was refused: a bundle can only change its signer's own notes.",
  );
  await expect(plan).toContainText('Annotations: 0 new, 0 updated');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('article', { name: `Note on “${quote}”` })).toContainText('My own reading');
  temp.remove();
});

test('a review sent back with only the reviewer’s notes and no original files lands on the analyst’s edited document, not a second one', async ({
  page,
  app,
}) => {
  // The analyst (this app) fixes a typo with Edit text, notes it and shares with the original files.
  const documentId = app.core.documents.list()[0]!.id;
  app.core.updateDocumentText(
    documentId,
    app.core.documents.detail(documentId).lexicalJson.replace('were we expected', 'where we expected'),
  );
  const quote = 'beheading 11 people';
  const text = app.core.documents.canonicalText(documentId);
  const note = app.core.annotations.create({
    documentId,
    start: text.indexOf(quote),
    end: text.indexOf(quote) + quote.length,
    noteMarkdown: 'Count confirmed after the fix',
  });
  // The reviewer has the sample already, applies the notes to their copy, replies, adds a note, and sends back only the review.
  const temp = makeTempDir('marginalia-reviewer-');
  const reviewer = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: 'e2e' });
  reviewer.profile.rename('Bob B');
  const theirs = reviewer.importPath(SAMPLE_PATH).document.id;
  await reviewer.importBundle(
    Buffer.from(app.core.exportBundle({ documentIds: [documentId], includeSources: true }).bytes),
    { allowUnsigned: false, apply: true },
  );
  reviewer.annotations.createReply(note.id, 'Agreed, 11');
  const theirText = reviewer.documents.canonicalText(theirs);
  reviewer.annotations.create({
    documentId: theirs,
    start: theirText.indexOf('Tripoli'),
    end: theirText.indexOf('Tripoli') + 'Tripoli'.length,
    noteMarkdown: 'Which Tripoli?',
  });
  const reviewFile = join(temp.path, 'review.mnb');
  writeFileSync(reviewFile, reviewer.exportBundle({ documentIds: [theirs], reviewOnly: true }).bytes);
  reviewer.close();

  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await chooseFromMenu(page, 'Share', 'Import notes…');
  await (await chooser).setFiles(reviewFile);
  const dialog = page.getByRole('dialog', { name: 'Import notes' });
  const plan = dialog.getByRole('list', { name: 'What importing changes' });
  await expect(plan).toContainText(`Document (your text differs; theirs: version`);
  await expect(plan).not.toContainText('New document');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('article', { name: 'Note on “Tripoli”' })).toContainText('Which Tripoli?');
  await expect(
    page.getByRole('article', { name: `Note on “${quote}”` }).getByRole('listitem', { name: 'Reply by Bob B' }),
  ).toContainText('Agreed, 11');
  temp.remove();
});
