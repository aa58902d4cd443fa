import { ListAccountRolesCommand } from '@aws-sdk/client-sso';
import { Emulator } from '../tests/emulator';
import { emulatorAccessToken } from '../tests/support/emulator-token';
import { portalClient } from '../tests/support/sdk-clients';
import { printTable } from './measure';

/**
 * The emulator's own capacity through the real SDK client: it must serve far more than the
 * throttle limits the discovery benchmarks set (10–50 requests per second), or it would be the
 * bottleneck they measure.
 */
export async function emulatorBench(): Promise<void> {
  const emulator = await Emulator.start({ accounts: 50, rolesPerAccount: 3 });
  const accessToken = await emulatorAccessToken(emulator);
  const portal = portalClient(emulator);
  const rows = [['concurrency', 'requests', 'seconds', 'requests/s']];
  for (const concurrency of [1, 16]) {
    let done = 0;
    const started = performance.now();
    const deadline = started + 2000;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        while (performance.now() < deadline) {
          const account = emulator.org.accounts[(done + worker) % emulator.org.accounts.length];
          await portal.send(new ListAccountRolesCommand({ accessToken, accountId: account?.accountId }));
          done++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    rows.push([String(concurrency), String(done), seconds.toFixed(2), (done / seconds).toFixed(0)]);
  }
  printTable('Emulator throughput (ListAccountRoles through the AWS SDK, no throttle)', rows);
  portal.destroy();
  await emulator.close();
}
