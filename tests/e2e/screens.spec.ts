// Screenshots of every screen at 1440×900 and 1024×700, light and dark, into
// test-results/screens/ (`<screen>-<width>x<height>-<theme>.png`), to be looked at: wrapping,
// overlap, clipped text and stray elements show here before anyone else sees them.
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import type { RunningApp } from './fixtures';
import { selectText } from './helpers';
import {
  SAMPLE_TITLE,
  annotateSample,
  chooseToolbarAction,
  exportWithWarning,
  hoverText,
  openReader,
  openSearchWithResults,
  previewNoteBundle,
  selectTwoAnnotations,
} from './screen-setups';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;

interface Screen {
  name: string;
  firstRun?: boolean;
  /** Brings the screen about and waits until a person would see it whole. */
  show: (page: Page, app: RunningApp) => Promise<void>;
}

const NOTE_CARD = /^Note on “Islamic State militants/;

const SCREENS: Screen[] = [
  {
    name: 'library',
    show: async (page, app) => {
      await openReader(page, app);
      await expect(page.getByRole('list', { name: 'Documents' })).toContainText(SAMPLE_TITLE);
    },
  },
  {
    name: 'reader-highlights',
    show: async (page, app) => {
      annotateSample(app);
      await openReader(page, app);
      await expect(page.getByRole('article', { name: NOTE_CARD })).toBeVisible();
    },
  },
  {
    name: 'reader-library-closed',
    show: async (page, app) => {
      annotateSample(app);
      await openReader(page, app);
      await page.getByRole('main', { name: 'Reader' }).focus();
      await page.keyboard.press('Control+Shift+L');
      await expect(page.getByRole('tablist', { name: 'Panels' })).toBeHidden();
    },
  },
  {
    name: 'reader-keyboard-focus',
    show: async (page, app) => {
      annotateSample(app);
      await openReader(page, app);
      // Focus given to the reader goes to its text, where the caret is.
      const reader = page.getByTestId('reader-content');
      for (
        let step = 0;
        step < 30 && !(await reader.evaluate((element) => element === document.activeElement));
        step += 1
      ) {
        await page.keyboard.press('Tab');
      }
      await expect(reader).toBeFocused();
    },
  },
  {
    name: 'margin-card-open',
    show: async (page, app) => {
      annotateSample(app);
      await openReader(page, app);
      const card = page.getByRole('article', { name: NOTE_CARD });
      await card.click();
      await expect(card.getByRole('group', { name: 'Color' })).toBeVisible();
    },
  },
  {
    name: 'selection-toolbar',
    show: async (page, app) => {
      await openReader(page, app);
      await selectText(page, 'beheading 11 people');
      await expect(page.getByRole('toolbar', { name: 'Annotate selection' })).toBeVisible();
    },
  },
  {
    name: 'annotations-panel',
    show: async (page, app) => {
      annotateSample(app);
      await openReader(page, app);
      await page.getByRole('tab', { name: 'Annotations' }).click();
      await expect(page.getByRole('list', { name: 'Annotations in this document' })).toBeVisible();
    },
  },
  {
    name: 'hover-card',
    show: async (page, app) => {
      annotateSample(app);
      await openReader(page, app);
      await hoverText(page, 'beheading 11 people');
      await expect(page.getByRole('tooltip')).toContainText('Is 11 right?');
    },
  },
  {
    name: 'annotations-bulk',
    show: async (page, app) => {
      annotateSample(app);
      await openReader(page, app);
      await selectTwoAnnotations(page);
    },
  },
  {
    name: 'tags-panel',
    show: async (page, app) => {
      annotateSample(app);
      await openReader(page, app);
      await page.getByRole('tab', { name: 'Tags' }).click();
      await page.getByRole('button', { name: 'Edit tag Actor/IS' }).click();
      await expect(page.getByRole('form', { name: 'Edit Actor/IS' })).toBeVisible();
    },
  },
  {
    name: 'search-results',
    show: async (page, app) => {
      annotateSample(app);
      await openReader(page, app);
      await openSearchWithResults(page, 'Sabratha');
    },
  },
  {
    name: 'editing-text',
    show: async (page, app) => {
      await openReader(page, app);
      await chooseToolbarAction(page, 'Edit text');
      await expect(page.getByRole('region', { name: 'Editing' })).toBeVisible();
    },
  },
  {
    name: 'export-dialog',
    show: async (page, app) => {
      annotateSample(app);
      await openReader(page, app);
      await page.getByRole('main', { name: 'Reader' }).focus();
      await page.keyboard.press('Control+Shift+E');
      await expect(page.getByRole('dialog', { name: 'Export annotated PDF' })).toBeVisible();
    },
  },
  {
    name: 'share-notes-dialog',
    show: async (page, app) => {
      annotateSample(app);
      await openReader(page, app);
      await chooseToolbarAction(page, 'Share notes…');
      await expect(page.getByRole('dialog', { name: 'Share notes' })).toBeVisible();
    },
  },
  {
    name: 'import-notes-preview',
    show: async (page, app) => {
      await openReader(page, app);
      await previewNoteBundle(page, app);
    },
  },
  {
    name: 'settings-dialog',
    show: async (page, app) => {
      await openReader(page, app);
      await chooseToolbarAction(page, 'Settings');
      await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    },
  },
  {
    name: 'command-palette',
    show: async (page, app) => {
      await openReader(page, app);
      await page.getByRole('main', { name: 'Reader' }).focus();
      await page.keyboard.press('Control+k');
      // Typed so the list holds commands that cannot run now, each with its reason.
      await page.keyboard.type('a');
      await expect(page.getByRole('dialog', { name: 'Command palette' }).getByRole('option').first()).toBeVisible();
    },
  },
  {
    name: 'skip-link',
    show: async (page, app) => {
      await openReader(page, app);
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Skip to text' })).toBeFocused();
    },
  },
  {
    name: 'welcome-dialog',
    firstRun: true,
    show: async (page, app) => {
      await page.goto(app.url);
      await expect(page.getByRole('dialog', { name: 'Welcome to Marginalia' })).toBeVisible();
    },
  },
  {
    name: 'confirm-delete',
    show: async (page, app) => {
      await openReader(page, app);
      await page.getByRole('button', { name: `Delete ${SAMPLE_TITLE}` }).click();
      await expect(page.getByRole('dialog', { name: `Delete “${SAMPLE_TITLE}”?` })).toBeVisible();
    },
  },
  {
    name: 'message-dialog',
    show: exportWithWarning,
  },
];

/** Waits for transitions to end, so a screenshot shows the screen at rest. */
async function atRest(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
}

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    test.use({ firstRun: screen.firstRun ?? false });
    for (const { width, height } of SIZES) {
      test(`${screen.name} at ${width}×${height}, light and dark`, async ({ page, app }) => {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme: 'light' });
        await screen.show(page, app);
        for (const theme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: theme });
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
          await atRest(page);
          await screenshot(page, `${screen.name}-${width}x${height}-${theme}`);
        }
      });
    }
  });
}
