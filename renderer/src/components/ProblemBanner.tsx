import type { ReactNode } from 'react';
import { adviceFor, type ProblemText } from '../state/error-text';

interface ProblemBannerProps {
  readonly problem: ProblemText;
  /** Offers "Retry" when given. */
  readonly onRetry?: (() => void) | undefined;
  readonly onDismiss?: (() => void) | undefined;
  /** Extra actions (e.g. "Sign in"). */
  readonly children?: ReactNode;
}

/** A one-line error with what to do: the core's message, a hint, and actions. */
export function ProblemBanner({ problem, onRetry, onDismiss, children }: ProblemBannerProps) {
  const advice = adviceFor(problem.code);
  return (
    <div className="banner banner-error" role="alert">
      <span className="banner-text">
        <span aria-hidden="true" className="banner-symbol">
          ⚠
        </span>{' '}
        {problem.message}
        {advice && !problem.message.includes(advice) ? ` ${advice}` : ''}
      </span>
      <span className="banner-actions">
        {children}
        {onRetry && (
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        )}
        {onDismiss && (
          <button type="button" onClick={onDismiss} aria-label="Dismiss">
            ✕
          </button>
        )}
      </span>
    </div>
  );
}

interface NoticeBannerProps {
  readonly children: ReactNode;
  readonly onDismiss?: (() => void) | undefined;
  readonly tone?: 'info' | 'warning';
  readonly label?: string;
}

/** A one-line notice (not an error): progress, a warning, a confirmation. */
export function NoticeBanner({ children, onDismiss, tone = 'info', label }: NoticeBannerProps) {
  return (
    <div className={`banner banner-${tone}`} role="status" aria-label={label}>
      <span className="banner-text">{children}</span>
      {onDismiss && (
        <span className="banner-actions">
          <button type="button" onClick={onDismiss} aria-label="Dismiss">
            ✕
          </button>
        </span>
      )}
    </div>
  );
}
