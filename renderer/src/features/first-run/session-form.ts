/** What the add-session form checks as the user types, and the name it suggests. */
import { regionProblem, sessionNameProblem, startUrlProblem } from '../../../../shared/session-input';

export interface SessionFormValues {
  readonly startUrl: string;
  readonly region: string;
  readonly name: string;
}

export interface SessionFormProblems {
  readonly startUrl: string | undefined;
  readonly region: string | undefined;
  readonly name: string | undefined;
}

const capitalized = (message: string | undefined): string | undefined =>
  message === undefined ? undefined : message.charAt(0).toUpperCase() + message.slice(1) + '.';

export function sessionFormProblems(
  values: SessionFormValues,
  taken: readonly string[],
): SessionFormProblems {
  return {
    startUrl: capitalized(startUrlProblem(values.startUrl)),
    region: capitalized(regionProblem(values.region.trim())),
    name: taken.includes(values.name.trim())
      ? `A session named "${values.name.trim()}" already exists: choose another name.`
      : capitalized(sessionNameProblem(values.name.trim())),
  };
}

/**
 * A session name from the start URL: `https://my-company.awsapps.com/start` → `my-company`, and
 * for other hosts their first label; empty when the URL does not parse.
 */
export function suggestedSessionName(startUrl: string): string {
  try {
    const host = new URL(startUrl.trim()).hostname;
    const first = host.split('.')[0] ?? '';
    return first.replace(/[^A-Za-z0-9_\-@+.%:/]/g, '-');
  } catch {
    return '';
  }
}
