import { SSOClient } from '@aws-sdk/client-sso';
import { systemClock } from '../electron/core/app/clock';
import { AdaptiveRateLimiter } from '../electron/core/inventory/adaptive-rate-limiter';
import { discoverInventory } from '../electron/core/inventory/discover-inventory';
import { PacedCaller } from '../electron/core/inventory/paced-caller';
import { Emulator } from '../tests/emulator';
import { emulatorAccessToken } from '../tests/support/emulator-token';
import { printTable } from './measure';
import { peerDiscovery } from './peer-discovery';

const accounts = 300;
const rolesPerAccount = 3;
const latencyMs = 20;
const limits = [10, 20, 50];

/**
 * Discovery of 300 accounts × 3 roles at 20 ms latency under throttle limits of 10, 20 and 50
 * requests per second. The figure of merit is wall time ÷ (successful calls ÷ limit): 1.00 means
 * the limit was used fully (the bucket's one-second burst can take it a little under 1).
 */
export async function discoveryBench(): Promise<void> {
  const rows = [['limit (req/s)', 'strategy', 'calls', 'seconds', 'time ÷ ideal', '429s']];
  for (const limit of limits) {
    for (const strategy of ['SSO Tray (adaptive)', 'fixed 5 req/s', '5 workers, 5 s back-off'] as const) {
      const emulator = await Emulator.start({ accounts, rolesPerAccount, seed: 42 });
      const accessToken = await emulatorAccessToken(emulator);
      emulator.setKnobs({ tps: limit, latencyMs });
      emulator.log.clear();
      // Peers keep the SDK's standard retries (3 attempts); SSO Tray turns them off (its own policy).
      const client = new SSOClient({
        region: emulator.org.region,
        endpoint: emulator.url,
        maxAttempts: strategy === 'fixed 5 req/s' ? 3 : 1,
        credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' },
      });
      const started = performance.now();
      if (strategy === 'SSO Tray (adaptive)') {
        const caller = new PacedCaller(new AdaptiveRateLimiter(systemClock), systemClock);
        const inventory = await discoverInventory('bench', {
          client,
          accessToken,
          caller,
          clock: systemClock,
        });
        if (!inventory.complete) throw new Error('the benchmark discovery came back partial');
      } else await peerDiscovery(strategy, client, accessToken);
      const seconds = (performance.now() - started) / 1000;
      const throttled = emulator.log.throttled();
      const calls = emulator.log.count('ListAccounts') + emulator.log.count('ListAccountRoles') - throttled;
      rows.push([
        String(limit),
        strategy,
        String(calls),
        seconds.toFixed(1),
        (seconds / (calls / limit)).toFixed(2),
        String(throttled),
      ]);
      client.destroy();
      await emulator.close();
    }
  }
  printTable(`Discovery: ${accounts} accounts × ${rolesPerAccount} roles, ${latencyMs} ms latency`, rows);
}
