// Issue 17 as an analyst works it, in Chromium against the browser host: grade the sample's
// source and a second report's, make a claim from a selection in one report and add a
// passage of the other to it (corroborated: two independent sources), mark the second as
// repeating the first (single source), and follow the link back with one click. Screens of
// the Sources panel, the dialogs and the claim, light and dark; axe checks them in accessibility.spec.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from '../support/temp';
import { expect, screenshotBothThemes, test } from './fixtures';
import { cardOf, runCommand } from './evidence-setups';
import { selectText } from './helpers';
import { notice, openApp } from './import-helpers';

const SAMPLE_TITLE = 'Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha';
const SECOND_TITLE = "Militants hold Sabratha's centre for a night before local forces push them out";
const SECOND = readFileSync(join(APP_ROOT, 'tests', 'fixtures', 'sabratha-second-report.txt'));
const CLAIM = 'IS fighters beheaded 11 people in Sabratha';
const FIRST_QUOTE = 'beheading 11 people';
const SECOND_QUOTE = 'Eleven people were beheaded by the attackers';

/** Runs a command from the palette by its title. */
const run = (page: Page, command: string) => runCommand(page, command, command);

/** A new source from the Sources panel's document list: it becomes the open document's. */
async function sourceForDocument(page: Page, name: string, reliability: RegExp, reason: string): Promise<void> {
  await run(page, 'Show Sources');
  const panel = page.getByRole('tabpanel', { name: 'Sources' });
  await panel.getByRole('button', { name: 'New source for this document…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New source' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type(name);
  await dialog.getByRole('radio', { name: reliability }).check();
  await dialog.getByRole('textbox', { name: 'Why this reliability' }).fill(reason);
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('checkbox', { name })).toBeChecked();
}

async function openFromLibrary(page: Page, title: string): Promise<void> {
  await run(page, 'Show Library');
  await page.getByRole('tabpanel', { name: 'Library' }).getByText(title, { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function claimStatus(page: Page) {
  await run(page, 'Show Claims');
  return page.getByRole('tabpanel', { name: 'Claims' }).getByRole('button', { name: new RegExp(CLAIM) });
}

test('sources graded, a claim corroborated by two reports turns single-source once one is marked as repeating the other', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await openApp(page, app);
  await sourceForDocument(page, "Libya's Channel", /^B Usually reliable/, 'Local channel with reporters in Sabratha');
  await screenshotBothThemes(page, 'evidence-sources');

  await page
    .getByTestId('import-input')
    .setInputFiles({ name: 'coastal-monitor.txt', mimeType: 'text/plain', buffer: SECOND });
  await expect(page.getByRole('heading', { level: 1, name: SECOND_TITLE })).toBeVisible();
  await sourceForDocument(page, 'Coastal Monitor', /^C Fairly reliable/, 'A newsletter; repeats wires');

  // A claim from a selection, in one step: the passage is highlighted as the claim is saved.
  await selectText(page, SECOND_QUOTE);
  await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('button', { name: 'Make claim…' }).click();
  const newClaim = page.getByRole('dialog', { name: 'New claim' });
  await expect(newClaim.getByRole('textbox', { name: 'Statement' })).toBeFocused();
  await page.keyboard.type(CLAIM);
  await expect(newClaim.getByRole('radio', { name: 'Supports it' })).toBeChecked();
  await screenshotBothThemes(page, 'evidence-new-claim');
  await newClaim.getByRole('button', { name: 'Make claim' }).click();
  await expect(notice(page, `Claim made: “${CLAIM}”`)).toBeVisible();
  await expect(await claimStatus(page)).toContainText('Single source');

  // The sample's passage joins the claim from its card, and is graded.
  await openFromLibrary(page, SAMPLE_TITLE);
  await selectText(page, FIRST_QUOTE);
  await page
    .getByRole('toolbar', { name: 'Annotate selection' })
    .getByRole('button', { name: 'Highlight', exact: true })
    .click();
  const card = page.getByRole('article').filter({ has: page.getByRole('group', { name: 'Evidence' }) });
  await card.getByRole('button', { name: 'Add to claim…' }).click();
  const addTo = page.getByRole('dialog', { name: 'Add to claim' });
  // The only claim there is is chosen already.
  await expect(addTo.getByRole('radio', { name: new RegExp(CLAIM) })).toBeChecked();
  await addTo.getByRole('button', { name: 'Add' }).click();
  await expect(addTo).toBeHidden();
  await card.getByRole('button', { name: 'Grade…' }).click();
  const grade = page.getByRole('dialog', { name: 'Grade annotation' });
  await grade.getByRole('radio', { name: /^2 Probably true/ }).check();
  await screenshotBothThemes(page, 'evidence-grade-dialog');
  await grade.getByRole('button', { name: 'Save grade' }).click();
  await expect(card.getByRole('button', { name: 'Grade B2: Usually reliable, Probably true' })).toHaveText('B2');
  await expect(await claimStatus(page)).toContainText('Corroborated');

  // Searching by grade finds the passage, its result showing the grade as its card does.
  await page.getByRole('main', { name: 'Reader' }).focus();
  await page.keyboard.press('Control+Shift+f');
  await page.getByRole('searchbox', { name: 'Search' }).fill('grade:B2');
  const found = page.getByRole('list', { name: /^Results in/ }).getByRole('listitem');
  await expect(found).toHaveCount(1);
  await expect(found.getByRole('img', { name: 'Grade B2: Usually reliable, Probably true' })).toHaveText('B2');
  await page.keyboard.press('Escape');

  // The second report repeats the first: the two are one source, and the claim says so.
  await openFromLibrary(page, SECOND_TITLE);
  const second = await cardOf(page, SECOND_QUOTE);
  await second.getByRole('button', { name: 'Link to…' }).click();
  const link = page.getByRole('dialog', { name: 'Link annotation' });
  await expect(link.getByRole('searchbox', { name: 'Find the other annotation' })).toBeFocused();
  await page.keyboard.type('beheading');
  // The only annotation found is chosen already, so Link can be pressed at once.
  await expect(link.getByRole('radio', { name: new RegExp(FIRST_QUOTE) })).toBeChecked();
  await expect(link.getByRole('button', { name: 'Link' })).toBeEnabled();
  await link.getByRole('combobox', { name: 'This passage' }).selectOption('repeats');
  await screenshotBothThemes(page, 'evidence-link-dialog');
  await link.getByRole('button', { name: 'Link' }).click();
  await expect(link).toBeHidden();
  const repeats = second.getByRole('button', { name: `repeats “${FIRST_QUOTE}”`, exact: true });
  await expect(repeats).toBeVisible();
  await expect(await claimStatus(page)).toContainText('Single source');

  // One click follows the link to the other document, where the link shows from its end.
  await repeats.click();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await expect(page.getByRole('button', { name: `repeated by “${SECOND_QUOTE}”`, exact: true })).toBeVisible();

  // The claim's view: evidence by stance, each passage one click away.
  await (await claimStatus(page)).click();
  const claim = page.getByRole('tabpanel', { name: 'Claims' });
  await expect(claim.getByRole('heading', { name: CLAIM })).toBeVisible();
  const supporting = claim.getByRole('region', { name: 'Supporting' });
  await expect(supporting.getByRole('listitem')).toHaveCount(2);
  await expect(supporting).toContainText("Libya's Channel");
  await expect(supporting.getByRole('img', { name: 'Grade B2: Usually reliable, Probably true' })).toBeVisible();
  await screenshotBothThemes(page, 'evidence-claim');
  await supporting.getByRole('button', { name: `“${SECOND_QUOTE}”`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: SECOND_TITLE })).toBeVisible();
});

test('Grade…, Link to… and Make claim… run from the keyboard on the selected annotation', async ({ page, app }) => {
  await openApp(page, app);
  await selectText(page, FIRST_QUOTE);
  await page.keyboard.press('h');
  await page.keyboard.press('g');
  const grade = page.getByRole('dialog', { name: 'Grade annotation' });
  await expect(grade).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(grade).toBeHidden();
  await page.keyboard.press('l');
  await expect(page.getByRole('dialog', { name: 'Link annotation' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('c');
  const claim = page.getByRole('dialog', { name: 'New claim' });
  await expect(claim).toContainText(`From “${FIRST_QUOTE}”`);
  await page.keyboard.type(CLAIM);
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(claim.getByRole('radio', { name: 'Contradicts it' })).toBeChecked();
  await claim.getByRole('button', { name: 'Make claim' }).press('Enter');
  await expect(claim).toBeHidden();
  await expect(await claimStatus(page)).toContainText('Unsupported');
});

test('a source is edited and, after a confirmation naming its uses, deleted; a card makes a claim in one step', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await sourceForDocument(page, "Libya's Channel", /^B Usually reliable/, 'Reporters in the town');
  const panel = page.getByRole('tabpanel', { name: 'Sources' });
  await panel.getByRole('button', { name: "Edit Libya's Channel" }).click();
  const edit = page.getByRole('dialog', { name: 'Edit source' });
  await expect(edit.getByRole('radio', { name: /^B Usually reliable/ })).toBeChecked();
  await edit.getByRole('radio', { name: /^D Not usually reliable/ }).check();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(panel.getByRole('listitem').filter({ hasText: "Libya's Channel" })).toContainText(
    'Not usually reliable',
  );

  await selectText(page, FIRST_QUOTE);
  await page.keyboard.press('h');
  const card = page.getByRole('article').filter({ has: page.getByRole('group', { name: 'Evidence' }) });
  await expect(card.getByRole('button', { name: 'Grade D: Not usually reliable' })).toHaveText('D');
  await card.getByRole('button', { name: 'Make claim…' }).click();
  const claim = page.getByRole('dialog', { name: 'New claim' });
  await page.keyboard.type(CLAIM);
  await claim.getByRole('button', { name: 'Make claim' }).click();
  await expect(claim).toBeHidden();
  await expect(await claimStatus(page)).toContainText('1 supporting');

  await run(page, 'Show Sources');
  await panel.getByRole('button', { name: "Delete Libya's Channel" }).click();
  const confirm = page.getByRole('dialog', { name: "Delete the source “Libya's Channel”?" });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  // The document still names it: the core refuses, and a second confirmation names the use.
  const anyway = page.getByRole('dialog', { name: "Delete “Libya's Channel” anyway?" });
  await expect(anyway).toContainText("“Libya's Channel” is the source of 1 document; remove it from them first.");
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await anyway.getByRole('button', { name: 'Delete anyway' }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(0);
  await expect(card.getByRole('button', { name: /^Grade / })).toHaveCount(0);
});
