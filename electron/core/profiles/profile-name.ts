/**
 * What SSO Tray agrees to write into `~/.aws/config`: profile names and values that botocore and
 * the JS SDK read the same way (the "safe subset" of aws-sso-reference.md §4.2). Each check returns
 * a one-line message saying what is wrong and what to do, or undefined when the input is fine.
 */

/**
 * Characters of a profile name both parsers accept: botocore `shlex.split`s `[profile NAME]` (no
 * spaces or quotes then) and the JS SDK only matches `[\w-@+.%:/]` after `profile `.
 */
const profileNamePattern = /^[A-Za-z0-9_\-@+.%:/]+$/;

/** The JS SDK throws on these section names, which would break every profile for it. */
const jsBlockedNames = new Set(['__proto__']);

/** Keys SSO Tray writes: lower-case (botocore lower-cases, the JS SDK does not). */
const keyPattern = /^[a-z0-9_]+$/;

export function profileNameProblem(name: string): string | undefined {
  if (name === '') return 'The profile name is empty: give a name made of letters, digits and _-@+.%:/.';
  if (!profileNamePattern.test(name))
    return `The profile name ${JSON.stringify(name)} has characters the AWS CLI and SDKs do not both accept: use only letters, digits and _-@+.%:/.`;
  if (jsBlockedNames.has(name))
    return `The profile name ${JSON.stringify(name)} is refused by the AWS SDK for JavaScript: pick another name.`;
  return undefined;
}

/**
 * Checks a value before it is written as `key = value`. The JS SDK cuts a line at whitespace
 * followed by `#` or `;` (an inline comment) where botocore keeps it, and opens a sub-section for
 * an empty value; both strip surrounding whitespace; a line break would end the line.
 */
export function configValueProblem(key: string, value: string): string | undefined {
  if (!keyPattern.test(key))
    return `The key ${JSON.stringify(key)} is not a lower-case AWS config key: use letters, digits and _.`;
  const quoted = JSON.stringify(value);
  if (value === '') return `The value for ${key} is empty: give a value.`;
  if (/[\r\n]/.test(value)) return `The value for ${key} (${quoted}) has a line break: give it on one line.`;
  // Other control characters (NUL, vertical tab, NEL…) are read differently or stripped by one of them.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f\u0085]/.test(value))
    return `The value for ${key} (${quoted}) has a control character: remove it.`;
  if (/^\s|\s$/.test(value))
    return `The value for ${key} (${quoted}) starts or ends with whitespace, which the AWS CLI drops: remove it.`;
  // Written as `key = value`, a leading # or ; follows the space after `=`.
  if (/^[#;]|\s[#;]/.test(value))
    return `The value for ${key} (${quoted}) has # or ; after whitespace, which the AWS SDK for JavaScript reads as a comment: remove the whitespace or the character.`;
  return undefined;
}
