import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../electron/core/app/app-error';
import { registerIpcRouter } from '../../electron/main/ipc/ipc-router';
import { invokeChannel, invokeMethodNames, type InvokeMethodName } from '../../shared/ipc-contract';
import {
  FakeIpcMain,
  invalidRequests,
  isTrustedFake,
  recordingHandlers,
  results,
  validRequests,
} from '../support/ipc-fixtures';

function router(options: Parameters<typeof registerIpcRouter>[3] = { onUnexpectedError: vi.fn() }) {
  const ipc = new FakeIpcMain();
  const { handlers, calls } = recordingHandlers();
  const dispose = registerIpcRouter(ipc, handlers, isTrustedFake, options);
  return { ipc, handlers, calls, dispose };
}

const badPayloads = invokeMethodNames.flatMap((method) =>
  invalidRequests[method].map(([payload, field]) => ({ method, payload, field })),
);

describe('the IPC router', () => {
  it('registers one handler per contract method, on the channel derived from its name, and removes them', () => {
    const { ipc, dispose } = router();
    expect([...ipc.listeners.keys()].sort()).toEqual(
      invokeMethodNames.map((name) => `sso-tray:${name}`).sort(),
    );
    dispose();
    expect(ipc.listeners.size).toBe(0);
  });

  it.each(invokeMethodNames)(
    'passes a valid %s payload, parsed, to its handler and returns its result',
    async (method) => {
      const { ipc, calls } = router();
      const answer = await ipc.invoke(invokeChannel(method), validRequests[method]);
      expect(answer).toEqual({ ok: true, value: results[method] });
      expect(calls).toEqual([{ method, request: validRequests[method] }]);
    },
  );

  it('has at least one invalid payload for every method', () => {
    for (const method of invokeMethodNames) expect(invalidRequests[method].length).toBeGreaterThan(0);
  });

  it.each(badPayloads)(
    'refuses $method with $payload as InvalidInput naming "$field", without calling the handler',
    async ({ method, payload, field }) => {
      const { ipc, calls } = router();
      const answer = await ipc.invoke(invokeChannel(method), payload);
      expect(answer).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
      const { message } = (answer as { error: { message: string } }).error;
      expect(message.startsWith(`${method}: ${field}: `)).toBe(true);
      expect(message).not.toMatch(/\n/);
      expect(message).not.toMatch(/Invalid input$/);
      expect(calls).toEqual([]);
    },
  );

  it('says what is wrong in words', async () => {
    const { ipc } = router();
    const ask = async (method: InvokeMethodName, payload: unknown) =>
      ((await ipc.invoke(invokeChannel(method), payload)) as { error: { message: string } }).error.message;
    expect(await ask('useRole', { session: 'acme', accountId: '1', roleName: 'R' })).toBe(
      'useRole: accountId: must be a 12-digit AWS account id',
    );
    expect(await ask('signOut', { session: 42 })).toBe('signOut: session: must be a string');
    expect(await ask('getInventory', { session: 'acme', extra: true })).toBe(
      'getInventory: request: unknown field extra',
    );
    expect(await ask('signIn', { session: 'acme', flow: 'password' })).toBe(
      'signIn: flow: must be one of "pkce", "device-code"',
    );
    expect(await ask('getSnapshot', {})).toBe('getSnapshot: request: takes no value');
    expect(await ask('addSession', { name: 'acme', startUrl: 'https://x.example', region: 'mars-1' })).toBe(
      'addSession: region: "mars-1" is not an AWS region, for example us-east-1',
    );
  });

  it('never echoes a huge value back', async () => {
    const { ipc } = router();
    const answer = (await ipc.invoke(invokeChannel('signOut'), { session: 'x '.repeat(100_000) })) as {
      error: { message: string };
    };
    expect(answer.error.message).toBe('signOut: session: must be at most 128 characters long');
  });

  it.each(invokeMethodNames)(
    'refuses %s from a foreign sender before looking at the payload',
    async (method) => {
      const { ipc, calls } = router();
      const answer = await ipc.invoke(invokeChannel(method), validRequests[method], { trusted: false });
      expect(answer).toEqual({
        ok: false,
        error: { code: 'AccessDenied', message: expect.any(String) as string },
      });
      expect(calls).toEqual([]);
    },
  );

  it('refuses a sender whose check throws', async () => {
    const ipc = new FakeIpcMain();
    registerIpcRouter(ipc, recordingHandlers().handlers, () => {
      throw new Error('frame gone');
    });
    expect(await ipc.invoke(invokeChannel('getSnapshot'), undefined)).toMatchObject({
      ok: false,
      error: { code: 'AccessDenied' },
    });
  });

  it('answers an AppError with its code and message', async () => {
    const { ipc, handlers } = router();
    vi.mocked(handlers.signIn).mockRejectedValue(
      new AppError('SessionExpired', 'The session acme expired; sign in again.', {
        cause: new Error('token=abc'),
      }),
    );
    expect(await ipc.invoke(invokeChannel('signIn'), { session: 'acme' })).toEqual({
      ok: false,
      error: { code: 'SessionExpired', message: 'The session acme expired; sign in again.' },
    });
  });

  it('answers any other failure as Internal, without its text, and reports it to the log', async () => {
    const onUnexpectedError = vi.fn();
    const { ipc, handlers } = router({ onUnexpectedError });
    const failure = new Error('ENOENT /home/me/.aws/sso/cache/secret-token.json');
    vi.mocked(handlers.useRole).mockRejectedValue(failure);
    const answer = await ipc.invoke(invokeChannel('useRole'), validRequests.useRole);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'Internal', message: 'Something went wrong in SSO Tray; see the log.' },
    });
    expect(JSON.stringify(answer)).not.toMatch(/ENOENT|secret|token|at /);
    expect(onUnexpectedError).toHaveBeenCalledWith('useRole', failure);
  });

  it('answers a synchronous throw, a thrown non-Error and a failing logger the same way', async () => {
    const { ipc, handlers } = router({
      onUnexpectedError: () => {
        throw new Error('log disk full');
      },
    });
    vi.mocked(handlers.hideWindow).mockImplementation(() => {
      throw new Error('window gone');
    });
    vi.mocked(handlers.getSnapshot).mockRejectedValue('a string with a password');
    for (const method of ['hideWindow', 'getSnapshot'] as const) {
      expect(await ipc.invoke(invokeChannel(method), undefined)).toEqual({
        ok: false,
        error: { code: 'Internal', message: 'Something went wrong in SSO Tray; see the log.' },
      });
    }
  });

  it('logs unexpected errors to the console by default: name, message and frames, secrets masked', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const ipc = new FakeIpcMain();
    const { handlers } = recordingHandlers();
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    vi.mocked(handlers.cancelSignIn).mockRejectedValue(
      Object.assign(new Error(`boom with ${secret}`), {
        $response: { body: `{"secretAccessKey":"${secret}"}` },
      }),
    );
    registerIpcRouter(ipc, handlers, isTrustedFake);
    await ipc.invoke(invokeChannel('cancelSignIn'), { session: 'acme' });
    expect(error).toHaveBeenCalledOnce();
    const logged = error.mock.calls[0]?.join(' ') ?? '';
    expect(logged).toMatch(
      /^SSO Tray: the cancelSignIn request failed: Error: boom with \[redacted\]\n\s+at /,
    );
    expect(logged).not.toContain(secret);
    expect(logged).not.toContain('secretAccessKey');
    error.mockRestore();
  });
});
