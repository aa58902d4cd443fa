import { execFile } from 'node:child_process';

/** Reads an SSO Tray keychain item with secret-tool, as a user inspecting their keychain would. */
export function keychainItem(key: string, service = 'sso-tray'): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('secret-tool', ['lookup', 'service', service, 'username', key], (error, stdout) => {
      resolve(error ? undefined : stdout);
    });
  });
}
