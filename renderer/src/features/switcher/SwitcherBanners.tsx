import type { AppSnapshot } from '../../../../shared/session-snapshot';
import { NoticeBanner, ProblemBanner } from '../../components/ProblemBanner';
import type { ProblemText } from '../../state/error-text';

/** A failed action, with what it was and how to run it again. */
export interface ActionProblem {
  readonly what: string;
  readonly problem: ProblemText;
  readonly retry: () => void;
}

/** `useRole` switched, but static keys in the credentials file still win. */
export interface ShadowNotice {
  readonly profile: string;
  readonly keys: readonly string[];
}

interface SwitcherBannersProps {
  readonly snapshot: AppSnapshot;
  readonly problem: ActionProblem | null;
  readonly shadow: ShadowNotice | null;
  readonly toast: string | null;
  readonly onSignIn: (session: string) => void;
  readonly onRefresh: (session: string) => void;
  readonly onDismissProblem: () => void;
  readonly onDismissShadow: () => void;
}

/** One-line banners: expired sessions, incomplete listings, failed actions, shadowed switches. */
export function SwitcherBanners(props: SwitcherBannersProps) {
  const { snapshot, problem, shadow, toast, onSignIn, onRefresh, onDismissProblem, onDismissShadow } = props;
  const expired = snapshot.sessions.filter((session) => session.status === 'expired');
  const incomplete = snapshot.inventories.filter(
    (summary) => summary.fetchedAt !== null && !summary.complete && summary.progress === null,
  );
  return (
    <div className="banners">
      {expired.map((session) => (
        <ProblemBanner
          key={session.name}
          problem={{ code: null, message: `Session ${session.name} expired.` }}
        >
          <button
            type="button"
            onClick={() => {
              onSignIn(session.name);
            }}
          >
            Sign in
          </button>
        </ProblemBanner>
      ))}
      {incomplete.map((summary) => (
        <ProblemBanner
          key={summary.session}
          problem={{ code: null, message: `Some accounts of ${summary.session} could not be listed.` }}
          onRetry={() => {
            onRefresh(summary.session);
          }}
        />
      ))}
      {problem && (
        <ProblemBanner
          problem={{ code: problem.problem.code, message: `${problem.what} ${problem.problem.message}` }}
          onRetry={problem.retry}
          onDismiss={onDismissProblem}
        />
      )}
      {shadow && (
        <NoticeBanner tone="warning" label="Switch shadowed" onDismiss={onDismissShadow}>
          ⚠ Profile {shadow.profile} now uses the role, but your AWS credentials file still sets{' '}
          {shadow.keys.join(', ')} for it, and those static keys win for the AWS SDKs. Remove them from the
          credentials file to use the role.
        </NoticeBanner>
      )}
      {toast && <NoticeBanner label="Done">✓ {toast}</NoticeBanner>}
    </div>
  );
}
