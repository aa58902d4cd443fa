import type { AppSnapshot } from '../../../../shared/session-snapshot';
import { useNow } from '../../state/use-now';
import { useApi } from '../../state/api-context';
import { useSignIn } from '../../state/sign-in-runner';
import { sessionStatusText } from './session-status';

interface SessionStatusBarProps {
  readonly snapshot: AppSnapshot;
  readonly refreshing: ReadonlySet<string>;
  readonly onRefresh: (session: string) => void;
}

/** One line per session: its name, time left, when its accounts were listed, and an action. */
export function SessionStatusBar({ snapshot, refreshing, onRefresh }: SessionStatusBarProps) {
  const now = useNow(30_000);
  const signIn = useSignIn();
  const mod = useApi().platform === 'darwin' ? '⌘' : 'Ctrl+';
  return (
    <footer className="status-bar" aria-label="Sessions">
      {snapshot.sessions.map((session) => {
        const summary = snapshot.inventories.find((inventory) => inventory.session === session.name);
        const text = sessionStatusText(session, summary, now);
        const busy = refreshing.has(session.name) || Boolean(summary?.progress);
        return (
          <div key={session.name} className={`status-line status-${session.status}`}>
            <span className="status-text" aria-label={`Session ${session.name}`}>
              <strong>{session.name}</strong> · {text.state} · {text.updated}
            </span>
            {text.action === 'refresh' && (
              <button
                type="button"
                className="small-button"
                disabled={busy}
                onClick={() => {
                  onRefresh(session.name);
                }}
                aria-label={`${busy ? 'Refreshing' : 'Refresh'} accounts of ${session.name}`}
              >
                {busy ? '⟳ Refreshing' : '⟳ Refresh'}
              </button>
            )}
            {text.action === 'sign-in' && (
              <button
                type="button"
                className="small-button"
                onClick={() => {
                  signIn.start(session.name);
                }}
                aria-label={`Sign in to ${session.name}`}
              >
                Sign in
              </button>
            )}
          </div>
        );
      })}
      <div className="key-hints" aria-hidden="true">
        ⏎ use · {mod}⏎ console · {mod}C exports · Esc close
      </div>
    </footer>
  );
}
