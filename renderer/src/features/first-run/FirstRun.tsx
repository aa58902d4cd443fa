import { useState } from 'react';
import type { SessionSnapshot } from '../../../../shared/session-snapshot';
import { useSignIn } from '../../state/sign-in-runner';
import { AddSessionForm } from './AddSessionForm';

interface FirstRunProps {
  readonly sessions: readonly SessionSnapshot[];
  /** Shows the form straight away (the tray's "Add a session…"). */
  readonly startWithForm?: boolean;
  readonly onCancel?: (() => void) | undefined;
  readonly onOpenSettings: () => void;
}

/**
 * The first screen: the `[sso-session]` sections already in the AWS config, each with a sign-in
 * button, or (with none, or on request) the form that adds one.
 */
export function FirstRun({ sessions, startWithForm = false, onCancel, onOpenSettings }: FirstRunProps) {
  const signIn = useSignIn();
  const [showForm, setShowForm] = useState(startWithForm || sessions.length === 0);
  const names = sessions.map((session) => session.name);
  return (
    <section className="screen first-run" aria-labelledby="first-run-title">
      <h1 id="first-run-title">Set up SSO Tray</h1>
      {sessions.length > 0 && (
        <>
          <p>
            Your AWS config already has these IAM Identity Center sessions. Sign in to one to list its
            accounts.
          </p>
          <ul className="session-list" aria-label="Sessions in your AWS config">
            {sessions.map((session) => (
              <li key={session.name} className="session-item">
                <div>
                  <strong>{session.name}</strong>
                  <div className="muted small">
                    {session.startUrl} · {session.region}
                    {session.legacy ? ' · legacy profile' : ''}
                  </div>
                </div>
                <button
                  type="button"
                  className="primary"
                  onClick={() => {
                    signIn.start(session.name, session.legacy ? 'device-code' : undefined);
                  }}
                  aria-label={`Sign in to ${session.name}`}
                >
                  Sign in
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {showForm ? (
        <>
          {sessions.length === 0 && (
            <p>
              Connect to your organisation&apos;s AWS IAM Identity Center: sign in once, then switch accounts
              and roles in one click.
            </p>
          )}
          <AddSessionForm
            existing={names}
            onCancel={
              sessions.length > 0 || onCancel
                ? (onCancel ??
                  (() => {
                    setShowForm(false);
                  }))
                : undefined
            }
          />
        </>
      ) : (
        <button
          type="button"
          onClick={() => {
            setShowForm(true);
          }}
        >
          Add another session
        </button>
      )}
      <p>
        <button type="button" className="link-button" onClick={onOpenSettings}>
          Settings
        </button>
      </p>
    </section>
  );
}
