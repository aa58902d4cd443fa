// The access portal's shortcut link: the same link from each way a start URL is written, with the
// account, role and console destination encoded inside the fragment's own query.
import { describe, expect, it } from 'vitest';
import { portalShortcutUrl } from '../../electron/core/console/portal-shortcut';
import { appErrorOf } from '../support/app-error-of';

const target = { accountId: '123456789012', roleName: 'AdministratorAccess' };

describe('portalShortcutUrl', () => {
  it.each([
    'https://d-1234567890.awsapps.com/start',
    'https://d-1234567890.awsapps.com/start/',
    'https://d-1234567890.awsapps.com/start#/',
    'https://d-1234567890.awsapps.com/start/#/',
    'https://d-1234567890.awsapps.com/start/#',
    ' https://D-1234567890.awsapps.com/start// ',
  ])('links from the start URL %j', (startUrl) => {
    expect(portalShortcutUrl(startUrl, target)).toBe(
      'https://d-1234567890.awsapps.com/start/#/console?account_id=123456789012&role_name=AdministratorAccess',
    );
  });

  it('links from a regional portal URL without a path', () => {
    expect(portalShortcutUrl('https://ssoins-1234567890abcdef.eu-west-1.portal.amazonaws.com', target)).toBe(
      'https://ssoins-1234567890abcdef.eu-west-1.portal.amazonaws.com/#/console?account_id=123456789012&role_name=AdministratorAccess',
    );
  });

  it('encodes the destination and the role name as one parameter each', () => {
    const destination =
      'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:tag=a b&x';
    const link = portalShortcutUrl('https://my-corp.awsapps.com/start/#/', {
      accountId: '000000000001',
      roleName: 'Power User+Ops',
      destination,
    });
    expect(link).toBe(
      'https://my-corp.awsapps.com/start/#/console?account_id=000000000001&role_name=Power%20User%2BOps' +
        '&destination=https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fec2%2Fhome%3Fregion%3Deu-west-1%23Instances%3Atag%3Da%20b%26x',
    );
    const url = new URL(link);
    expect(url.pathname).toBe('/start/');
    const params = new URLSearchParams(url.hash.slice(url.hash.indexOf('?') + 1));
    expect([...params.keys()]).toEqual(['account_id', 'role_name', 'destination']);
    expect(params.get('account_id')).toBe('000000000001');
    expect(params.get('role_name')).toBe('Power User+Ops');
    expect(params.get('destination')).toBe(destination);
  });

  it.each([
    [
      'http://d-1234567890.awsapps.com/start',
      'Cannot build the access-portal link: the start URL must use https, for example https://d-1234567890.awsapps.com/start.',
    ],
    [
      'not a url',
      'Cannot build the access-portal link: the start URL "not a url" is not a URL, for example https://d-1234567890.awsapps.com/start.',
    ],
  ])('refuses the start URL %j', (startUrl, message) => {
    const error = appErrorOf(() => portalShortcutUrl(startUrl, target));
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toBe(message);
  });

  it.each(['12345678901', '1234567890123', '12345678901a', ''])('refuses the account ID %j', (accountId) => {
    const error = appErrorOf(() =>
      portalShortcutUrl('https://x.awsapps.com/start', { ...target, accountId }),
    );
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toBe(
      `"${accountId}" is not an AWS account ID; give the 12 digits, for example 123456789012.`,
    );
  });

  it('refuses an empty role name', () => {
    const error = appErrorOf(() =>
      portalShortcutUrl('https://x.awsapps.com/start', { ...target, roleName: ' ' }),
    );
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toBe('The access-portal link needs a role name; give the permission set name.');
  });
});
