import { useId, useState } from 'react';
import type { SignInFlow } from '../../../../shared/ipc-contract';
import type { AppSnapshot } from '../../../../shared/session-snapshot';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useApi } from '../../state/api-context';
import { useSignIn } from '../../state/sign-in-runner';
import { useApiCall } from '../../state/use-api-call';
import { AddSessionForm } from '../first-run/AddSessionForm';

const statusWords = {
  'signed-out': 'signed out',
  'signing-in': 'signing in…',
  active: 'signed in',
  expiring: 'expiring soon',
  expired: 'expired',
} as const;

/** The `[sso-session]`s of the AWS config: sign in (with a chosen flow), sign out, add one. */
export function SessionsSettings({ snapshot }: { readonly snapshot: AppSnapshot }) {
  const api = useApi();
  const signIn = useSignIn();
  const id = useId();
  const signOut = useApiCall(api.signOut);
  const remove = useApiCall(api.removeSession);
  /** The session whose Remove was pressed once: a second press confirms. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const [flows, setFlows] = useState<Record<string, SignInFlow>>({});
  const [adding, setAdding] = useState(false);
  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Sessions</h2>
      {snapshot.sessions.length === 0 && <p className="hint">No IAM Identity Center session yet.</p>}
      <ul className="session-list" aria-label="Sessions">
        {snapshot.sessions.map((session) => {
          const flow = flows[session.name] ?? (session.legacy ? 'device-code' : 'pkce');
          return (
            <li key={session.name} className="session-item">
              <div>
                <strong>{session.name}</strong>{' '}
                <span className={`state state-${session.status}`}>{statusWords[session.status]}</span>
                <div className="muted small">
                  {session.startUrl} · {session.region}
                </div>
              </div>
              <div className="session-actions">
                <select
                  aria-label={`Sign-in method for ${session.name}`}
                  value={flow}
                  disabled={session.legacy}
                  onChange={(event) => {
                    const value = event.target.value === 'device-code' ? 'device-code' : 'pkce';
                    setFlows((current) => ({ ...current, [session.name]: value }));
                  }}
                >
                  <option value="pkce">Browser</option>
                  <option value="device-code">Device code</option>
                </select>
                <button
                  type="button"
                  aria-label={`Sign in to ${session.name}`}
                  onClick={() => {
                    signIn.start(session.name, flow);
                  }}
                >
                  Sign in
                </button>
                {session.status !== 'signed-out' && (
                  <button
                    type="button"
                    aria-label={`Sign out of ${session.name}`}
                    disabled={signOut.pending}
                    onClick={() => {
                      void signOut.run({ session: session.name });
                    }}
                  >
                    Sign out
                  </button>
                )}
                {!session.legacy && (
                  <button
                    type="button"
                    className={confirming === session.name ? 'danger' : undefined}
                    aria-label={
                      confirming === session.name
                        ? `Confirm: remove ${session.name} from the AWS config`
                        : `Remove ${session.name}`
                    }
                    disabled={remove.pending}
                    onClick={() => {
                      if (confirming !== session.name) {
                        setConfirming(session.name);
                        return;
                      }
                      setConfirming(null);
                      void remove.run({ session: session.name });
                    }}
                  >
                    {confirming === session.name ? 'Confirm remove' : 'Remove'}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {signOut.problem && <ProblemBanner problem={signOut.problem} onDismiss={signOut.clear} />}
      {remove.problem && <ProblemBanner problem={remove.problem} onDismiss={remove.clear} />}
      {adding ? (
        <AddSessionForm
          existing={snapshot.sessions.map((session) => session.name)}
          onCancel={() => {
            setAdding(false);
          }}
        />
      ) : (
        <button
          type="button"
          onClick={() => {
            setAdding(true);
          }}
        >
          Add a session
        </button>
      )}
      <p className="hint">
        To remove a session, delete its [sso-session] section from your AWS config; SSO Tray follows the file.
      </p>
    </section>
  );
}
