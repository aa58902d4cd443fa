// Where a console sign-in lands: the region's console home, a service's home, or a console URL the
// user pasted, on the regional console host of the region's partition, and nothing off AWS's
// console hosts (the signed-in browser is sent there).
import { describe, expect, it } from 'vitest';
import { consoleDestination } from '../../electron/core/console/console-destination';
import { appErrorOf } from '../support/app-error-of';

describe('consoleDestination', () => {
  it.each([
    ['us-east-1', 'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1'],
    ['eu-west-1', 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1'],
    ['cn-north-1', 'https://cn-north-1.console.amazonaws.cn/console/home?region=cn-north-1'],
    ['cn-northwest-1', 'https://cn-northwest-1.console.amazonaws.cn/console/home?region=cn-northwest-1'],
    ['us-gov-west-1', 'https://us-gov-west-1.console.amazonaws-us-gov.com/console/home?region=us-gov-west-1'],
  ])('gives the console home of %s on its partition', (region, expected) => {
    expect(consoleDestination({ region })).toBe(expected);
  });

  it.each([
    ['eu-central-1', 'ec2', 'https://eu-central-1.console.aws.amazon.com/ec2/home?region=eu-central-1'],
    ['cn-north-1', 's3', 'https://cn-north-1.console.amazonaws.cn/s3/home?region=cn-north-1'],
    [
      'us-gov-west-1',
      'cloudformation',
      'https://us-gov-west-1.console.amazonaws-us-gov.com/cloudformation/home?region=us-gov-west-1',
    ],
    [
      'us-east-1',
      'systems-manager',
      'https://us-east-1.console.aws.amazon.com/systems-manager/home?region=us-east-1',
    ],
    ['us-east-1', 'route53', 'https://us-east-1.console.aws.amazon.com/route53/home?region=us-east-1'],
  ])('gives the home of a service in %s: %s', (region, service, expected) => {
    expect(consoleDestination({ region, service })).toBe(expected);
  });

  it.each(['EC2', 'ec2/../iam', 'ec2?x=1', 'ec2#x', '-ec2', 'ec2-', 'ec 2', '', 'é'])(
    'refuses the service name %j',
    (service) => {
      const error = appErrorOf(() => consoleDestination({ region: 'us-east-1', service }));
      expect(error.code).toBe('InvalidInput');
      expect(error.message).toBe(
        `"${service}" is not a console service name: use lower-case letters, digits and dashes, for example ec2.`,
      );
    },
  );

  it.each([
    ['us-east-1', 'https://console.aws.amazon.com/', 'https://console.aws.amazon.com/'],
    [
      'eu-west-1',
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups',
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups',
    ],
    // Another region of the same partition, and a service host under the console host.
    [
      'us-east-1',
      'https://us-west-2.console.aws.amazon.com/lambda/home',
      'https://us-west-2.console.aws.amazon.com/lambda/home',
    ],
    [
      'us-east-1',
      'https://s3.console.aws.amazon.com/s3/buckets/my-bucket',
      'https://s3.console.aws.amazon.com/s3/buckets/my-bucket',
    ],
    // Normalised as parsed: upper-case host, surrounding blanks, a space in the path.
    [
      'us-east-1',
      '  HTTPS://Console.AWS.Amazon.com/ec2/home?tag=a b ',
      'https://console.aws.amazon.com/ec2/home?tag=a%20b',
    ],
    ['cn-north-1', 'https://console.amazonaws.cn/ec2/home', 'https://console.amazonaws.cn/ec2/home'],
    [
      'us-gov-east-1',
      'https://us-gov-east-1.console.amazonaws-us-gov.com/iam/home',
      'https://us-gov-east-1.console.amazonaws-us-gov.com/iam/home',
    ],
  ])('in %s takes the console URL %s', (region, url, expected) => {
    expect(consoleDestination({ region, url })).toBe(expected);
  });

  const awsHint =
    'give an https address on console.aws.amazon.com, for example https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1.';
  it.each([
    [
      'https://evil.example/',
      `"evil.example" is not an AWS console host of the aws partition (region us-east-1); ${awsHint}`,
    ],
    [
      'https://console.aws.amazon.com.evil.com/',
      `"console.aws.amazon.com.evil.com" is not an AWS console host of the aws partition (region us-east-1); ${awsHint}`,
    ],
    [
      'https://evilconsole.aws.amazon.com/',
      `"evilconsole.aws.amazon.com" is not an AWS console host of the aws partition (region us-east-1); ${awsHint}`,
    ],
    [
      'https://a.b.console.aws.amazon.com/',
      `"a.b.console.aws.amazon.com" is not an AWS console host of the aws partition (region us-east-1); ${awsHint}`,
    ],
    [
      'https://signin.aws.amazon.com/federation',
      `"signin.aws.amazon.com" is not an AWS console host of the aws partition (region us-east-1); ${awsHint}`,
    ],
    [
      'https://console.amazonaws.cn/',
      `"console.amazonaws.cn" is not an AWS console host of the aws partition (region us-east-1); ${awsHint}`,
    ],
    ['http://console.aws.amazon.com/', `The console URL must use https; ${awsHint}`],
    ['javascript:alert(1)', `The console URL must use https; ${awsHint}`],
    [
      'https://x@console.aws.amazon.com/',
      `The console URL must not contain a user name or password; ${awsHint}`,
    ],
    [
      'https://console.aws.amazon.com:secret@evil.example/',
      `The console URL must not contain a user name or password; ${awsHint}`,
    ],
    ['https://console.aws.amazon.com:8443/', `The console URL must not name a port; ${awsHint}`],
    ['console.aws.amazon.com/ec2', `The console URL is not a URL; ${awsHint}`],
    ['', `The console URL is not a URL; ${awsHint}`],
  ])('refuses %j', (url, message) => {
    const error = appErrorOf(() => consoleDestination({ region: 'us-east-1', url }));
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('secret@');
  });

  it('checks a URL against the partition of the region', () => {
    const error = appErrorOf(() =>
      consoleDestination({ region: 'cn-north-1', url: 'https://console.aws.amazon.com/' }),
    );
    expect(error.message).toBe(
      '"console.aws.amazon.com" is not an AWS console host of the aws-cn partition (region cn-north-1); give an https address on console.amazonaws.cn, for example https://cn-north-1.console.amazonaws.cn/console/home?region=cn-north-1.',
    );
  });

  it.each(['moon-1', 'us-east', 'US EAST 1', '', 'eusc-de-east-1'])('refuses the region %j', (region) => {
    const error = appErrorOf(() => consoleDestination({ region }));
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toBe(
      `Cannot open the AWS console in "${region}": it is not an AWS region; use one such as us-east-1.`,
    );
  });

  it('takes a service or a URL, not both', () => {
    const error = appErrorOf(() =>
      consoleDestination({ region: 'us-east-1', service: 'ec2', url: 'https://console.aws.amazon.com/' }),
    );
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toBe('Give either a console service or a console URL, not both.');
  });
});
