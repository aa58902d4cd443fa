import { useRef, useState } from 'react';
import type { PendingSignIn, SessionSnapshot } from '../../../../shared/session-snapshot';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useApi } from '../../state/api-context';
import { useSignIn } from '../../state/sign-in-runner';
import { useApiCall } from '../../state/use-api-call';
import { useNow } from '../../state/use-now';
import { countdown } from './countdown';

interface SignInProps {
  readonly session: SessionSnapshot;
  readonly pending: PendingSignIn;
}

/**
 * A sign-in in progress. The main process already opened the browser; this screen shows what to
 * do there: the device code to confirm (device flow), or that the browser is waiting (PKCE).
 */
export function SignIn({ session, pending }: SignInProps) {
  const api = useApi();
  const signIn = useSignIn();
  const now = useNow(1000);
  const cancel = useApiCall(api.cancelSignIn);
  const left = countdown(Date.parse(pending.expiresAt), now);
  const device = pending.userCode !== undefined;
  return (
    <section className="screen sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to {session.name}</h1>
      {device && pending.userCode !== undefined ? (
        <DeviceCode code={pending.userCode} url={pending.verificationUri} />
      ) : (
        <>
          <p className="lead">Finish signing in in your browser.</p>
          <p>
            SSO Tray opened your AWS access portal. Approve the request there; this window moves on by itself.
          </p>
          <p className="small muted">
            Browser did not open?{' '}
            <a href={pending.verificationUri} target="_blank" rel="noreferrer">
              Open the sign-in page
            </a>
          </p>
        </>
      )}
      <p className="countdown" role="timer" aria-live="off" aria-label="Time left to sign in">
        {left === 'expired' ? 'The sign-in request expired.' : `Expires in ${left}`}
      </p>
      {cancel.problem && <ProblemBanner problem={cancel.problem} onDismiss={cancel.clear} />}
      <div className="form-actions">
        {!device && (
          <button
            type="button"
            onClick={() => {
              signIn.start(session.name, 'pkce');
            }}
          >
            Open again
          </button>
        )}
        <button
          type="button"
          disabled={cancel.pending}
          onClick={() => {
            void cancel.run({ session: session.name });
          }}
        >
          Cancel
        </button>
      </div>
    </section>
  );
}

function DeviceCode({ code, url }: { readonly code: string; readonly url: string }) {
  const codeRef = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<'copied' | 'select' | null>(null);
  const copy = (): void => {
    navigator.clipboard.writeText(code).then(
      () => {
        setCopied('copied');
      },
      () => {
        // The clipboard may be refused to the window: select the code for Ctrl+C instead.
        const node = codeRef.current;
        const selection = window.getSelection();
        if (node && selection) selection.selectAllChildren(node);
        setCopied('select');
      },
    );
  };
  return (
    <>
      <p className="lead">Confirm this code on the sign-in page that opened in your browser.</p>
      <div className="user-code-row">
        <code ref={codeRef} className="user-code" aria-label="Device code">
          {code}
        </code>
        <button type="button" onClick={copy}>
          Copy code
        </button>
      </div>
      <p className="small" role="status">
        {copied === 'copied'
          ? 'Code copied.'
          : copied === 'select'
            ? 'Code selected: press Ctrl+C to copy it.'
            : ''}
      </p>
      <p>
        <a href={url} target="_blank" rel="noreferrer">
          Open the sign-in page
        </a>
        <br />
        <span className="small muted url">{url}</span>
      </p>
    </>
  );
}
