import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * AWS CLI 2.9.19 ignores `AWS_ENDPOINT_URL_SSO*`, but it loads endpoint rule sets from
 * `AWS_DATA_PATH` before its bundled ones (aws-sso-reference.md §3.3 and appendix A.1). This writes
 * a rule set that sends both SSO services to the emulator, and returns the folder for `AWS_DATA_PATH`.
 */
export async function writeAwsCliEndpointRuleSets(dataPath: string, endpointUrl: string): Promise<string> {
  const ruleSet = {
    version: '1.0',
    parameters: {
      Region: { builtIn: 'AWS::Region', required: false, type: 'String' },
      UseDualStack: { builtIn: 'AWS::UseDualStack', required: true, default: false, type: 'Boolean' },
      UseFIPS: { builtIn: 'AWS::UseFIPS', required: true, default: false, type: 'Boolean' },
      Endpoint: { builtIn: 'SDK::Endpoint', required: false, type: 'String' },
    },
    rules: [
      { conditions: [], type: 'endpoint', endpoint: { url: endpointUrl, properties: {}, headers: {} } },
    ],
  };
  for (const service of ['sso', 'sso-oidc']) {
    const folder = join(dataPath, service, '2019-06-10');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'endpoint-rule-set-1.json'), JSON.stringify(ruleSet, null, 2));
  }
  return dataPath;
}
