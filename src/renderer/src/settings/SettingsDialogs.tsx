// The first-run welcome (your name, and a workspace folder offered) and the Settings dialog.
import { KnownKeysSection } from '../bundles/KnownKeys';
import { useCommandHandler } from '../commands';
import { notifications } from '../app/notifications/store';
import { useDialogs, useProfile, useSession, useSettings, useStores } from '../app/stores';
import { useState } from 'react';
import { OcrLanguageField } from './OcrLanguageField';
import { ProfileDialog } from './ProfileDialog';

const WELCOME_INTRO =
  'Your name goes on every highlight and note you make, so reviewers know whose work it is. You can change it later in Settings.';

/** The first start asks for a name and suggests none: the computer's login name ("root") is rarely how a person signs. */
function WelcomeDialog() {
  const { profile, settings } = useStores();
  const offer = useSession((state) => state.info?.defaultWorkspaceDir ?? '');
  return (
    <ProfileDialog
      title="Welcome to Marginalia"
      intro={WELCOME_INTRO}
      name=""
      offerWorkspace={offer}
      onSave={({ name: chosen, workspaceDir }) =>
        void profile.saveName(chosen).then((saved) => {
          if (saved && workspaceDir) void settings.saveWorkspace(workspaceDir);
        })
      }
    />
  );
}

function SettingsDialog({ name }: { name: string }) {
  const { client, profile, settings, dialogs } = useStores();
  const maxImportMegabytes = useSettings((state) => state.maxImportMegabytes);
  const currentWorkspace = useSettings((state) => state.workspaceDir);
  const currentOcr = useSettings((state) => state.ocrLanguages);
  const [ocrLanguages, setOcrLanguages] = useState(currentOcr);
  return (
    <ProfileDialog
      title="Settings"
      intro="Your name appears on your annotations and replies, those you wrote before too."
      name={name}
      maxImportMegabytes={maxImportMegabytes}
      workspaceDir={currentWorkspace}
      extra={
        <>
          <OcrLanguageField value={ocrLanguages} onChange={setOcrLanguages} />
          <KnownKeysSection client={client} />
        </>
      }
      onCancel={() => dialogs.close('settings')}
      onSave={({ name: chosen, maxImportMegabytes: limit, workspaceDir }) =>
        void (async () => {
          if (!(await profile.saveName(chosen))) return;
          if (limit !== undefined) settings.save({ maxImportMegabytes: limit });
          if (ocrLanguages !== currentOcr) settings.save({ ocrLanguages });
          if (workspaceDir !== undefined && workspaceDir !== currentWorkspace) {
            if (!(await settings.saveWorkspace(workspaceDir))) return;
          }
          dialogs.close('settings');
          notifications.notify('Settings saved');
        })()
      }
    />
  );
}

export function SettingsDialogs() {
  const { dialogs } = useStores();
  const person = useProfile();
  const settingsOpen = useDialogs((state) => state.open === 'settings');
  useCommandHandler('openSettings', () => dialogs.show('settings'), person !== null);
  if (!person) return null;
  if (!person.confirmed) return <WelcomeDialog />;
  return settingsOpen ? <SettingsDialog name={person.displayName} /> : null;
}
