/** Calls one API method with pending and error state, for a button or a form. */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { isCancelled, problemOf, type ProblemText } from './error-text';

export type CallOutcome<Result> = { ok: true; value: Result } | { ok: false };

export interface ApiCall<Args extends unknown[], Result> {
  /** Runs the call; never rejects: a failure resolves to `{ ok: false }` and sets `problem`. */
  readonly run: (...args: Args) => Promise<CallOutcome<Result>>;
  readonly pending: boolean;
  readonly problem: ProblemText | null;
  readonly clear: () => void;
}

export function useApiCall<Args extends unknown[], Result>(
  call: (...args: Args) => Promise<Result>,
): ApiCall<Args, Result> {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const latest = useRef(call);
  useLayoutEffect(() => {
    latest.current = call;
  });
  const run = useCallback(async (...args: Args): Promise<CallOutcome<Result>> => {
    setPending(true);
    setProblem(null);
    try {
      return { ok: true, value: await latest.current(...args) };
    } catch (error) {
      if (!isCancelled(error)) setProblem(problemOf(error));
      return { ok: false };
    } finally {
      setPending(false);
    }
  }, []);
  const clear = useCallback(() => {
    setProblem(null);
  }, []);
  return { run, pending, problem, clear };
}
