import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../electron/main/security/external-url-policy';

const startUrls = ['https://my-company.example.com/start', 'https://d-1234567890.awsapps.com/start'];

describe('isAllowedExternalUrl', () => {
  it.each([
    // Consoles of every partition, regional and service hosts included.
    'https://console.aws.amazon.com/',
    'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1',
    'https://s3.console.aws.amazon.com/s3/buckets',
    'https://console.amazonaws-us-gov.com/',
    'https://us-gov-west-1.console.amazonaws-us-gov.com/console/home',
    'https://console.amazonaws.cn/',
    'https://cn-north-1.console.amazonaws.cn/',
    'https://CONSOLE.AWS.AMAZON.COM/',
    'https://console.aws.amazon.com:443/',
    // Sign-in and federation hosts.
    'https://signin.aws.amazon.com/federation?Action=login&SigninToken=secret',
    'https://us-east-1.signin.aws.amazon.com/oauth?Action=logout',
    'https://eu-central-1.signin.aws.amazon.com/federation',
    'https://signin.amazonaws-us-gov.com/federation',
    'https://us-gov-east-1.signin.amazonaws-us-gov.com/federation',
    'https://signin.amazonaws.cn/federation',
    'https://cn-northwest-1.signin.amazonaws.cn/federation',
    // IAM Identity Center's own sign-in pages.
    'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH',
    'https://oidc.eu-west-1.amazonaws.com/authorize?response_type=code',
    'https://device.sso.cn-north-1.amazonaws.com.cn/',
    'https://oidc.us-gov-west-1.amazonaws.com/authorize',
    // Access portals (the AWS CLI's AWS-owned suffixes).
    'https://d-9067642ac7.awsapps.com/start/#/console?account_id=111111111111&role_name=Admin',
    'https://acme.awsapps.com/start',
    'https://start.us-gov-home.awsapps.com/directory/d-1234567890',
    'https://d-1234567890.awsapps.cn/start',
    'https://ssoins-72230f3d4e1a2b3c.us-east-1.portal.amazonaws.com/',
    'https://ssoins-72230f3d4e1a2b3c.portal.us-east-1.app.aws/',
    'https://ssoins-72230f3d4e1a2b3c.cn-north-1.portal.amazonaws.com.cn/',
    'https://ssoins-72230f3d4e1a2b3c.portal.cn-north-1.app.amazonwebservices.com.cn/',
    'https://ssoins-72230f3d4e1a2b3c.eusc-de-east-1.portal.amazonaws.eu/',
    // A configured start URL's host, any path.
    'https://my-company.example.com/start#/',
    'https://my-company.example.com/other/page',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url, startUrls)).toBe(true);
  });

  it.each([
    // Not https.
    ['http://console.aws.amazon.com/', 'plain http'],
    ['javascript:alert(1)', 'javascript:'],
    ['data:text/html,<script>alert(1)</script>', 'data:'],
    ['file:///etc/passwd', 'file:'],
    ['ftp://console.aws.amazon.com/', 'ftp:'],
    ['wss://console.aws.amazon.com/', 'websocket'],
    // Credentials, ports.
    ['https://user:pass@console.aws.amazon.com/', 'user info'],
    ['https://user@console.aws.amazon.com/', 'user name'],
    ['https://console.aws.amazon.com:8443/', 'another port'],
    ['https://my-company.example.com:444/start', 'start URL host on another port'],
    // Lookalikes.
    ['https://console.aws.amazon.com.evil.com/', 'suffix lookalike'],
    ['https://evil.com/console.aws.amazon.com', 'host in the path'],
    ['https://evil.com\\@console.aws.amazon.com/', 'backslash trick'],
    ['https://console.aws.amazon.com@evil.com/', 'host as user info'],
    ['https://evilconsole.aws.amazon.com.attacker.net/', 'prefix lookalike'],
    ['https://console-aws-amazon.com/', 'hyphenated lookalike'],
    ['https://a.b.console.aws.amazon.com/', 'two labels in front of the console'],
    ['https://console.aws.amazon.com./', 'trailing dot'],
    ['https://awsapps.com/start', 'the bare portal zone'],
    ['https://d-1234567890.awsapps.com.evil.com/start', 'portal lookalike'],
    ['https://xawsapps.com/start', 'portal suffix without a dot'],
    ['https://evil.signin.aws.amazon.com/', 'a non-region label on the sign-in host'],
    ['https://eu-west-1.signin.amazonaws.cn/', 'a region of another partition'],
    ['https://device.sso.evil.com/', 'device host elsewhere'],
    ['https://oidc.us-east-1.amazonaws.com.evil.com/', 'oidc lookalike'],
    ['https://my-company.example.com.evil.com/', 'start URL host lookalike'],
    ['https://example.com/', 'the parent of a start URL host'],
    ['https://203.0.113.7/', 'an IP address'],
    ['https://[::1]/', 'an IPv6 address'],
    ['', 'empty'],
    ['not a url', 'not a URL'],
  ])('refuses %s (%s)', (url) => {
    expect(isAllowedExternalUrl(url, startUrls)).toBe(false);
  });

  it('ignores start URLs that are not plain https', () => {
    const risky = ['http://intranet.example.com/start', 'https://user:pw@portal.example.com/start', 'junk'];
    expect(isAllowedExternalUrl('https://intranet.example.com/start', risky)).toBe(false);
    expect(isAllowedExternalUrl('https://portal.example.com/start', risky)).toBe(false);
    expect(isAllowedExternalUrl('https://my-company.example.com/start', [])).toBe(false);
  });
});
