import { ListAccountRolesCommand, ListAccountsCommand, type SSOClient } from '@aws-sdk/client-sso';

/**
 * The fixed-rate discovery strategies other tools use, rebuilt for comparison on the same
 * emulator: a steady 5 requests per second with the SDK's standard retries, and 5 workers that
 * sleep 5 s whenever they are throttled. Both list all pages of accounts, then each account's roles.
 */
export type PeerStrategy = 'fixed 5 req/s' | '5 workers, 5 s back-off';

export async function peerDiscovery(
  strategy: PeerStrategy,
  client: SSOClient,
  accessToken: string,
): Promise<void> {
  const accountIds: string[] = [];
  let nextToken: string | undefined;
  const call = strategy === 'fixed 5 req/s' ? fixedRate(5) : backOffOnThrottle(5000);
  do {
    const page = await call(() =>
      client.send(new ListAccountsCommand({ accessToken, maxResults: 100, nextToken })),
    );
    for (const account of page.accountList ?? []) if (account.accountId) accountIds.push(account.accountId);
    nextToken = page.nextToken;
  } while (nextToken);
  const workers = strategy === 'fixed 5 req/s' ? accountIds.length : 5;
  const queue = [...accountIds];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let accountId = queue.shift(); accountId; accountId = queue.shift()) {
        let roleToken: string | undefined;
        do {
          const page = await call(() =>
            client.send(
              new ListAccountRolesCommand({ accessToken, accountId, maxResults: 100, nextToken: roleToken }),
            ),
          );
          roleToken = page.nextToken;
        } while (roleToken);
      }
    }),
  );
}

type Caller = <T>(run: () => Promise<T>) => Promise<T>;

/** One call start every 1/rate seconds, whatever the answers. */
function fixedRate(perSecond: number): Caller {
  let nextAt = 0;
  return async (run) => {
    const now = performance.now();
    const slot = Math.max(now, nextAt);
    nextAt = slot + 1000 / perSecond;
    await new Promise((resolve) => setTimeout(resolve, slot - now));
    return run();
  };
}

/** As fast as the workers go; a throttled call sleeps `backOffMs` and tries again. */
function backOffOnThrottle(backOffMs: number): Caller {
  return async (run) => {
    for (;;) {
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof Error) || error.name !== 'TooManyRequestsException') throw error;
        await new Promise((resolve) => setTimeout(resolve, backOffMs));
      }
    }
  };
}
