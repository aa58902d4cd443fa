import type { SignInRig } from './sign-in-rig';
import { runProcess } from './built-cli';

/**
 * Resolves profiles with the AWS SDK for JavaScript's own `fromIni`, in a child process that sees
 * only the rig's environment (its temp HOME, AWS_CONFIG_FILE and the emulator endpoints), the way
 * a user's Node program would. Returns each profile's access key id, or the error's message.
 */
export async function resolveWithFromIni(
  rig: SignInRig,
  profiles: readonly string[],
): Promise<Record<string, string>> {
  const script = `
    import { fromIni } from '@aws-sdk/credential-provider-ini';
    const resolved = {};
    for (const profile of process.argv.slice(1)) {
      try {
        resolved[profile] = (await fromIni({ profile, ignoreCache: true })()).accessKeyId;
      } catch (error) {
        resolved[profile] = 'error: ' + error.message;
      }
    }
    process.stdout.write(JSON.stringify(resolved));
  `;
  const result = await runProcess(
    process.execPath,
    ['--input-type=module', '-e', script, ...profiles],
    rig.env(),
  );
  if (result.code !== 0) throw new Error(`fromIni child failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, string>;
}
