import { useEffect, useId, useState, type ReactNode } from 'react';
import type { SettingUpdate, SettingsView } from '../../../../shared/ipc-contract';
import { regionProblem } from '../../../../shared/session-input';
import type { AppSnapshot } from '../../../../shared/session-snapshot';
import { ProblemBanner } from '../../components/ProblemBanner';
import { defaultProfileTemplate } from '../../search/profile-name';
import { useStores } from '../../state/api-context';
import { problemOf, type ProblemText } from '../../state/error-text';
import { useSettings } from '../../state/settings-store';
import { useInventories } from '../../state/snapshot-store';
import { ProfileSync } from './ProfileSync';
import { SessionsSettings } from './SessionsSettings';
import { TextSetting } from './TextSetting';

interface SettingsProps {
  readonly snapshot: AppSnapshot;
  readonly onBack: () => void;
}

const wholeMinutes = (min: number, max: number) => (draft: string) =>
  /^\d+$/.test(draft.trim()) && Number(draft) >= min && Number(draft) <= max
    ? undefined
    : `Enter whole minutes from ${min} to ${max}.`;

/** Every setting the core has; each change is one `updateSetting`. */
export function Settings({ snapshot, onBack }: SettingsProps) {
  const { api, settings: store, inventories: inventoryStore } = useStores();
  const settings = useSettings(store);
  const { inventories } = useInventories(inventoryStore);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  // Settings may have changed elsewhere (the CLI): read them again when the screen opens.
  useEffect(() => {
    void store.reload();
  }, [store]);

  const change = (update: SettingUpdate): void => {
    setProblem(null);
    store.update(update).catch((error: unknown) => {
      setProblem(problemOf(error));
    });
  };

  const firstAccount = inventories[0]?.accounts.find((account) => account.roles.length > 0);
  const sample = firstAccount
    ? {
        accountName: firstAccount.accountName,
        accountId: firstAccount.accountId,
        roleName: firstAccount.roles[0] ?? 'ReadOnlyAccess',
        session: inventories[0]?.session ?? 'corp',
      }
    : {
        accountName: 'Payments Prod (EU)',
        accountId: '123456789012',
        roleName: 'PowerUserAccess',
        session: 'corp',
      };

  return (
    <section className="screen settings" aria-labelledby="settings-title">
      <div className="screen-header">
        <button type="button" onClick={onBack} aria-label="Back to accounts">
          ← Back
        </button>
        <h1 id="settings-title">Settings</h1>
      </div>
      {problem && (
        <ProblemBanner
          problem={problem}
          onDismiss={() => {
            setProblem(null);
          }}
        />
      )}
      <SessionsSettings snapshot={snapshot} />
      {settings === null ? (
        <p role="status">Loading settings…</p>
      ) : (
        <SettingsForm settings={settings} change={change} save={(update) => store.update(update)}>
          <ProfileSync
            snapshot={snapshot}
            template={settings.profileTemplate || defaultProfileTemplate}
            sample={sample}
            onSaveTemplate={(value) => store.update({ name: 'profileTemplate', value })}
          />
        </SettingsForm>
      )}
      <p className="small muted">SSO Tray {api.appVersion}</p>
    </section>
  );
}

interface SettingsFormProps {
  readonly settings: SettingsView;
  readonly change: (update: SettingUpdate) => void;
  readonly save: (update: SettingUpdate) => Promise<void>;
  readonly children: ReactNode;
}

function SettingsForm({ settings, change, save, children }: SettingsFormProps) {
  const id = useId();
  return (
    <>
      <section className="settings-section" aria-labelledby={`${id}-tokens`}>
        <h2 id={`${id}-tokens`}>Sign-in tokens</h2>
        <label className="setting">
          Keep tokens in
          <select
            value={settings.tokenStore}
            onChange={(event) => {
              change({
                name: 'tokenStore',
                value: event.target.value === 'aws-cli-cache' ? 'aws-cli-cache' : 'keychain',
              });
            }}
          >
            <option value="keychain">The system keychain</option>
            <option value="aws-cli-cache">The AWS CLI cache only</option>
          </select>
        </label>
        <label className="setting checkbox">
          <input
            type="checkbox"
            checked={settings.awsCliCacheMirror}
            onChange={(event) => {
              change({ name: 'awsCliCacheMirror', value: event.target.checked });
            }}
          />{' '}
          Share the sign-in with the AWS CLI (mirror tokens into its cache)
        </label>
      </section>

      <section className="settings-section" aria-labelledby={`${id}-switching`}>
        <h2 id={`${id}-switching`}>Switching</h2>
        <TextSetting
          label="Profile to point at the chosen role"
          value={settings.targetProfile}
          hint="Use as default writes this profile of your AWS config; default is what the AWS CLI uses without --profile."
          check={(draft) => (draft.trim() === '' ? 'Enter a profile name, for example default.' : undefined)}
          onSave={(value) => save({ name: 'targetProfile', value: value.trim() })}
        />
        <TextSetting
          label="List accounts again after (minutes)"
          type="number"
          value={String(settings.inventoryMaxAgeMinutes)}
          check={wholeMinutes(1, 999_999)}
          onSave={(value) => save({ name: 'inventoryMaxAgeMinutes', value: Number(value) })}
        />
        <label className="setting checkbox">
          <input
            type="checkbox"
            checked={settings.profileSyncAuto}
            onChange={(event) => {
              change({ name: 'profileSyncAuto', value: event.target.checked });
            }}
          />{' '}
          Write a profile for every role after each listing (profiles sync)
        </label>
      </section>

      {children}

      <section className="settings-section" aria-labelledby={`${id}-console`}>
        <h2 id={`${id}-console`}>Console</h2>
        <label className="setting">
          Open the console
          <select
            value={settings.consoleMode}
            onChange={(event) => {
              change({
                name: 'consoleMode',
                value: event.target.value === 'portal' ? 'portal' : 'federation',
              });
            }}
          >
            <option value="federation">Signed in directly (federation)</option>
            <option value="portal">Through the access portal</option>
          </select>
        </label>
        <TextSetting
          label="Console region"
          value={settings.consoleRegion}
          hint="Empty: the session's region. For example eu-west-1."
          check={(draft) => (draft === '' ? undefined : regionProblem(draft))}
          onSave={(value) => save({ name: 'consoleRegion', value: value.trim() })}
        />
        <TextSetting
          label="Console destination"
          value={settings.consoleDestination}
          hint="Empty: the console home. A service such as ec2, or a console URL."
          check={(draft) =>
            draft === '' || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(draft) || draft.startsWith('https://')
              ? undefined
              : 'Enter a service such as ec2, or an https console URL.'
          }
          onSave={(value) => save({ name: 'consoleDestination', value: value.trim() })}
        />
      </section>

      <section className="settings-section" aria-labelledby={`${id}-app`}>
        <h2 id={`${id}-app`}>App</h2>
        <TextSetting
          label="Warn before a session expires (minutes)"
          type="number"
          value={String(settings.notificationLeadMinutes)}
          check={wholeMinutes(1, 1440)}
          onSave={(value) => save({ name: 'notificationLeadMinutes', value: Number(value) })}
        />
        <TextSetting
          label="Global shortcut"
          value={settings.globalShortcut}
          hint="An Electron accelerator such as CommandOrControl+Alt+A; empty for none."
          check={(draft) =>
            /^[\x21-\x7e]*$/.test(draft) ? undefined : 'Use an accelerator such as CommandOrControl+Alt+A.'
          }
          onSave={(value) => save({ name: 'globalShortcut', value })}
        />
        <label className="setting checkbox">
          <input
            type="checkbox"
            checked={settings.launchAtLogin}
            onChange={(event) => {
              change({ name: 'launchAtLogin', value: event.target.checked });
            }}
          />{' '}
          Start SSO Tray when I log in
        </label>
        <fieldset className="setting choices">
          <legend>Theme</legend>
          {(['system', 'light', 'dark'] as const).map((theme) => (
            <label key={theme}>
              <input
                type="radio"
                name={`${id}-theme`}
                value={theme}
                checked={settings.theme === theme}
                onChange={() => {
                  change({ name: 'theme', value: theme });
                }}
              />{' '}
              {theme === 'system' ? 'Same as the system' : theme === 'light' ? 'Light' : 'Dark'}
            </label>
          ))}
        </fieldset>
      </section>
    </>
  );
}
