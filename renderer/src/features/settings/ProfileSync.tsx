import { useId, useState } from 'react';
import type { InvokeResult } from '../../../../shared/ipc-contract';
import type { AppSnapshot } from '../../../../shared/session-snapshot';
import { ProblemBanner } from '../../components/ProblemBanner';
import { compileTemplate } from '../../search/profile-name';
import { useApi } from '../../state/api-context';
import { useApiCall } from '../../state/use-api-call';
import { TextSetting } from './TextSetting';

interface ProfileSyncProps {
  readonly snapshot: AppSnapshot;
  readonly template: string;
  readonly sample: { accountName: string; accountId: string; roleName: string; session: string };
  readonly onSaveTemplate: (template: string) => Promise<void>;
}

/** The profile name template with a live preview, and a sync (prune, dry run) showing its diff. */
export function ProfileSync({ snapshot, template, sample, onSaveTemplate }: ProfileSyncProps) {
  const api = useApi();
  const id = useId();
  const [prune, setPrune] = useState(false);
  const [dryRun, setDryRun] = useState(true);
  const [session, setSession] = useState('');
  const [result, setResult] = useState<(InvokeResult<'syncProfiles'> & { dryRun: boolean }) | null>(null);
  const sync = useApiCall(api.syncProfiles);
  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Profile sync</h2>
      <p className="hint">
        Writes one AWS CLI profile per role, so `aws --profile NAME` works for every account.
      </p>
      <TextSetting
        label="Profile name template"
        value={template}
        hint="Tokens: {account_name} {account_id} {role_name} {session}"
        check={(draft) => {
          const compiled = compileTemplate(draft);
          return compiled.ok ? undefined : compiled.problem;
        }}
        onSave={onSaveTemplate}
        preview={(draft) => {
          const compiled = compileTemplate(draft);
          return compiled.ok ? (
            <p className="preview" aria-label="Profile name preview">
              Preview: <code>{compiled.render(sample)}</code>
            </p>
          ) : null;
        }}
      />
      <div className="setting inline-choices">
        <label>
          Sync
          <select
            value={session}
            onChange={(event) => {
              setSession(event.target.value);
            }}
          >
            <option value="">All sessions</option>
            {snapshot.sessions.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={prune}
            onChange={(event) => {
              setPrune(event.target.checked);
            }}
          />{' '}
          Remove profiles of roles that are gone (prune)
        </label>
        <label>
          <input
            type="checkbox"
            checked={dryRun}
            onChange={(event) => {
              setDryRun(event.target.checked);
            }}
          />{' '}
          Dry run (show the changes, write nothing)
        </label>
      </div>
      <button
        type="button"
        disabled={sync.pending}
        onClick={() => {
          setResult(null);
          void sync.run(session === '' ? { prune, dryRun } : { session, prune, dryRun }).then((outcome) => {
            if (outcome.ok) setResult({ ...outcome.value, dryRun });
          });
        }}
      >
        {sync.pending ? 'Syncing…' : dryRun ? 'Preview the sync' : 'Sync profiles'}
      </button>
      {sync.problem && <ProblemBanner problem={sync.problem} onDismiss={sync.clear} />}
      {result && (
        <div className="sync-result" role="status">
          <p>
            {result.dryRun ? 'Would add' : 'Added'} {result.added}, {result.dryRun ? 'update' : 'updated'}{' '}
            {result.updated}, {result.dryRun ? 'remove' : 'removed'} {result.removed} profiles.
          </p>
          {result.diff !== '' && (
            <pre className="diff" aria-label="Profile changes" tabIndex={0}>
              {result.diff}
            </pre>
          )}
        </div>
      )}
    </section>
  );
}
