// The reading preferences and other settings: changed here at once, saved through the
// client (the saved value wins), and applied to the document root as theme, text size and font.
import { READING_MEASURES } from '../app/toolbar/reading-width';
import type { MarginaliaClient } from '../../../shared/contract';
import type { Settings } from '../../../shared/model';
import { DEFAULT_SETTINGS, MAX_FONT_SIZE, MIN_FONT_SIZE } from '../../../shared/model';
import { notifyFailure } from '../app/notifications/store';
import { Store } from '../app/store';

export type SettingsClient = Pick<MarginaliaClient, 'updateSettings'>;

export class SettingsStore extends Store<Settings> {
  constructor(
    private readonly client: SettingsClient,
    private readonly failed: (what: string, message: string) => void = notifyFailure,
  ) {
    super(DEFAULT_SETTINGS);
  }

  /** The settings as loaded from the core. */
  loaded(settings: Settings): void {
    this.set(settings);
  }

  /** Saves made so far: only the latest one's answer is shown, as it holds every change before it. */
  private saves = 0;

  /**
   * Shows the change at once and saves it; a failed save is said, and the store keeps what was
   * asked. An earlier save answered late would show its older settings for a moment (Wide
   * clicked after Narrow flicking back to Narrow), so only the latest save's answer is applied.
   */
  readonly save = (changes: Partial<Settings>): void => {
    this.set(changes);
    const save = ++this.saves;
    void this.client.updateSettings(changes).then((result) => {
      if (!result.ok) this.failed("Couldn't save the setting", result.error.message);
      else if (save === this.saves) this.set(result.value);
    });
  };

  /** Saves the workspace folder and waits for the core's answer: a folder it cannot use is refused. */
  async saveWorkspace(workspaceDir: string): Promise<boolean> {
    const saved = await this.client.updateSettings({ workspaceDir });
    if (!saved.ok) {
      this.failed("Couldn't use that workspace folder", saved.error.message);
      return false;
    }
    this.set(saved.value);
    return true;
  }

  /** One step larger or smaller, within the limits, or back to the default size. */
  changeFontSize(step: number | 'reset'): void {
    const { fontSize } = this.get();
    const next =
      step === 'reset' ? DEFAULT_SETTINGS.fontSize : Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, fontSize + step));
    if (next !== fontSize) this.save({ fontSize: next });
  }
}

/** The part of the document root the settings change. */
export interface ThemeRoot {
  dataset: DOMStringMap;
  style: { setProperty(name: string, value: string): void };
}

/** Applies the resolved theme, the text size and the font to the root, where the stylesheets read them. */
export function applySettingsToRoot(
  root: ThemeRoot,
  settings: Pick<Settings, 'fontSize' | 'fontFamily' | 'readingWidth'>,
  theme: 'light' | 'dark',
): void {
  root.dataset.theme = theme;
  root.style.setProperty('--reader-font-size', `${settings.fontSize}px`);
  root.dataset.font = settings.fontFamily;
  root.style.setProperty('--reader-measure', READING_MEASURES[settings.readingWidth]);
}
