/**
 * Sign-ins outlive the screen that starts them: the call resolves only when the user finished (or
 * gave up) in the browser, while the snapshot's `pending` drives the sign-in screen. The runner
 * lives at the top of the app and keeps the last failure to show in plain words.
 */
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { SignInFlow } from '../../../shared/ipc-contract';
import type { SsoTrayApi } from '../../../shared/preload-api';
import { isCancelled, problemOf, type ProblemText } from './error-text';

export interface SignInFailure {
  readonly session: string;
  readonly flow: SignInFlow | undefined;
  readonly problem: ProblemText;
}

export interface SignInRunner {
  /** Starts (or re-opens) a sign-in; failures land in `failure`. */
  readonly start: (session: string, flow?: SignInFlow) => void;
  readonly failure: SignInFailure | null;
  readonly clear: () => void;
}

export const SignInContext = createContext<SignInRunner | null>(null);

export function useSignIn(): SignInRunner {
  const runner = useContext(SignInContext);
  if (!runner) throw new Error('useSignIn needs a <SignInContext.Provider>');
  return runner;
}

/** The runner for the app's top component; `onSignedIn` runs after each success. */
export function useSignInRunner(api: SsoTrayApi, onSignedIn: (session: string) => void): SignInRunner {
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const start = useCallback(
    (session: string, flow?: SignInFlow) => {
      setFailure(null);
      api.signIn(flow ? { session, flow } : { session }).then(
        () => {
          onSignedIn(session);
        },
        (error: unknown) => {
          if (!isCancelled(error)) setFailure({ session, flow, problem: problemOf(error) });
        },
      );
    },
    [api, onSignedIn],
  );
  const clear = useCallback(() => {
    setFailure(null);
  }, []);
  return useMemo(() => ({ start, failure, clear }), [start, failure, clear]);
}
