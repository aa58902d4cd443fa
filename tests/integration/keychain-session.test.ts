// The test machine's keychain: @napi-rs/keyring against a real gnome-keyring (Secret Service) in
// the private D-Bus session that scripts/with-keyring-session.sh starts. If this fails, every
// keychain test after it would too: run the suites through that script (see README, Test).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Entry } from '@napi-rs/keyring';
import { describe, expect, it } from 'vitest';

describe('the OS keychain in the test session', () => {
  it('stores, reads and deletes a secret in the Secret Service, visible to secret-tool', () => {
    expect(
      process.env.DBUS_SESSION_BUS_ADDRESS,
      'run the tests through scripts/with-keyring-session.sh',
    ).toBeTruthy();
    const service = `sso-tray-test-${randomUUID()}`;
    const entry = new Entry(service, 'probe', { linux: { store: 'secret-service' } });
    const secret = `value-${randomUUID()}`;
    entry.setPassword(secret);
    try {
      expect(new Entry(service, 'probe', { linux: { store: 'secret-service' } }).getPassword()).toBe(secret);
      const listed = execFileSync('secret-tool', ['lookup', 'service', service, 'username', 'probe'], {
        encoding: 'utf8',
      });
      expect(listed).toBe(secret);
    } finally {
      expect(entry.deletePassword()).toBe(true);
    }
    expect(entry.getPassword()).toBeNull();
  });
});
