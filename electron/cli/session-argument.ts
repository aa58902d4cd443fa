import type { SsoSessionConfig } from '../core/aws-files/aws-config';
import { AppError } from '../core/app/app-error';
import { UsageError } from './command';

/** The session a command is about: the one named, or the only one configured. */
export function chooseSession(sessions: readonly SsoSessionConfig[], named: string | undefined): string {
  if (named !== undefined) return named;
  if (sessions.length === 1 && sessions[0]) return sessions[0].name;
  if (sessions.length === 0) {
    throw new AppError(
      'NotSignedIn',
      'No IAM Identity Center session is configured. Add one: sso-tray login NAME --start-url https://d-1234567890.awsapps.com/start --region us-east-1',
    );
  }
  throw new UsageError(
    `several sessions are configured (${sessions.map((session) => session.name).join(', ')}); name one`,
  );
}
