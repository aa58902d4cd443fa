import type { z } from 'zod/mini';

type Issue = z.core.$ZodIssue;

/**
 * One line saying what is wrong with an IPC payload, naming the field: `accountId: must be a
 * 12-digit AWS account id`. The contract uses zod/mini, which carries no English messages, so the
 * generic issues are described here; the contract's own checks bring their messages. Values the
 * window sent are never quoted beyond what those checks say, and the line is capped.
 */
export function payloadProblem(issues: readonly Issue[]): string {
  const issue = issues[0];
  if (!issue) return 'the request is not valid';
  const field = issue.path.map(String).join('.');
  const line = `${field === '' ? 'request' : field}: ${describe(issue)}`.replace(/\s+/g, ' ');
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

function describe(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'undefined' ? 'takes no value' : `must be ${article(issue.expected)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_union':
      return 'options' in issue && issue.options !== undefined && issue.options.length > 0
        ? `must be one of ${issue.options.map((value) => JSON.stringify(value)).join(', ')}`
        : 'is not one of the accepted values';
    case 'too_small':
      return issue.origin === 'string'
        ? `must not be shorter than ${String(issue.minimum)} characters`
        : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must not be longer than ${String(issue.maximum)} characters`
        : `must be at most ${String(issue.maximum)}`;
    default:
      // custom checks and regexes: the contract gives each a message.
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
