// What the import e2e specs share: the app opened on its sample, a file chosen through the
// import input, and the progress bar and notifications found by role and name.
import type { Page } from '@playwright/test';
import type { RunningApp } from './fixtures';
import { expect } from './fixtures';

export const importBar = (page: Page, name: string) => page.getByRole('progressbar', { name: `Importing ${name}` });

export const notice = (page: Page, text: string) => page.getByRole('status', { name: 'Notifications' }).getByText(text);

export async function openApp(page: Page, app: RunningApp): Promise<void> {
  await page.goto(app.url);
  await expect(page.getByTestId('reader-content')).toContainText('Islamic State militants stormed');
}

export async function choosePdf(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page
    .getByTestId('import-input')
    .setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
}
